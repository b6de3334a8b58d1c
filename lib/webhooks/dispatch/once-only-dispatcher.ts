import type { PortOneWebhookClaim } from '../claims/webhook-claim-store.interface';
import type { ResolvedWebhookReceiverOptions } from '../options/resolve-webhook-receiver-options';
import type { PortOneWebhookEvent } from '../events/webhook-events';
import type { WebhookHandlerRegistry } from '../handlers/webhook-handler-registry';

/** How a delivery ended. @internal */
export type DispatchOutcome =
  | { readonly kind: 'dispatched'; readonly handlers: number }
  /** Its handlers already ran: PortOne may stop sending it. */
  | { readonly kind: 'duplicate' }
  /** Another attempt holds the claim and may still fail or die: PortOne must send it again. */
  | { readonly kind: 'in-progress'; readonly retryAfterMs: number }
  /** A handler threw: the claim was released. `handler` names it (never the error's message: it may hold PII). */
  | { readonly kind: 'handler-failed'; readonly handler: string; readonly errorName: string }
  /** The claim store could not be reached: nothing was dispatched. */
  | { readonly kind: 'store-unavailable'; readonly errorName: string };

/**
 * Dispatches each delivery at most once: claim the key in the (possibly shared) store, run every matching
 * handler, then mark the key done for the dedupe window. A handler that throws gives the claim back, so the
 * retry PortOne sends after our 5xx is dispatched again. A duplicate that arrives while the first attempt
 * still runs is reported `in-progress`, never `duplicate`: acknowledging it would let PortOne stop retrying a
 * delivery whose handler may yet throw, or whose instance may yet die.
 * @internal
 */
export async function dispatchOnce(
  key: string,
  event: PortOneWebhookEvent,
  registry: WebhookHandlerRegistry,
  options: ResolvedWebhookReceiverOptions,
): Promise<DispatchOutcome> {
  const store = options.claimStore;
  let claim: PortOneWebhookClaim;
  try {
    claim = await store.claim(key, options.processingTimeoutMs);
  } catch (error) {
    return { kind: 'store-unavailable', errorName: nameOf(error) };
  }
  if (claim.state === 'done') return { kind: 'duplicate' };
  if (claim.state === 'in-progress') return { kind: 'in-progress', retryAfterMs: claim.retryAfterMs };
  const { token } = claim;

  const handlers = registry.handlersFor(event);
  for (const handler of handlers) {
    try {
      await handler.invoke(event);
    } catch (error) {
      // Best effort: if the release fails too, the claim expires after processingTimeoutMs.
      await store.release(key, token).catch(() => undefined);
      return { kind: 'handler-failed', handler: handler.name, errorName: nameOf(error) };
    }
  }
  // The handlers ran: a failure to record that only risks a duplicate dispatch after the claim expires.
  await store.complete(key, token, options.dedupeWindowMs).catch(() => undefined);
  return { kind: 'dispatched', handlers: handlers.length };
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
