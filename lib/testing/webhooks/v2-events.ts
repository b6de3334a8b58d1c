import { randomUUID } from 'node:crypto';
import {
  PORTONE_V2_WEBHOOK_EVENT_TYPES,
  V2_WEBHOOK_DATA_FIELDS,
  type PortOneV2WebhookEventType,
} from '../../webhooks/events/v2-webhook-data';

/** A V2 webhook event type (`Transaction.Paid`, `BillingKey.Issued`, …), as the official SDK declares them. */
export type EmulatorV2WebhookType = PortOneV2WebhookEventType;

/**
 * Every V2 event type and its `data` fields: the module's own table (`@portone/server-sdk`'s `Webhook` union,
 * webhook version 2024-04-25, checked against the SDK by tests), so the emulator sends exactly what the
 * module's typed events expect.
 */
export const V2_WEBHOOK_EVENT_FIELDS: Readonly<Record<EmulatorV2WebhookType, readonly string[]>> =
  Object.freeze(fieldNamesByType());

function fieldNamesByType(): Record<EmulatorV2WebhookType, readonly string[]> {
  const names = {} as Record<EmulatorV2WebhookType, readonly string[]>;
  for (const type of PORTONE_V2_WEBHOOK_EVENT_TYPES) names[type] = Object.keys(V2_WEBHOOK_DATA_FIELDS[type]);
  return names;
}

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
