import type { PortOnePayment } from '../portone';

/** What the client needs to show a barcode and its state. Buyer details stay on the server. */
export interface CvsPaymentView {
  impUid: string;
  merchantUid: string;
  status: PortOnePayment['status'];
  amount: number;
  /** The number the store scans (수납번호). */
  barcode?: string;
  /** Pay before this. */
  expiresAt?: Date;
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
