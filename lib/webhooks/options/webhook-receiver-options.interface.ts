import type { PortOneWebhookClaimStore } from '../claims/webhook-claim-store.interface';
import type { PortOneWebhookQueue } from '../queue/webhook-queue.interface';

/**
 * PortOne's documented webhook source addresses (V1 notices and CVS confirms; V2 sends from the last one).
 * Pass them as `allowedSourceIps` to accept webhooks from PortOne only.
 * @publicApi
 */
export const PORTONE_WEBHOOK_SOURCE_IPS: readonly string[] = Object.freeze([
  '52.78.100.19',
  '52.78.48.223',
  '52.78.5.241',
]);

/** How the module's webhook routes handle deliveries (module option `webhookReceiver`). @publicApi */
export interface PortOneWebhookReceiverOptions {
  /**
   * Where deliveries are claimed for at-most-once dispatch. Give every instance of the app the same shared
   * store (e.g. `new RedisWebhookClaimStore(redis)` from `nestjs-portone/redis`).
   * @default an InMemoryWebhookClaimStore per module registration
   */
  claimStore?: PortOneWebhookClaimStore;
  /**
   * Queue mode: deliveries are stored in this durable queue and answered 200 once stored; a worker in every
   * instance runs the handlers, with retries (at-least-once: keep handlers idempotent). V1 notices are re-read
   * from PortOne in the worker. E.g. `new BullMqWebhookQueue({ connection })` from `nestjs-portone/bullmq`.
   * Not set: inline mode (handlers run before the answer; at most once per delivery, with `claimStore`).
   * The CVS confirm call is answered synchronously in both modes.
   */
  queue?: PortOneWebhookQueue;
  /**
   * How long a claim is held while handlers run. A claim of an instance that died mid-handler expires after
   * this, so PortOne's next retry is dispatched again.
   * @default 120000 (2 minutes)
   */
  processingTimeoutMs?: number;
  /**
   * How long a dispatched delivery is remembered, to drop duplicates. Covers PortOne's V2 retry schedule
   * (5 retries over about 6 hours).
   * @default 86400000 (24 hours)
   */
  dedupeWindowMs?: number;
  /**
   * How long the `@OnCvsConfirm()` handler may take before the payment is refused. PortOne's own timeout for
   * the confirm call is not published (UNVERIFIED); its webhooks use a 30 s read timeout, and the default
   * stays a few seconds below that so the refusal, not a timeout, is what PortOne sees.
   * @default 25000
   */
  confirmDeadlineMs?: number;
  /**
   * Source addresses allowed to call the webhook routes (e.g. {@link PORTONE_WEBHOOK_SOURCE_IPS}); others
   * get 403. Not set: any address.
   */
  allowedSourceIps?: readonly string[];
  /**
   * How many reverse proxies in front of the app append to `X-Forwarded-For`. 0 (the default) uses the
   * socket's address and ignores the header, which a client can forge; with N, the N-th address from the
   * right is the caller. Only used with `allowedSourceIps`.
   * @default 0
   */
  trustedProxyHops?: number;
}
