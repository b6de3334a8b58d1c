import type { EmulatorState } from '../state';
import type { EmulatorWebhookHistory } from './delivery-log';
import { deliverWebhook } from './dispatcher';
import { resolveSchedule } from './schedules';
import type { SendV2WebhookOptions } from './send-v2.types';
import { signV2Webhook } from './v2-signing';
import { randomUUID } from 'node:crypto';

/**
 * Sends a V2 event on a schedule. Each attempt is signed when it is sent, with the same `webhook-id` (PortOne
 * keeps it across retries, which is what lets an app recognise a retry) and a fresh timestamp, as Standard
 * Webhooks senders do: a retry hours later must still pass the app's timestamp tolerance.
 */
export function sendV2Delivery(
  state: EmulatorState,
  url: string,
  event: unknown,
  options: SendV2WebhookOptions,
): Promise<EmulatorWebhookHistory> {
  const schedule =
    options.schedule === undefined
      ? state.webhookDelivery.v2
      : resolveSchedule(options.schedule, 'v2', 'schedule');
  const id = options.id ?? `whmsg_${randomUUID()}`;
  const body = typeof event === 'string' ? event : JSON.stringify(event);
  return deliverWebhook(
    state,
    'v2',
    {
      url,
      contentType: 'application/json',
      body,
      headers: signedAt => signV2Webhook(body, { ...options, id }, signedAt).headers,
    },
    schedule,
  );
}
