import { SetMetadata } from '@nestjs/common';
import type {
  PortOneWebhookEvent,
  PortOneWebhookEventFor,
  PortOneWebhookEventType,
} from '../events/webhook-events';
import { PORTONE_WEBHOOK_HANDLER } from '../webhook.constants';

/** What `@OnPortOneWebhook()` listens to: every event (`'*'`) or the listed types. @internal */
export type WebhookHandlerSelector = '*' | readonly string[];

/** The metadata `@OnPortOneWebhook()` leaves on a method. @internal */
export interface WebhookHandlerMetadata {
  readonly types: WebhookHandlerSelector;
  /** Only this registration's events; undefined: every registration's. */
  readonly registration?: string;
}

/**
 * Which registration's deliveries a handler takes (`@OnPortOneWebhook(type, options)`,
 * `@OnCvsConfirm(options)`).
 * @publicApi
 */
export interface PortOneWebhookHandlerOptions {
  /**
   * The `name` of the registration (`PortOneModule.forRoot({ name, webhook })`) whose routes this handler
   * serves. Omitted: every registration's, the unnamed one included; the event's `registration` tells them
   * apart.
   */
  registration?: string;
}

/**
 * A type `@OnPortOneWebhook` accepts: a known one (offered by the editor) or any other string, for V2 types
 * added after this version.
 * @publicApi
 */
// `string & {}` keeps the known names in the editor's completion list instead of widening to `string`.
export type PortOneWebhookTypeSelector = PortOneWebhookEventType | (string & {});

/**
 * A method decorator that only fits a method accepting `Event`: declaring the handler's parameter as another
 * event type does not compile.
 * @typeParam Handler the decorated method's own type, checked against `Event`
 * @publicApi
 */
export type PortOneWebhookHandlerDecorator<Event> = <Handler extends (event: Event) => unknown>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<Handler>,
) => void;

/**
 * Marks a method of one of your providers as a PortOne webhook handler. The module finds it at boot.
 *
 * - `@OnPortOneWebhook('payment.paid')`: one event type. V1 notices arrive as `payment.<status>` with the
 *   re-read payment; V2 deliveries keep PortOne's type (`Transaction.Paid`, …).
 * - `@OnPortOneWebhook(['payment.paid', 'Transaction.Paid'])`: any of several.
 * - `@OnPortOneWebhook()`: every event, including V2 types this module does not know.
 * - `@OnPortOneWebhook('payment.paid', { registration: 'agency' })`: only what the routes of the
 *   registration named `agency` received. Without `registration`, a handler receives every registration's
 *   events (`event.registration` names it; `undefined` for the unnamed registration).
 *
 * The method receives a {@link PortOneWebhookEvent}; with types, the event of those types
 * ({@link PortOneWebhookEventFor}), so `@OnPortOneWebhook('Transaction.Paid')` fits
 * `onPaid(event: PortOneV2WebhookEventOf<'Transaction.Paid'>)` and refuses a parameter of another event type.
 * Each delivery is dispatched at most once; when a handler throws, the module answers 5xx and releases the
 * delivery, so PortOne's retry is dispatched again (to every matching handler: make handlers idempotent).
 * @publicApi
 */
export function OnPortOneWebhook(
  type?: undefined,
  options?: PortOneWebhookHandlerOptions,
): PortOneWebhookHandlerDecorator<PortOneWebhookEvent>;
export function OnPortOneWebhook<const Type extends PortOneWebhookTypeSelector>(
  type: Type | readonly Type[],
  options?: PortOneWebhookHandlerOptions,
): PortOneWebhookHandlerDecorator<PortOneWebhookEventFor<Type>>;
export function OnPortOneWebhook(
  type?: string | readonly string[],
  options: PortOneWebhookHandlerOptions = {},
): PortOneWebhookHandlerDecorator<never> {
  const metadata: WebhookHandlerMetadata = {
    types: type === undefined ? '*' : typeof type === 'string' ? [type] : [...type],
    registration: options.registration,
  };
  const decorate = SetMetadata(PORTONE_WEBHOOK_HANDLER, metadata);
  return (target, key, descriptor) => {
    decorate(target, key, descriptor);
  };
}
