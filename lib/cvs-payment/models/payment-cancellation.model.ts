import { Expose } from 'class-transformer';
import { FromUnixSeconds } from '../../mapping/date-transforms';

/** One (partial) cancellation of a payment: PortOne's `PaymentCancelAnnotation`. @publicApi */
export class PaymentCancellation {
  @Expose({ name: 'pg_tid' }) pgTid!: string;
  @Expose() amount!: number;
  @Expose({ name: 'cancelled_at' }) @FromUnixSeconds('cancelled_at') cancelledAt?: Date;
  @Expose() reason!: string;
  @Expose({ name: 'cancellation_id' }) cancellationId!: string;
  @Expose({ name: 'receipt_url' }) receiptUrl?: string | null;
}
