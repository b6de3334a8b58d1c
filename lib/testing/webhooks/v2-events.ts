import { randomUUID } from 'node:crypto';

/**
 * The V2 webhook event types and the `data` each carries, as the official SDK's `Webhook` union declares them
 * (`@portone/server-sdk` 0.19.0, `generated/webhook`; webhook version 2024-04-25). A test checks this table
 * against the SDK's types.
 */
const TRANSACTION = ['paymentId', 'storeId', 'transactionId'] as const;
const CANCELLATION = [...TRANSACTION, 'cancellationId'] as const;
const BILLING_KEY = ['billingKey', 'storeId'] as const;

/** A V2 webhook event type (`Transaction.Paid`, `BillingKey.Issued`, …), as the official SDK declares them. */
export type EmulatorV2WebhookType =
  | 'Transaction.Ready'
  | 'Transaction.Paid'
  | 'Transaction.VirtualAccountIssued'
  | 'Transaction.PayPending'
  | 'Transaction.Failed'
  | 'Transaction.DisputeCreated'
  | 'Transaction.DisputeResolved'
  | 'Transaction.Confirm'
  | 'Transaction.PartialCancelled'
  | 'Transaction.Cancelled'
  | 'Transaction.CancelPending'
  | 'BillingKey.Ready'
  | 'BillingKey.Issued'
  | 'BillingKey.Failed'
  | 'BillingKey.Deleted'
  | 'BillingKey.Updated';

/** Every V2 event type and its `data` fields. */
export const V2_WEBHOOK_EVENT_FIELDS: Readonly<Record<EmulatorV2WebhookType, readonly string[]>> =
  Object.freeze({
    'Transaction.Ready': TRANSACTION,
    'Transaction.Paid': TRANSACTION,
    'Transaction.VirtualAccountIssued': TRANSACTION,
    'Transaction.PayPending': TRANSACTION,
    'Transaction.Failed': TRANSACTION,
    'Transaction.DisputeCreated': TRANSACTION,
    'Transaction.DisputeResolved': TRANSACTION,
    'Transaction.Confirm': [...TRANSACTION, 'totalAmount'],
    'Transaction.PartialCancelled': CANCELLATION,
    'Transaction.Cancelled': CANCELLATION,
    'Transaction.CancelPending': CANCELLATION,
    'BillingKey.Ready': BILLING_KEY,
    'BillingKey.Issued': BILLING_KEY,
    'BillingKey.Failed': BILLING_KEY,
    'BillingKey.Deleted': BILLING_KEY,
    'BillingKey.Updated': BILLING_KEY,
  });

/** A V2 webhook body, `{ type, timestamp, data }`. */
export interface EmulatorV2WebhookEvent {
  readonly type: EmulatorV2WebhookType;
  /** RFC 3339. */
  readonly timestamp: string;
  readonly data: Readonly<Record<string, string | number>>;
}

/** True for a type the SDK declares. */
export function isV2WebhookType(type: unknown): type is EmulatorV2WebhookType {
  return typeof type === 'string' && Object.hasOwn(V2_WEBHOOK_EVENT_FIELDS, type);
}

/**
 * Builds a V2 event body of `type`: every field the SDK requires, made up where `data` does not give it
 * (`storeId` is the emulator's store, ids are fresh), `data`'s own fields over them.
 */
export function buildV2Event(
  type: EmulatorV2WebhookType,
  data: Readonly<Record<string, string | number>>,
  storeId: string,
  nowMs: number,
): EmulatorV2WebhookEvent {
  const made: Record<string, string | number> = {};
  for (const field of V2_WEBHOOK_EVENT_FIELDS[type]) made[field] = madeUp(field, storeId);
  return { type, timestamp: new Date(nowMs).toISOString(), data: { ...made, ...data } };
}

function madeUp(field: string, storeId: string): string | number {
  switch (field) {
    case 'storeId':
      return storeId;
    case 'totalAmount':
      return 1000;
    case 'billingKey':
      return `billing-key-${randomUUID()}`;
    default:
      // paymentId, transactionId, cancellationId
      return `${field.replace(/Id$/, '')}-${randomUUID()}`;
  }
}
