import type { LoggerService } from '@nestjs/common';
import type { CvsService } from '../../cvs-payment/cvs.service';
import { messages } from '../../errors/messages';
import type { PortOneWebhookEvent } from '../events/webhook-events';
import type { WebhookHandlerRegistry } from '../handlers/webhook-handler-registry';
import { rereadV1Notice } from '../v1/v1-notice';
import { PortOneWebhookJobError } from './webhook-job-error';
import type { PortOneWebhookJob } from './webhook-queue.interface';

/** @internal */
export interface WebhookJobDeps {
  readonly registry: WebhookHandlerRegistry;
  /**
   * The CvsService of a registration (by `name`; undefined for the unnamed one), to re-read a V1 job's payment
   * with the credentials of the merchant whose route received the notice. Undefined when the app has no such
   * registration.
   */
  readonly cvsOf: (registration: string | undefined) => CvsService | undefined;
  /** Takes the line for a V1 job that dispatches nothing (unknown payment, merchant_uid mismatch). */
  readonly logger: LoggerService;
}

/**
 * Runs a queued delivery in the worker: a V1 notice is re-read from PortOne first, with the credentials of the
 * registration whose route received it (a failed read fails the attempt, so the queue retries it; an unknown
 * payment or a forged `merchant_uid` completes the job with nothing dispatched), then every handler matching
 * the event's type and registration runs. A handler that throws fails the attempt; the retry runs the
 * handlers again (at-least-once: handlers must be idempotent).
 * @internal
 */
export async function processWebhookJob(
  key: string,
  job: PortOneWebhookJob,
  deps: WebhookJobDeps,
): Promise<void> {
  const event = await eventOf(key, job, deps);
  if (!event) return;
  // String(): an unrecognized V2 type is PortOne's string at runtime, typed apart only for narrowing.
  const type = String(event.type);
  for (const handler of deps.registry.handlersFor(event)) {
    try {
      await handler.invoke(event);
    } catch (error) {
      throw new PortOneWebhookJobError(
        `${type} handler ${handler.name} threw ${nameOf(error)}`,
        type,
        handler.name,
      );
    }
  }
}

async function eventOf(
  key: string,
  job: PortOneWebhookJob,
  deps: WebhookJobDeps,
): Promise<PortOneWebhookEvent | undefined> {
  if (job.kind === 'v2-event') return job.event;
  const cvs = deps.cvsOf(job.registration);
  // A worker of another app sharing the queue, or a registration removed since: fail the attempt (retried,
  // then kept as failed) rather than read the payment with another merchant's credentials.
  if (!cvs) throw new PortOneWebhookJobError(messages.queue.unknownRegistration(job.registration ?? ''));
  const reread = await rereadV1Notice(job, cvs, job.registration);
  // A job a reconciliation sweep queued is dispatched as one, with the payment as PortOne holds it now.
  if (reread.ok) return job.source === undefined ? reread.event : { ...reread.event, source: job.source };
  if (reread.answer.status >= 500) {
    throw new PortOneWebhookJobError(messages.queue.v1NoticeNotYet(reread.answer.log));
  }
  deps.logger.warn(messages.queue.dispatchedNothing(key, reread.answer.log));
  return undefined;
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
