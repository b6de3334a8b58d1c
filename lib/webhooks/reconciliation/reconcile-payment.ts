import type { PortOnePayment } from '../../cvs-payment/models/payment.model';
import type { DispatchOutcome } from '../dispatch/once-only-dispatcher';
import type { PortOneV1PaymentEvent } from '../events/webhook-events';
import { v1DeliveryKey } from '../v1/v1-notice';

/**
 * What became of one reconciled payment: a dispatch outcome (inline mode), or, in queue mode, stored in the
 * queue under its delivery key (a job already there, queued by its notice or an earlier sweep, adds nothing)
 * or not stored because the queue failed.
 * @internal
 */
export type ReconcileOutcome =
  | DispatchOutcome
  | { readonly kind: 'queued' }
  | { readonly kind: 'queue-unavailable'; readonly errorName: string };

/** Hands one reconciled event on: dispatches it inline (or, in queue mode, enqueues it). @internal */
export type DeliverReconciled = (key: string, event: PortOneV1PaymentEvent) => Promise<ReconcileOutcome>;

/**
 * The event and claim key a listed payment becomes: the same as its notice would produce, so whichever
 * arrives first is dispatched and the other is recognised as handled. A notice about a cancellation names
 * it (`cancellation_id`); PortOne's latest cancellation is the one a notice about the payment's current state
 * names, so the sweep keys a cancelled payment by that.
 * @internal
 */
export function reconciledEvent(payment: PortOnePayment): { key: string; event: PortOneV1PaymentEvent } {
  const cancellationId = latestCancellationId(payment);
  return {
    key: v1DeliveryKey(payment, cancellationId),
    event: {
      api: 'v1',
      type: `payment.${payment.status}`,
      source: 'reconciliation',
      payment,
      cancellationId,
    },
  };
}

function latestCancellationId(payment: PortOnePayment): string | undefined {
  let latest: { id: string; at: number } | undefined;
  for (const entry of payment.cancelHistory ?? []) {
    if (entry.cancellationId === undefined) continue;
    const at = entry.cancelledAt?.getTime() ?? 0;
    // Equal times: the later entry in PortOne's history wins.
    if (!latest || at >= latest.at) latest = { id: entry.cancellationId, at };
  }
  return latest?.id;
}
