import { randomUUID } from 'node:crypto';
import type { Agenda } from '../time/agenda';
import type { Clock } from '../time/clock';
import type {
  EmulatorWebhookDelivery,
  EmulatorWebhookHistory,
  EmulatorWebhookKind,
  WebhookDeliveryLog,
} from './delivery-log';
import { postWebhook, type OutgoingWebhook } from './post-webhook';
import { waitBefore, type ResolvedSchedule } from './schedules';

/** What the dispatcher needs from the emulator. */
export interface DispatcherContext {
  readonly clock: Clock;
  readonly agenda: Agenda;
  readonly webhookDeliveries: WebhookDeliveryLog;
}

/**
 * Sends a webhook on a schedule: the first attempt now, each retry as a task on the agenda (so it runs when
 * real time or `clock.advance` reaches it), every attempt logged. Resolves once the first attempt has an
 * answer, with the delivery's history so far; the retries go on without the caller.
 */
export async function deliverWebhook(
  context: DispatcherContext,
  kind: EmulatorWebhookKind,
  request: OutgoingWebhook,
  schedule: ResolvedSchedule,
): Promise<EmulatorWebhookHistory> {
  const deliveryId = `whdel_${randomUUID()}`;
  const log = context.webhookDeliveries;
  log.open({
    deliveryId,
    kind,
    url: request.url,
    schedule: schedule.name,
    state: schedule.attempts === 0 ? 'off' : 'retrying',
    maxAttempts: schedule.attempts,
  });
  if (schedule.attempts > 0) await sendAttempt(context, deliveryId, kind, request, schedule, 1);
  return log.history(deliveryId)!;
}

/** Sends a single call that is never retried (the CVS confirm) and logs it. */
export async function callOnce(
  context: DispatcherContext,
  kind: EmulatorWebhookKind,
  request: OutgoingWebhook,
  schedule: ResolvedSchedule,
): Promise<EmulatorWebhookDelivery> {
  const history = await deliverWebhook(context, kind, request, { ...schedule, name: 'once', attempts: 1 });
  return history.attempts[0];
}

async function sendAttempt(
  context: DispatcherContext,
  deliveryId: string,
  kind: EmulatorWebhookKind,
  request: OutgoingWebhook,
  schedule: ResolvedSchedule,
  attempt: number,
): Promise<void> {
  const { clock, agenda } = context;
  const sentAt = new Date(clock.nowMs());
  // What the app checks against its own clock (the V2 signature's timestamp) leaves out advanced time.
  const answer = await postWebhook(
    request,
    attempt === 1 ? schedule.firstTimeouts : schedule.retryTimeouts,
    clock,
    agenda,
    new Date(clock.appNowMs()),
  );
  // Success is a 2xx. Whether a failure is retried is the API's rule (V1 re-sends only after 5xx or no answer).
  const delivered = answer.status !== undefined && answer.status >= 200 && answer.status <= 299;
  const retry = !delivered && schedule.retries(answer.status) && attempt < schedule.attempts;
  const nextAttemptMs = retry ? clock.nowMs() + waitBefore(schedule, attempt + 1) * 1000 : undefined;
  context.webhookDeliveries.add(
    {
      deliveryId,
      kind,
      url: request.url,
      attempt,
      maxAttempts: schedule.attempts,
      contentType: request.contentType,
      body: request.body,
      ...answer,
      sentAt,
      ...(nextAttemptMs !== undefined && { nextAttemptAt: new Date(nextAttemptMs) }),
      ...(!delivered && !retry && { givenUp: true }),
    },
    delivered ? 'delivered' : retry ? 'retrying' : 'given-up',
  );
  if (nextAttemptMs !== undefined) {
    agenda.at(nextAttemptMs, () => sendAttempt(context, deliveryId, kind, request, schedule, attempt + 1));
  }
}
