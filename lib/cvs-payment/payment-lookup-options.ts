import type { PortOneCallOptions } from '../core/call-options';
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
