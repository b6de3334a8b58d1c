import type { EmulatorWebhookDelivery } from '../webhooks/delivery-log';
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
   * Re-sends of the notice after a 5xx or a network error. Default 5, PortOne's documented maximum (one
   * minute apart; PortOne only re-sends when support has turned it on).
   */
  noticeRetries?: number;
  /** Wait between notice re-sends. Default 1000 ms (PortOne waits a minute); tests pass a few ms. */
  retryDelayMs?: number;
  /** How long each call waits for the app. Default 30000 ms, PortOne's documented read timeout. */
  timeoutMs?: number;
}

/** What happened when the customer tried to pay. */
export interface PayAtStoreResult {
  /** `paid` when the confirm call allowed it (or there was no confirm_url); `refused` otherwise. */
  readonly outcome: 'paid' | 'refused';
  /** The confirm call, or undefined when the barcode was issued without `confirm_url`. */
  readonly confirm?: EmulatorWebhookDelivery;
  /** Every notice attempt, to every notice URL, retries included. Empty when refused. */
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
