/**
 * The `data` of each V2 webhook event, as PortOne's official SDK declares it (`@portone/server-sdk` 0.19.0,
 * `generated/webhook`; the V2 OpenAPI document has no webhook schemas). Copied into this repository so that
 * production never loads the SDK; `test/webhooks/v2-event-types.spec.ts` reads the installed SDK's
 * declarations and fails when it declares an event or a field missing here.
 */

/** `data` of the `Transaction.*` events: which payment and which attempt. @publicApi */
export interface PortOneV2TransactionWebhookData {
  /** The payment's id, chosen by the merchant (고객사에서 채번한 결제 건의 고유 주문 번호). */
  readonly paymentId: string;
  /** The store that triggered the webhook. */
  readonly storeId: string;
  /** PortOne's id of this attempt; one payment with several attempts has several. */
  readonly transactionId: string;
}

/** `data` of `Transaction.PartialCancelled`, `Transaction.Cancelled` and `Transaction.CancelPending`. @publicApi */
export interface PortOneV2CancellationWebhookData extends PortOneV2TransactionWebhookData {
  /** PortOne's id of the cancellation. */
  readonly cancellationId: string;
}

/** `data` of `Transaction.Confirm` (the confirm process asks for approval). @publicApi */
export interface PortOneV2ConfirmWebhookData extends PortOneV2TransactionWebhookData {
  /** The amount the payment asks for. */
  readonly totalAmount: number;
}

/** `data` of the `BillingKey.*` events. @publicApi */
export interface PortOneV2BillingKeyWebhookData {
  /** The billing key PortOne issued. */
  readonly billingKey: string;
  /** The store that triggered the webhook. */
  readonly storeId: string;
}

/**
 * Every V2 event type the official SDK declares, with its `data`. A handler's parameter type follows from
 * its `@OnPortOneWebhook(type)` through this map.
 * @publicApi
 */
export interface PortOneV2WebhookDataByType {
  /** The payment window opened. */
  'Transaction.Ready': PortOneV2TransactionWebhookData;
  /** The payment (scheduled ones included) was approved, for every payment method. */
  'Transaction.Paid': PortOneV2TransactionWebhookData;
  /** A virtual account was issued. */
  'Transaction.VirtualAccountIssued': PortOneV2TransactionWebhookData;
  /** The payment (scheduled ones included) failed. */
  'Transaction.Failed': PortOneV2TransactionWebhookData;
  /** The payment awaits approval (possible for payments abroad). */
  'Transaction.PayPending': PortOneV2TransactionWebhookData;
  /** The confirm process received an approval request. */
  'Transaction.Confirm': PortOneV2ConfirmWebhookData;
  /** A dispute was opened. */
  'Transaction.DisputeCreated': PortOneV2TransactionWebhookData;
  /** A dispute was resolved. */
  'Transaction.DisputeResolved': PortOneV2TransactionWebhookData;
  /** Part of the payment was cancelled. */
  'Transaction.PartialCancelled': PortOneV2CancellationWebhookData;
  /** The whole payment was cancelled. */
  'Transaction.Cancelled': PortOneV2CancellationWebhookData;
  /** A cancellation was requested (when cancelling is asynchronous). */
  'Transaction.CancelPending': PortOneV2CancellationWebhookData;
  /** The billing-key window opened. */
  'BillingKey.Ready': PortOneV2BillingKeyWebhookData;
  /** A billing key was issued. */
  'BillingKey.Issued': PortOneV2BillingKeyWebhookData;
  /** Issuing a billing key failed. */
  'BillingKey.Failed': PortOneV2BillingKeyWebhookData;
  /** A billing key was deleted. */
  'BillingKey.Deleted': PortOneV2BillingKeyWebhookData;
  /** A billing key was updated. */
  'BillingKey.Updated': PortOneV2BillingKeyWebhookData;
}

/** A V2 event type the official SDK declares (`Transaction.Paid`, `BillingKey.Issued`, …). @publicApi */
export type PortOneV2WebhookEventType = keyof PortOneV2WebhookDataByType;

type FieldKind<T> = T extends string ? 'string' : T extends number ? 'number' : never;
type FieldsOf<Data> = { readonly [Field in keyof Data]-?: FieldKind<Data[Field]> };

const TRANSACTION = { paymentId: 'string', storeId: 'string', transactionId: 'string' } as const;
const CANCELLATION = { ...TRANSACTION, cancellationId: 'string' } as const;
const BILLING_KEY = { billingKey: 'string', storeId: 'string' } as const;

/**
 * The fields the module checks in `data` before dispatching a known event, so that a handler typed for it
 * gets what its type promises. `satisfies` keeps the table and the interfaces above in step: a field
 * missing here, or of the wrong kind, does not compile.
 * @internal
 */
export const V2_WEBHOOK_DATA_FIELDS = {
  'Transaction.Ready': TRANSACTION,
  'Transaction.Paid': TRANSACTION,
  'Transaction.VirtualAccountIssued': TRANSACTION,
  'Transaction.Failed': TRANSACTION,
  'Transaction.PayPending': TRANSACTION,
  'Transaction.Confirm': { ...TRANSACTION, totalAmount: 'number' },
  'Transaction.DisputeCreated': TRANSACTION,
  'Transaction.DisputeResolved': TRANSACTION,
  'Transaction.PartialCancelled': CANCELLATION,
  'Transaction.Cancelled': CANCELLATION,
  'Transaction.CancelPending': CANCELLATION,
  'BillingKey.Ready': BILLING_KEY,
  'BillingKey.Issued': BILLING_KEY,
  'BillingKey.Failed': BILLING_KEY,
  'BillingKey.Deleted': BILLING_KEY,
  'BillingKey.Updated': BILLING_KEY,
} as const satisfies {
  readonly [Type in PortOneV2WebhookEventType]: FieldsOf<PortOneV2WebhookDataByType[Type]>;
};

/**
 * Every V2 event type the official SDK declares, at runtime (e.g. to check a type name from configuration).
 * @publicApi
 */
export const PORTONE_V2_WEBHOOK_EVENT_TYPES: readonly PortOneV2WebhookEventType[] = Object.freeze(
  Object.keys(V2_WEBHOOK_DATA_FIELDS) as PortOneV2WebhookEventType[],
);

/** True when `type` is one of {@link PORTONE_V2_WEBHOOK_EVENT_TYPES}. @publicApi */
export function isPortOneV2WebhookEventType(type: unknown): type is PortOneV2WebhookEventType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(V2_WEBHOOK_DATA_FIELDS, type);
}
