import type { LoggerService } from '@nestjs/common';
import type { PortOneV1PaymentEventSource, PortOneV2WebhookEvent } from '../events/webhook-events';

/**
 * What a queued webhook job holds. A V2 event is stored verified, as dispatched (its `registration` included); a V1 payment is stored as
 * the ids of the (unsigned) notice only, and re-read from PortOne by the worker: the stored job carries no
 * personal data, and a PortOne outage at notice time costs a retry, not the notice.
 * @publicApi
 */
export type PortOneWebhookJob =
  | { readonly kind: 'v2-event'; readonly event: PortOneV2WebhookEvent }
  | {
      readonly kind: 'v1-payment';
      /**
       * The `name` of the registration whose route received the notice (absent for the unnamed one): the
       * worker re-reads the payment with its credentials and dispatches to its handlers.
       */
      readonly registration?: string;
      readonly impUid: string;
      readonly merchantUid?: string;
      readonly cancellationId?: string;
      /** Who found it: a notice (when absent) or a reconciliation sweep. The worker's event says the same. */
      readonly source?: PortOneV1PaymentEventSource;
    };

/**
 * Runs one job in the worker: resolves when every handler ran, rejects (a failed attempt, retried with
 * backoff) when one threw or PortOne could not be read. Its rejection's message is safe to store and log.
 * @publicApi
 */
export type PortOneWebhookJobProcessor = (key: string, job: PortOneWebhookJob) => Promise<void>;

/**
 * A durable queue for webhook deliveries (`webhookReceiver.queue`): the routes answer 200 only once the
 * queue has stored a delivery, and a worker in every app instance runs the handlers, with retries. The
 * module ships `BullMqWebhookQueue` (`nestjs-portone/bullmq`).
 * @publicApi
 */
export interface PortOneWebhookQueue {
  /**
   * Stores `job` under `key` (a job already stored under that key, running or done, adds nothing). Resolves
   * only once stored; rejects, within a bounded time, when the queue cannot be reached.
   */
  enqueue(key: string, job: PortOneWebhookJob): Promise<void>;
  /** Starts this instance's worker (once, when the app has booted). `logger` takes its failure lines. */
  start(processor: PortOneWebhookJobProcessor, logger: LoggerService): void;
  /** Stops taking jobs, waits (bounded) for the running ones, then closes the connections it opened. */
  close(): Promise<void>;
}
