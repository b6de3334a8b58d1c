import { messages } from '../../errors/messages';
import type { CvsService } from '../../cvs-payment/cvs.service';
import type { PortOnePaymentSorting } from '../../cvs-payment/dto/list-payments-by-status.dto';
import type { PortOnePayment } from '../../cvs-payment/models/payment.model';
import { reconciledEvent, type DeliverReconciled, type ReconcileOutcome } from './reconcile-payment';
import { RECONCILE_DEFAULTS } from './reconcile-options';

/** What one sweep did, in counts (never ids or personal data): what the log line and the metrics report. @internal */
export interface SweepCounts {
  /** Payments PortOne listed (each page's list, overlap included). */
  listed: number;
  /** Dispatched by this sweep (inline mode). */
  dispatched: number;
  /** Handed to the webhook queue (queue mode): new jobs, and payments whose job was already there. */
  queued: number;
  /** Already handled: their notice (or an earlier sweep) was dispatched. */
  alreadyHandled: number;
  /** Claimed by a running attempt (a notice being handled): left for the next sweep. */
  inProgress: number;
  /** A handler threw, or the claim store or queue failed: left for the next sweep. */
  failed: number;
  /** PortOne list calls made. */
  pages: number;
}

/** The statuses a sweep lists, and the order that keeps the pages of each stable. */
const LISTS: readonly { status: 'paid' | 'cancelled'; sorting: PortOnePaymentSorting }[] = [
  { status: 'paid', sorting: 'paid' },
  { status: 'cancelled', sorting: 'updated' },
];

/** @internal */
export interface SweepDeps {
  readonly cvs: CvsService;
  readonly deliver: DeliverReconciled;
  /** Aborts the list calls and stops dispatching (shutdown, or a lost lease). */
  readonly signal: AbortSignal;
}

/** How a sweep ended: whether the cursor may move to `to`, and what stopped it early, if anything. @internal */
export interface SweepResult {
  readonly complete: boolean;
  /** The claim store or the queue failed: every further payment would fail too, so the sweep stopped. */
  readonly stoppedBy?: string;
}

/**
 * One pass over PortOne's records between `from` and `to`: every page of paid, then of cancelled payments,
 * each payment handed on once (dispatched through the claims, or queued), adding to `counts` as it goes.
 * Resolves to whether everything listed is now handled (only then may the cursor move to `to`); rejects when
 * PortOne or a page fails (`counts` then holds what was done before).
 * @internal
 */
export async function sweep(
  deps: SweepDeps,
  window: { readonly from: Date; readonly to: Date },
  counts: SweepCounts,
): Promise<SweepResult> {
  let complete = true;
  let stoppedBy: string | undefined;
  for (const { status, sorting } of LISTS) {
    let total: number | undefined;
    for (let page = 1; page !== 0 && !deps.signal.aborted && stoppedBy === undefined;) {
      const result = await deps.cvs.listByStatus(status, {
        ...window,
        page,
        limit: RECONCILE_DEFAULTS.pageSize,
        sorting,
        signal: deps.signal,
      });
      counts.pages += 1;
      counts.listed += result.list.length;
      // `to` is fixed, so the set only changes when a listed payment changes status (or PortOne's records
      // catch up) mid-sweep: the pages may then have shifted, so the cursor stays for the next sweep.
      if (total !== undefined && result.total !== total) complete = false;
      total = result.total;
      const handed = await deliverAll(result.list, deps);
      for (const outcome of handed.outcomes) if (!tally(outcome, counts)) complete = false;
      stoppedBy = handed.stoppedBy;
      page = result.next;
    }
  }
  return { complete: complete && stoppedBy === undefined && !deps.signal.aborted, stoppedBy };
}

/** Adds one outcome to the counts; true when the payment is handled. */
function tally(outcome: ReconcileOutcome | undefined, counts: SweepCounts): boolean {
  switch (outcome?.kind) {
    case 'dispatched':
      counts.dispatched += 1;
      return true;
    case 'queued':
      counts.queued += 1;
      return true;
    case 'duplicate':
      counts.alreadyHandled += 1;
      return true;
    case 'in-progress':
      counts.inProgress += 1;
      return false;
    case undefined:
      // Not attempted: the sweep was stopped.
      return false;
    default:
      counts.failed += 1;
      return false;
  }
}

/** Why a sweep stops at this outcome (the store or queue it needs failed), or undefined to go on. */
function stopReason(outcome: ReconcileOutcome): string | undefined {
  if (outcome.kind === 'store-unavailable')
    return messages.reconciliation.held.storeFailed(outcome.errorName);
  if (outcome.kind === 'queue-unavailable')
    return messages.reconciliation.held.queueFailed(outcome.errorName);
  return undefined;
}

/**
 * Hands a page's payments on a few at a time; stops starting new ones once the signal aborts or the claim
 * store or queue fails (each further one would wait for it to fail too: up to the queue's enqueue timeout).
 */
async function deliverAll(
  payments: readonly PortOnePayment[],
  deps: SweepDeps,
): Promise<{ outcomes: (ReconcileOutcome | undefined)[]; stoppedBy?: string }> {
  const outcomes: (ReconcileOutcome | undefined)[] = payments.map(() => undefined);
  let stoppedBy: string | undefined;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < payments.length && !deps.signal.aborted && stoppedBy === undefined) {
      const index = next++;
      const { key, event } = reconciledEvent(payments[index]);
      const outcome = await deps.deliver(key, event);
      outcomes[index] = outcome;
      stoppedBy ??= stopReason(outcome);
    }
  };
  const workers = Math.min(RECONCILE_DEFAULTS.concurrency, payments.length);
  await Promise.all(Array.from({ length: workers }, worker));
  return { outcomes, stoppedBy };
}
