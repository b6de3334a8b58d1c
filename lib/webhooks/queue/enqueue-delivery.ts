import { messages } from '../../errors/messages';
import { answer, type WebhookAnswer } from '../http/webhook-answer';
import { logValue } from '../../logging/log-value';
import type { PortOneV2WebhookEvent } from '../events/webhook-events';
import type { V1Notice } from '../v1/v1-notice';
import { v2DeliveryKey } from '../v2/v2-delivery';
import type { PortOneWebhookJob, PortOneWebhookQueue } from './webhook-queue.interface';

/** PortOne's ids are short and plain (`imp_123456789012`, `cancel_…`); anything else is no notice of theirs. */
const PLAIN_ID = /^[A-Za-z0-9_.-]{1,100}$/;
const PLAIN_STATUS = /^[a-z_]{1,20}$/;

/**
 * Queue mode, V2: stores the verified event under its delivery key; 200 only once the queue has it, 503
 * (PortOne retries) when it cannot be stored.
 * @internal
 */
export function queueV2Event(
  queue: PortOneWebhookQueue,
  event: PortOneV2WebhookEvent,
): Promise<WebhookAnswer> {
  const type = logValue(String(event.type));
  return stored(queue, v2DeliveryKey(event), { kind: 'v2-event', event }, `v2 delivery ${type}`, {
    event: type,
  });
}

/**
 * Queue mode, V1: a notice whose `imp_uid` is well formed is stored by the ids it names and the registration
 * whose route received it (the worker re-reads the payment with that registration's credentials), keyed by
 * what it claims: imp_uid, status and cancellation. 400 for a malformed imp_uid.
 * @internal
 */
export function queueV1Notice(
  queue: PortOneWebhookQueue,
  notice: V1Notice,
  registration: string | undefined,
): Promise<WebhookAnswer> {
  if (!PLAIN_ID.test(notice.impUid)) {
    return Promise.resolve(answer(400, messages.webhookAnswer.v1MalformedImpUid));
  }
  const status = notice.status !== undefined && PLAIN_STATUS.test(notice.status) ? notice.status : 'unknown';
  const cancellationId =
    notice.cancellationId !== undefined && PLAIN_ID.test(notice.cancellationId)
      ? notice.cancellationId
      : undefined;
  const merchantUid = notice.merchantUid;
  if (merchantUid !== undefined && merchantUid.length > 200) {
    return Promise.resolve(answer(400, messages.webhookAnswer.v1MerchantUidTooLong));
  }
  const key = `v1:${notice.impUid}:${status}${cancellationId ? `:cancellation:${cancellationId}` : ''}`;
  const job: PortOneWebhookJob = {
    kind: 'v1-payment',
    impUid: notice.impUid,
    ...(registration !== undefined && { registration }),
    ...(merchantUid !== undefined && { merchantUid }),
    ...(cancellationId !== undefined && { cancellationId }),
  };
  // The imp_uid is unverified until the worker re-reads it: the log line does not repeat it.
  return stored(queue, key, job, 'v1 notice', {});
}

async function stored(
  queue: PortOneWebhookQueue,
  key: string,
  job: PortOneWebhookJob,
  what: string,
  extra: Record<string, unknown>,
): Promise<WebhookAnswer> {
  try {
    await queue.enqueue(key, job);
    return answer(200, messages.webhookAnswer.queued(what), { ...extra, queued: true });
  } catch (error) {
    return answer(
      503,
      messages.webhookAnswer.queueUnavailable(what, error instanceof Error ? error.name : typeof error),
    );
  }
}
