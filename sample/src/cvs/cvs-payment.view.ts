import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PortOnePayment } from '../portone';

const PAYMENT_STATUSES = [
  'ready',
  'paid',
  'cancelled',
  'failed',
] as const satisfies readonly PortOnePayment['status'][];

/** What the client needs to show a barcode and its state. Buyer details stay on the server. */
export class CvsPaymentView {
  @ApiProperty({ example: 'imp_123456789012' })
  impUid!: string;

  @ApiProperty({ example: 'order-1' })
  merchantUid!: string;

  @ApiProperty({ enum: PAYMENT_STATUSES, example: 'ready' })
  status!: PortOnePayment['status'];

  @ApiProperty({ example: 15000 })
  amount!: number;

  /** The number the store scans (수납번호). */
  @ApiPropertyOptional({ description: 'the number the store scans (수납번호)', example: '1234567890123' })
  barcode?: string;

  /** Pay before this. */
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'pay before this' })
  expiresAt?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  cancelledAt?: Date;
}

export function toCvsPaymentView(payment: PortOnePayment): CvsPaymentView {
  return {
    impUid: payment.impUid,
    merchantUid: payment.merchantUid,
    status: payment.status,
    amount: payment.amount,
    // PortOne puts a CVS barcode in the virtual-account fields.
    barcode: payment.vbankNum ?? undefined,
    expiresAt: payment.vbankDate,
    cancelledAt: payment.cancelledAt,
  };
}
