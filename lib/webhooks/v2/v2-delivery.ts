import { messages } from '../../errors/messages';
import type { Webhook } from 'standardwebhooks';
import { dispatchOnce } from '../dispatch/once-only-dispatcher';
import { outcomeAnswer } from '../dispatch/outcome-answer';
import { logValue } from '../../logging/log-value';
import type { PortOneV2WebhookEvent } from '../events/webhook-events';
import type { WebhookHandlerRegistry } from '../handlers/webhook-handler-registry';
import { answer, type WebhookAnswer } from '../http/webhook-answer';
import type { WebhookHttpRequest } from '../http/webhook-request';
import type { ResolvedWebhookReceiverOptions } from '../options/resolve-webhook-receiver-options';
import { readV2Event } from './read-v2-event';
import { verifyV2Delivery } from './verify-v2-delivery';

/** @internal */
export interface V2DeliveryDeps {
  readonly verifiers: readonly Webhook[];
  readonly registry: WebhookHandlerRegistry;
  readonly options: ResolvedWebhookReceiverOptions;
  /** The registration whose route received the delivery (its name; undefined for the unnamed one). */
  readonly registration: string | undefined;
}

/**
 * Handles a V2 delivery inline: verify it ({@link verifiedV2Event}), then dispatch the event once per
 * `webhook-id`.
 * @internal
 */
export async function handleV2Delivery(
  req: WebhookHttpRequest,
  rawBody: Buffer,
  deps: V2DeliveryDeps,
): Promise<WebhookAnswer> {
  const verified = verifiedV2Event(req, rawBody, deps.verifiers, deps.registration);
  if (!verified.ok) return verified.answer;
  const { event, problem } = verified;
  const outcome = await dispatchOnce(v2DeliveryKey(event), event, deps.registry, deps.options);
  // String(): an unrecognized type is PortOne's string at runtime, typed apart only for narrowing.
  const type = logValue(String(event.type));
  const what = problem === undefined ? `v2 delivery ${type}` : `v2 delivery ${type} (${problem})`;
  return outcomeAnswer(outcome, what, { event: type });
}

/** What makes two V2 deliveries the same: PortOne's `webhook-id`, the same on every retry. @internal */
export function v2DeliveryKey(event: PortOneV2WebhookEvent): string {
  return `v2:${event.webhookId}`;
}

/**
 * Verifies the signature over the raw body and builds the event as PortOne typed it, carrying `registration`; the answer when the
 * delivery is refused (400 for missing headers or a body that is no JSON object, 401 for anything else).
 * `problem` names a field PortOne's SDK declares for the type that the body lacks (see readV2Event).
 * @internal
 */
export function verifiedV2Event(
  req: WebhookHttpRequest,
  rawBody: Buffer,
  verifiers: readonly Webhook[],
  registration: string | undefined,
):
  | { readonly ok: true; readonly event: PortOneV2WebhookEvent; readonly problem?: string }
  | { readonly ok: false; readonly answer: WebhookAnswer } {
  const verified = verifyV2Delivery(verifiers, req.headers, rawBody);
  if (!verified.ok) {
    const status =
      verified.reason === 'MISSING_REQUIRED_HEADERS' || verified.reason === 'INVALID_BODY' ? 400 : 401;
    return {
      ok: false,
      answer: answer(status, messages.webhookAnswer.v2VerificationFailed(verified.reason), {
        reason: verified.reason,
      }),
    };
  }
  return { ok: true, ...readV2Event(verified.body, verified.webhookId, registration) };
}
