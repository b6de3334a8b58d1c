import type { EmulatorWebhookDelivery } from '../webhooks/delivery-log';
import type { EmulatorWebhookSchedule } from '../webhooks/schedules';
import type { EmulatorPayment } from './types';

// The public shapes of paying at the store, apart from the implementation so that the published .d.ts of
// `nestjs-portone/testing` never reach the emulator's state (and its JSON schema imports).

/** Options of {@link PortOneEmulator.payAtStore}. */
export interface PayAtStoreOptions {
  /** How the customer pays at the counter; sent as `extra.payType` in the confirm call. Default `'cash'`. */
  payType?: 'cash' | 'card';
  /** Encoding of the paid notice (PortOne's console setting). Default `'json'`. */
  noticeFormat?: 'json' | 'form';
  /**
   * The schedule of this payment's notices, instead of the emulator's `webhookDelivery.v1` (default
   * `'portone-v1-default'`: sent once, as PortOne does unless support turned re-sends on).
   */
  noticeDelivery?: EmulatorWebhookSchedule;
}

/** What happened when the customer tried to pay. */
export interface PayAtStoreResult {
  /** `paid` when the confirm call allowed it (or there was no confirm_url); `refused` otherwise. */
  readonly outcome: 'paid' | 'refused';
  /** The confirm call, or undefined when the barcode was issued without `confirm_url`. */
  readonly confirm?: EmulatorWebhookDelivery;
  /**
   * The first attempt of the notice to each notice URL (each with its `deliveryId`; re-sends, if the schedule
   * has any, come later: see `webhookDeliveries` / `webhookHistory`). Empty when refused.
   */
  readonly notices: readonly EmulatorWebhookDelivery[];
  /** The payment as the API now returns it. */
  readonly payment: EmulatorPayment;
}

/** Paying a barcode that cannot be paid: unknown, expired, revoked or already paid. */
export class EmulatorStorePaymentError extends Error {
  override readonly name = 'EmulatorStorePaymentError';
  /** @internal The emulator throws these from `payAtStore`. */
  constructor(
    message: string,
    /** `not_found`, `expired`, `cancelled` or `already_paid`. */
    readonly reason: 'not_found' | 'expired' | 'cancelled' | 'already_paid',
  ) {
    super(message);
  }
}
