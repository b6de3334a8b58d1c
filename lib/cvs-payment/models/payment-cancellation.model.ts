/** One (partial) cancellation of a payment: PortOne's `PaymentCancelAnnotation`. @publicApi */
export class PaymentCancellation {
  pgTid!: string;
  amount!: number;
  cancelledAt?: Date;
  reason!: string;
  cancellationId!: string;
  receiptUrl?: string | null;
}
