import type { Webhook } from 'standardwebhooks';
import { isJsonObject } from '../../mapping/json-readers';
import { dispatchOnce } from '../dispatch/once-only-dispatcher';
import { outcomeAnswer } from '../dispatch/outcome-answer';
import type { PortOneV2WebhookEvent } from '../events/webhook-events';
import type { WebhookHandlerRegistry } from '../handlers/webhook-handler-registry';
import { answer, type WebhookAnswer } from '../http/webhook-answer';
import type { WebhookHttpRequest } from '../http/webhook-request';
import type { ResolvedWebhookReceiverOptions } from '../options/resolve-webhook-receiver-options';
import { verifyV2Delivery } from './verify-v2-delivery';

/** @internal */
export interface V2DeliveryDeps {
  readonly verifiers: readonly Webhook[];
  readonly registry: WebhookHandlerRegistry;
  readonly options: ResolvedWebhookReceiverOptions;
}

/**
 * Handles a V2 delivery: verify the signature over the raw body (400 for missing headers, 401 for anything
 * else that fails), then dispatch the event as PortOne typed it, once per `webhook-id`.
 * @internal
 */
export async function handleV2Delivery(
  req: WebhookHttpRequest,
  rawBody: Buffer,
  deps: V2DeliveryDeps,
): Promise<WebhookAnswer> {
  const verified = verifyV2Delivery(deps.verifiers, req.headers, rawBody);
  if (!verified.ok) {
    const status =
      verified.reason === 'MISSING_REQUIRED_HEADERS' || verified.reason === 'INVALID_BODY' ? 400 : 401;
    return answer(
      status,
      `webhook verification failed: ${verified.reason}`,
      `v2 delivery rejected: ${verified.reason}`,
      { reason: verified.reason },
    );
  }
  const body = verified.body;
  const data = body.data;
  const event: PortOneV2WebhookEvent = {
    api: 'v2',
    type: typeof body.type === 'string' && body.type !== '' ? body.type : 'unknown',
    webhookId: verified.webhookId,
    data: isJsonObject(data) ? data : {},
    body,
  };
  const outcome = await dispatchOnce(`v2:${verified.webhookId}`, event, deps.registry, deps.options);
  return outcomeAnswer(outcome, `v2 delivery ${event.type}`, { event: event.type });
}
