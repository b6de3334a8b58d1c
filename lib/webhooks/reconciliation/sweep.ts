import type { CvsService } from '../../cvs-payment/cvs.service';
import type { PortOnePaymentSorting } from '../../cvs-payment/dto/list-payments-by-status.dto';
import type { PortOnePayment } from '../../cvs-payment/models/payment.model';
import type { DispatchOutcome } from '../dispatch/once-only-dispatcher';
import { reconciledEvent, type DeliverReconciled } from './reconcile-payment';
import { RECONCILE_DEFAULTS } from './reconcile-options';

/** What one sweep did, in counts (never ids or personal data): what the log line and the metrics report. @internal */
export interface SweepCounts {
  /** Payments PortOne listed (each page's list, overlap included). */
  listed: number;
  /** Dispatched (or enqueued) by this sweep. */
  dispatched: number;
  /** Already handled: their notice (or an earlier sweep) was dispatched. */
  alreadyHandled: number;
  /** Claimed by a running attempt (a notice being handled): left for the next sweep. */
  inProgress: number;
  /** A handler threw or the claim store failed: left for the next sweep. */
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

/**
 * One pass over PortOne's records between `from` and `to`: every page of paid, then of cancelled payments,
 * each payment dispatched once through the claims, adding to `counts` as it goes. Resolves to whether
 * everything listed is now handled (only then may the cursor move to `to`); rejects when PortOne or a page
 * fails (`counts` then holds what was done before).
 * @internal
 */
export async function sweep(
  deps: SweepDeps,
  window: { readonly from: Date; readonly to: Date },
  counts: SweepCounts,
): Promise<{ complete: boolean }> {
  let complete = true;
  for (const { status, sorting } of LISTS) {
    let total: number | undefined;
    for (let page = 1; page !== 0 && !deps.signal.aborted;) {
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
      const outcomes = await dispatchAll(result.list, deps);
      for (const outcome of outcomes) if (!tally(outcome, counts)) complete = false;
      page = result.next;
    }
  }
  return { complete: complete && !deps.signal.aborted };
}

/** Adds one outcome to the counts; true when the payment is handled. */
function tally(outcome: DispatchOutcome | undefined, counts: SweepCounts): boolean {
  switch (outcome?.kind) {
    case 'dispatched':
      counts.dispatched += 1;
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

/** Dispatches a page's payments a few at a time; stops starting new ones once the signal aborts. */
async function dispatchAll(
  payments: readonly PortOnePayment[],
  deps: SweepDeps,
): Promise<(DispatchOutcome | undefined)[]> {
  const outcomes: (DispatchOutcome | undefined)[] = payments.map(() => undefined);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < payments.length && !deps.signal.aborted) {
      const index = next++;
      const { key, event } = reconciledEvent(payments[index]);
      outcomes[index] = await deps.deliver(key, event);
    }
  };
  const workers = Math.min(RECONCILE_DEFAULTS.concurrency, payments.length);
  await Promise.all(Array.from({ length: workers }, worker));
  return outcomes;
}
