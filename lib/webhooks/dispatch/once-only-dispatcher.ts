import type { ResolvedWebhookReceiverOptions } from '../options/resolve-webhook-receiver-options';
import type { PortOneWebhookEvent } from '../events/webhook-events';
import type { WebhookHandlerRegistry } from '../handlers/webhook-handler-registry';

/** How a delivery ended. @internal */
export type DispatchOutcome =
  | { readonly kind: 'dispatched'; readonly handlers: number }
  | { readonly kind: 'duplicate' }
  /** A handler threw: the claim was released. `handler` names it (never the error's message: it may hold PII). */
  | { readonly kind: 'handler-failed'; readonly handler: string; readonly errorName: string }
  /** The claim store could not be reached: nothing was dispatched. */
  | { readonly kind: 'store-unavailable'; readonly errorName: string };

/**
 * Dispatches each delivery at most once: claim the key in the (possibly shared) store, run every matching
 * handler, then mark the key done for the dedupe window. A handler that throws gives the claim back, so the
 * retry PortOne sends after our 5xx is dispatched again.
 * @internal
 */
export async function dispatchOnce(
  key: string,
  event: PortOneWebhookEvent,
  registry: WebhookHandlerRegistry,
  options: ResolvedWebhookReceiverOptions,
): Promise<DispatchOutcome> {
  const store = options.claimStore;
  let token: string | undefined;
  try {
    token = await store.claim(key, options.processingTimeoutMs);
  } catch (error) {
    return { kind: 'store-unavailable', errorName: nameOf(error) };
  }
  if (token === undefined) return { kind: 'duplicate' };

  const handlers = registry.handlersFor(event.type);
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
