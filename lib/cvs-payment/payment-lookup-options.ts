import type { PortOneCallOptions } from '../core/call-options';
import type { PortOnePaymentSorting } from './dto/list-payments-by-status.dto';
import type { PortOnePaymentStatus } from './models/payment.model';

/** Per-call options of payment lookups. @publicApi */
export interface PaymentLookupOptions extends PortOneCallOptions {
  /** Find payments made through a test channel too. Overrides the module's `v1.includeSandbox` (default true). */
  includeSandbox?: boolean;
}

/** Options of `CvsService.findByMerchantUid`. @publicApi */
export interface FindPaymentOptions extends PaymentLookupOptions {
  /** Only a payment in this status (the newest one). */
  status?: PortOnePaymentStatus;
}

/**
 * Options of `CvsService.listByStatus`. `from` and `to` are compared with the time of each payment's status
 * (paid: when it was paid; cancelled: when it was cancelled; ready: when it started; failed: when it failed),
 * both inclusive, at PortOne's resolution of one second.
 * @publicApi
 */
export interface ListPaymentsByStatusOptions extends PaymentLookupOptions {
  /** Earliest status time. PortOne's default: 90 days before `to`. */
  from?: Date;
  /** Latest status time; at most 90 days after `from`. PortOne's default: now. */
  to?: Date;
  /** Page number, from 1. @default 1 */
  page?: number;
  /** Payments per page, 1 to 1000. PortOne's default: 20. */
  limit?: number;
  /** PortOne's default: `-started` (newest started first). */
  sorting?: PortOnePaymentSorting;
}
