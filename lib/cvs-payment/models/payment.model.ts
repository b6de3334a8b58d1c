import { PortOnePaymentCancellation } from './payment-cancellation.model';
import { PortOneVbankDeposit } from './vbank-deposit.model';

/** Payment status: `ready` also covers issued, unpaid barcodes and virtual accounts. */
export type PortOnePaymentStatus = 'ready' | 'paid' | 'cancelled' | 'failed';

/** A promotion applied to a payment. @publicApi */
export class PortOnePaymentPromotion {
  id?: string;
  discount?: number;
}

/**
 * A V1 payment: PortOne's `PaymentAnnotation` in camelCase, with UNIX timestamps as `Date` (PortOne's 0,
 * "never", becomes `undefined`).
 *
 * For a convenience-store payment, the barcode (수납번호) is in `vbankNum` and its deadline in `vbankDate`.
 * UNVERIFIED: the spec has no dedicated barcode field; that is where the emulator puts it.
 * @publicApi
 */
export class PortOnePayment {
  impUid!: string;
  merchantUid!: string;
  payMethod?: string | null;
  /** `pc`, `mobile` or `api`. */
  channel?: string | null;
  pgProvider?: string | null;
  embPgProvider?: string | null;
  pgTid?: string | null;
  pgId?: string | null;
  /** Made through a test channel. */
  sandbox!: boolean;
  escrow?: boolean;
  applyNum?: string | null;
  bankCode?: string | null;
  bankName?: string | null;
  cardCode?: string | null;
  cardName?: string | null;
  cardIssuerCode?: string | null;
  cardIssuerName?: string | null;
  cardPublisherCode?: string | null;
  cardPublisherName?: string | null;
  cardQuota?: number | null;
  cardNumber?: string | null;
  /** 0 credit, 1 check card; null when the PG does not say. */
  cardType?: number | null;
  vbankCode?: string | null;
  vbankName?: string | null;
  /** Virtual-account number; for CVS payments, the barcode. */
  vbankNum?: string | null;
  vbankHolder?: string | null;
  /** Deposit (or CVS payment) deadline. */
  vbankDate?: Date;
  vbankIssuedAt?: Date;
  name?: string | null;
  amount!: number;
  cancelAmount!: number;
  currency!: string;
  buyerName?: string | null;
  buyerEmail?: string | null;
  buyerTel?: string | null;
  buyerAddr?: string | null;
  buyerPostcode?: string | null;
  customData?: string | null;
  userAgent?: string | null;
  status!: PortOnePaymentStatus;
  startedAt?: Date;
  paidAt?: Date;
  failedAt?: Date;
  cancelledAt?: Date;
  failReason?: string | null;
  cancelReason?: string | null;
  receiptUrl?: string | null;
  cancelHistory?: PortOnePaymentCancellation[];
  depositHistory?: PortOneVbankDeposit[];
  /** @deprecated PortOne deprecated it: use `cancelHistory[].receiptUrl`. */
  cancelReceiptUrls?: string[];
  cashReceiptIssued?: boolean;
  customerUid?: string | null;
  customerUidUsage?: string | null;
  promotion?: PortOnePaymentPromotion | null;
}
