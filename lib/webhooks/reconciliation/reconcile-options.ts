import { MAX_TIMER_MS } from '../../core/max-timer';
import { messages } from '../../errors/messages';
import { RECONCILIATION_STORE_METHODS } from '../claims/reconciliation-store.interface';
import type { ResolvedWebhookReceiverOptions } from '../options/resolve-webhook-receiver-options';

/**
 * `webhook.reconcile`: re-read PortOne's records of paid and cancelled V1 payments on a timer and dispatch
 * the ones whose notice never arrived (PortOne sends a V1 notice once). Off unless given.
 * @publicApi
 */
export interface PortOneWebhookReconcileOptions {
  /**
   * Time between sweeps (from the end of one to the start of the next). Each sweep costs at least two
   * PortOne calls (paid, cancelled), one more per 1,000 payments.
   * @default 60000 (one minute)
   */
  intervalMs?: number;
  /**
   * How far before the cursor each sweep starts listing, for clock skew between PortOne and the app and for
   * PortOne's records catching up. Payments in the overlap are listed again and recognised as handled.
   * @default 300000 (five minutes)
   */
  overlapMs?: number;
  /**
   * How far back the first sweep looks when the store holds no cursor yet (a cold start). At most
   * `webhookReceiver.dedupeWindowMs`, so that nothing handled within it is dispatched again.
   * @default 86400000 (one day)
   */
  lookBackMs?: number;
}

/** @internal */
export const RECONCILE_DEFAULTS = {
  intervalMs: 60_000,
  overlapMs: 300_000,
  lookBackMs: 86_400_000,
  /** PortOne's page size limit: the fewest calls per sweep. */
  pageSize: 1_000,
  /** A lease outlives a missed renewal (renewed every third of it); a dead holder's expires after this. */
  leaseMs: 30_000,
  /** Payments dispatched at once within a page. */
  concurrency: 8,
  /** Consecutive failed sweeps after which the health indicator reports reconciliation down. */
  downAfterFailures: 3,
  /** PortOne's longest `from`..`to` window. */
  maxWindowMs: 90 * 86_400_000,
} as const;

/** @internal */
export interface ResolvedReconcileOptions {
  readonly intervalMs: number;
  readonly overlapMs: number;
  readonly lookBackMs: number;
}

/** Problems with `webhook.reconcile` on its own, one message per rule broken. @internal */
export function reconcileProblems(raw: unknown): string[] {
  if (raw === undefined || raw === false || raw === true) return [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return [messages.options.reconcileShape];
  }
  const options = raw as Record<string, unknown>;
  const problems: string[] = [];
  const known = new Set(['intervalMs', 'overlapMs', 'lookBackMs']);
  for (const name of Object.keys(options)) {
    if (!known.has(name)) problems.push(messages.options.reconcileUnknownKey(name));
  }
  const intervalMs = options.intervalMs;
  // A Node timer of 2^31 ms or more fires after 1 ms: such an interval would sweep without pause.
  if (intervalMs !== undefined && !(isInteger(intervalMs, 10) && (intervalMs as number) <= MAX_TIMER_MS)) {
    problems.push(messages.options.reconcileIntervalMs);
  }
  const overlapMs = options.overlapMs;
  if (overlapMs !== undefined && !isInteger(overlapMs, 0)) {
    problems.push(messages.options.reconcileOverlapMs);
  }
  const lookBackMs = options.lookBackMs;
  if (
    lookBackMs !== undefined &&
    !(isInteger(lookBackMs, 1) && (lookBackMs as number) <= RECONCILE_DEFAULTS.maxWindowMs)
  ) {
    problems.push(messages.options.reconcileLookBackMs);
  }
  return problems;
}

/** Applies defaults; undefined when reconciliation is off. Call after {@link reconcileProblems}. @internal */
export function resolveReconcileOptions(
  raw: PortOneWebhookReconcileOptions | boolean | undefined,
): ResolvedReconcileOptions | undefined {
  if (raw === undefined || raw === false) return undefined;
  const options = raw === true ? {} : raw;
  return {
    intervalMs: options.intervalMs ?? RECONCILE_DEFAULTS.intervalMs,
    overlapMs: options.overlapMs ?? RECONCILE_DEFAULTS.overlapMs,
    lookBackMs: options.lookBackMs ?? RECONCILE_DEFAULTS.lookBackMs,
  };
}

/**
 * Problems of reconciliation with the receiver's options (known once the module's options are resolved): the
 * claim store must keep leases and cursors, and nothing a sweep lists again may have been forgotten as handled.
 * @internal
 */
export function reconcileReceiverProblems(
  reconcile: ResolvedReconcileOptions,
  receiver: ResolvedWebhookReceiverOptions,
): string[] {
  const problems: string[] = [];
  const store = receiver.claimStore as unknown as Record<string, unknown>;
  const missing = RECONCILIATION_STORE_METHODS.filter(method => typeof store[method] !== 'function');
  if (missing.length > 0) {
    problems.push(messages.options.reconcileStoreMethods(missing));
  }
  if (reconcile.lookBackMs > receiver.dedupeWindowMs) {
    problems.push(messages.options.reconcileLookBackBeyondDedupe);
  }
  if (reconcile.overlapMs >= receiver.dedupeWindowMs) {
    problems.push(messages.options.reconcileOverlapBeyondDedupe);
  }
  return problems;
}

function isInteger(value: unknown, min: number): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}
