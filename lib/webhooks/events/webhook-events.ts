import type { PortOnePayment, PortOnePaymentStatus } from '../../cvs-payment/models/payment.model';
import type { PortOneV2WebhookDataByType, PortOneV2WebhookEventType } from './v2-webhook-data';

/** The event a V1 payment notice becomes: `payment.` + the status the module re-read from PortOne. @publicApi */
export type PortOneV1PaymentEventType = `payment.${PortOnePaymentStatus}`;

/**
 * Where a V1 payment event came from: PortOne's notice (`notice`), or a reconciliation sweep that found the
 * payment in PortOne's records without its notice having been handled (`reconciliation`, `webhook.reconcile`).
 * @publicApi
 */
export type PortOneV1PaymentEventSource = 'notice' | 'reconciliation';

/**
 * A V1 payment, from PortOne's own records: a notice the module verified by re-reading the payment with
 * `GET /payments/{imp_uid}`, or a payment a reconciliation sweep listed (`GET /payments/status/...`). Either
 * way `payment` and `type` are PortOne's truth, never what an (unsigned) notice claimed, and the same payment
 * is dispatched once whichever way it arrives first.
 * @publicApi
 */
export interface PortOneV1PaymentEvent {
  readonly api: 'v1';
  /**
   * The name of the registration whose route received it (`PortOneModule.forRoot({ name, webhook })`);
   * `undefined` for the registration made without a name.
   */
  readonly registration?: string;
  readonly type: PortOneV1PaymentEventType;
  readonly source: PortOneV1PaymentEventSource;
  /** The re-read (or listed) payment. Contains the buyer's personal data: do not log it. */
  readonly payment: PortOnePayment;
  /**
   * The cancellation the event is about: the one a notice names when the payment's history confirms it; for
   * a reconciled payment, the latest in its history.
   */
  readonly cancellationId?: string;
}

declare const _unrecognized: unique symbol;

/**
 * The type of a V2 event this module does not know. At runtime it is the string PortOne sent (`'unknown'`
 * for the untyped 2024-01-01 format); TypeScript sees a type of its own, as in PortOne's SDK, so that
 * `event.type === 'Transaction.Paid'` narrows to the known event. Read it with `String(event.type)`.
 * @publicApi
 */
export type PortOneV2UnrecognizedWebhookType = typeof _unrecognized;

/** What every V2 event carries. @publicApi */
export interface PortOneV2WebhookEventBase {
  readonly api: 'v2';
  /**
   * The name of the registration whose route received it (`PortOneModule.forRoot({ name, webhook })`);
   * `undefined` for the registration made without a name.
   */
  readonly registration?: string;
  /** The `webhook-id` header: the same for every retry of one delivery. */
  readonly webhookId: string;
  /** The whole verified body as PortOne sent it. */
  readonly body: Readonly<Record<string, unknown>>;
}

/**
 * A V2 delivery of a type the official SDK declares, signature verified and its `data` checked against the
 * declared fields: `PortOneV2WebhookEventOf<'Transaction.Paid'>` has `data.paymentId`, `data.storeId` and
 * `data.transactionId`.
 * @publicApi
 */
export type PortOneV2WebhookEventOf<Type extends PortOneV2WebhookEventType> = {
  readonly [Known in Type]: PortOneV2WebhookEventBase & {
    readonly type: Known;
    /** When the event happened (RFC 3339); the same for every retry. */
    readonly timestamp: string;
    readonly data: Readonly<PortOneV2WebhookDataByType[Known]>;
  };
}[Type];

/**
 * A V2 delivery of a type this module does not know (PortOne added it after this version), signature
 * verified and dispatched, never rejected: to `@OnPortOneWebhook()` handlers and to handlers listing its
 * type by name.
 * @publicApi
 */
export interface PortOneV2UnrecognizedWebhookEvent extends PortOneV2WebhookEventBase {
  /** The type PortOne sent, typed apart from the known ones (see {@link PortOneV2UnrecognizedWebhookType}). */
  readonly type: PortOneV2UnrecognizedWebhookType;
  /** The `data` object of the body; `{}` when absent. */
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * A V2 webhook delivery whose Standard Webhooks signature checked out: one of the events PortOne's SDK
 * declares, discriminated by `type` (`switch (event.type)` narrows `data`), or an unrecognized one.
 * @publicApi
 */
export type PortOneV2WebhookEvent =
  PortOneV2WebhookEventOf<PortOneV2WebhookEventType> | PortOneV2UnrecognizedWebhookEvent;

/** What an `@OnPortOneWebhook()` handler receives. @publicApi */
export type PortOneWebhookEvent = PortOneV1PaymentEvent | PortOneV2WebhookEvent;

/** An event type `@OnPortOneWebhook(type)` knows: V1 `payment.<status>` or a V2 type the SDK declares. @publicApi */
export type PortOneWebhookEventType = PortOneV1PaymentEventType | PortOneV2WebhookEventType;

/**
 * The event a handler of `Type` receives: `PortOneWebhookEventFor<'Transaction.Paid'>` is the paid event,
 * a V1 `payment.<status>` is the V1 event, any other string an unrecognized V2 event; a union of types gives
 * the union of events.
 * @publicApi
 */
export type PortOneWebhookEventFor<Type extends string> = Type extends PortOneV2WebhookEventType
  ? PortOneV2WebhookEventOf<Type>
  : Type extends PortOneV1PaymentEventType
    ? PortOneV1PaymentEvent
    : PortOneV2UnrecognizedWebhookEvent;

/**
 * PortOne's synchronous "may the store take this payment?" call for a CVS barcode (`confirm_url`).
 * @publicApi
 */
export interface CvsConfirmRequest {
  /**
   * The name of the registration whose route received it (`PortOneModule.forRoot({ name, webhook })`);
   * `undefined` for the registration made without a name.
   */
  readonly registration?: string;
  readonly impUid: string;
  readonly merchantUid: string;
  /** `ready`: the barcode is unpaid. */
  readonly status: string;
  /** The barcode (수납번호) shown at the counter. */
  readonly barcode?: string;
  /** How the customer pays: `cash` or `card`. */
  readonly payType?: string;
}
