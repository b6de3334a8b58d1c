/** One (partial) cancellation of a payment: PortOne's `PaymentCancelAnnotation`. @publicApi */
export class PortOnePaymentCancellation {
  pgTid!: string;
  amount!: number;
  cancelledAt?: Date;
  reason!: string;
  cancellationId!: string;
  receiptUrl?: string | null;
}
