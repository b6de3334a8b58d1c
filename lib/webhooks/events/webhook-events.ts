import type { PortOnePayment, PortOnePaymentStatus } from '../../cvs-payment/models/payment.model';

/** The event a V1 payment notice becomes: `payment.` + the status the module re-read from PortOne. @publicApi */
export type PortOneV1PaymentEventType = `payment.${PortOnePaymentStatus}`;

/**
 * A V1 payment notice, verified: the module re-read the payment with `GET /payments/{imp_uid}`, so `payment`
 * and `type` are PortOne's current truth, never what the (unsigned) notice claimed.
 * @publicApi
 */
export interface PortOneV1PaymentEvent {
  readonly api: 'v1';
  readonly type: PortOneV1PaymentEventType;
  /** The re-read payment. Contains the buyer's personal data: do not log it. */
  readonly payment: PortOnePayment;
  /** The cancellation the notice was about, when it names one that the payment's history confirms. */
  readonly cancellationId?: string;
}

/**
 * A V2 webhook delivery whose Standard Webhooks signature checked out. `type` is PortOne's (e.g.
 * `Transaction.Paid`, `BillingKey.Issued`); types this module does not know are delivered as they are.
 * @publicApi
 */
export interface PortOneV2WebhookEvent {
  readonly api: 'v2';
  /** PortOne's event type; `unknown` for the untyped 2024-01-01 format (`{ payment_id, tx_id, status }`). */
  readonly type: string;
  /** The `webhook-id` header: the same for every retry of one delivery. */
  readonly webhookId: string;
  /** The `data` object of the body (`storeId`, `paymentId`, `transactionId`, …); `{}` when absent. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The whole verified body as PortOne sent it. */
  readonly body: Readonly<Record<string, unknown>>;
}

/** What an `@OnPortOneWebhook()` handler receives. @publicApi */
export type PortOneWebhookEvent = PortOneV1PaymentEvent | PortOneV2WebhookEvent;

/**
 * PortOne's synchronous "may the store take this payment?" call for a CVS barcode (`confirm_url`).
 * @publicApi
 */
export interface CvsConfirmRequest {
  readonly impUid: string;
  readonly merchantUid: string;
  /** `ready`: the barcode is unpaid. */
  readonly status: string;
  /** The barcode (수납번호) shown at the counter. */
  readonly barcode?: string;
  /** How the customer pays: `cash` or `card`. */
  readonly payType?: string;
}
