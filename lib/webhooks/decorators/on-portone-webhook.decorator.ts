import { SetMetadata } from '@nestjs/common';
import { PORTONE_WEBHOOK_HANDLER } from '../webhook.constants';

/** What `@OnPortOneWebhook()` listens to: every event (`'*'`) or the listed types. @internal */
export type WebhookHandlerSelector = '*' | readonly string[];

/**
 * Marks a method of one of your providers as a PortOne webhook handler. The module finds it at boot.
 *
 * - `@OnPortOneWebhook('payment.paid')`: one event type. V1 notices arrive as `payment.<status>` with the
 *   re-read payment; V2 deliveries keep PortOne's type (`Transaction.Paid`, …).
 * - `@OnPortOneWebhook(['payment.paid', 'Transaction.Paid'])`: any of several.
 * - `@OnPortOneWebhook()`: every event, including V2 types this module does not know.
 *
 * The method receives a {@link PortOneWebhookEvent}. Each delivery is dispatched at most once; when a handler
 * throws, the module answers 5xx and releases the delivery, so PortOne's retry is dispatched again (to every
 * matching handler: make handlers idempotent).
 * @publicApi
 */
export function OnPortOneWebhook(type?: string | readonly string[]): MethodDecorator {
  const selector: WebhookHandlerSelector =
    type === undefined ? '*' : typeof type === 'string' ? [type] : [...type];
  return SetMetadata(PORTONE_WEBHOOK_HANDLER, selector);
}
