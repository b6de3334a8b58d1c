import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import type { PortOnePaymentStatus } from '../models/payment.model';

/** The statuses a V1 payment can have, as the lookup accepts them. @internal */
export const PAYMENT_STATUSES: readonly PortOnePaymentStatus[] = ['ready', 'paid', 'cancelled', 'failed'];

/**
 * What a payment lookup sends besides the id: built by `CvsService` from its options, validated like any
 * input before the request leaves.
 * @internal
 */
export class PaymentLookupQueryDto {
  @IsBoolean()
  includeSandbox!: boolean;

  @IsOptional()
  @IsIn(PAYMENT_STATUSES)
  status?: PortOnePaymentStatus;
}
