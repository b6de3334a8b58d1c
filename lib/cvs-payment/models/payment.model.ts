import { Expose, Type } from 'class-transformer';
import { FromUnixSeconds } from '../../mapping/date-transforms';
import { PaymentCancellation } from './payment-cancellation.model';
import { VbankDeposit } from './vbank-deposit.model';

/** Payment status: `ready` also covers issued, unpaid barcodes and virtual accounts. */
export type PaymentStatus = 'ready' | 'paid' | 'cancelled' | 'failed';

/** A promotion applied to a payment. @publicApi */
export class PaymentPromotion {
  @Expose() id?: string;
  @Expose() discount?: number;
}

/**
 * A V1 payment: PortOne's `PaymentAnnotation` in camelCase, with UNIX timestamps as `Date` (PortOne's 0,
 * "never", becomes `undefined`).
 *
 * For a convenience-store payment, the barcode (수납번호) is in `vbankNum` and its deadline in `vbankDate`.
 * UNVERIFIED: the spec has no dedicated barcode field; that is where the emulator puts it.
 * @publicApi
 */
export class Payment {
  @Expose({ name: 'imp_uid' }) impUid!: string;
  @Expose({ name: 'merchant_uid' }) merchantUid!: string;
  @Expose({ name: 'pay_method' }) payMethod?: string | null;
  /** `pc`, `mobile` or `api`. */
  @Expose() channel?: string | null;
  @Expose({ name: 'pg_provider' }) pgProvider?: string | null;
  @Expose({ name: 'emb_pg_provider' }) embPgProvider?: string | null;
  @Expose({ name: 'pg_tid' }) pgTid?: string | null;
  @Expose({ name: 'pg_id' }) pgId?: string | null;
  /** Made through a test channel. */
  @Expose() sandbox!: boolean;
  @Expose() escrow?: boolean;
  @Expose({ name: 'apply_num' }) applyNum?: string | null;
  @Expose({ name: 'bank_code' }) bankCode?: string | null;
  @Expose({ name: 'bank_name' }) bankName?: string | null;
  @Expose({ name: 'card_code' }) cardCode?: string | null;
  @Expose({ name: 'card_name' }) cardName?: string | null;
  @Expose({ name: 'card_issuer_code' }) cardIssuerCode?: string | null;
  @Expose({ name: 'card_issuer_name' }) cardIssuerName?: string | null;
  @Expose({ name: 'card_publisher_code' }) cardPublisherCode?: string | null;
  @Expose({ name: 'card_publisher_name' }) cardPublisherName?: string | null;
  @Expose({ name: 'card_quota' }) cardQuota?: number | null;
  @Expose({ name: 'card_number' }) cardNumber?: string | null;
  /** 0 credit, 1 check card; null when the PG does not say. */
  @Expose({ name: 'card_type' }) cardType?: number | null;
  @Expose({ name: 'vbank_code' }) vbankCode?: string | null;
  @Expose({ name: 'vbank_name' }) vbankName?: string | null;
  /** Virtual-account number; for CVS payments, the barcode. */
  @Expose({ name: 'vbank_num' }) vbankNum?: string | null;
  @Expose({ name: 'vbank_holder' }) vbankHolder?: string | null;
  /** Deposit (or CVS payment) deadline. */
  @Expose({ name: 'vbank_date' }) @FromUnixSeconds('vbank_date') vbankDate?: Date;
  @Expose({ name: 'vbank_issued_at' }) @FromUnixSeconds('vbank_issued_at') vbankIssuedAt?: Date;
  @Expose() name?: string | null;
  @Expose() amount!: number;
  @Expose({ name: 'cancel_amount' }) cancelAmount!: number;
  @Expose() currency!: string;
  @Expose({ name: 'buyer_name' }) buyerName?: string | null;
  @Expose({ name: 'buyer_email' }) buyerEmail?: string | null;
  @Expose({ name: 'buyer_tel' }) buyerTel?: string | null;
  @Expose({ name: 'buyer_addr' }) buyerAddr?: string | null;
  @Expose({ name: 'buyer_postcode' }) buyerPostcode?: string | null;
  @Expose({ name: 'custom_data' }) customData?: string | null;
  @Expose({ name: 'user_agent' }) userAgent?: string | null;
  @Expose() status!: PaymentStatus;
  @Expose({ name: 'started_at' }) @FromUnixSeconds('started_at') startedAt?: Date;
  @Expose({ name: 'paid_at' }) @FromUnixSeconds('paid_at') paidAt?: Date;
  @Expose({ name: 'failed_at' }) @FromUnixSeconds('failed_at') failedAt?: Date;
  @Expose({ name: 'cancelled_at' }) @FromUnixSeconds('cancelled_at') cancelledAt?: Date;
  @Expose({ name: 'fail_reason' }) failReason?: string | null;
  @Expose({ name: 'cancel_reason' }) cancelReason?: string | null;
  @Expose({ name: 'receipt_url' }) receiptUrl?: string | null;
  @Expose({ name: 'cancel_history' }) @Type(() => PaymentCancellation) cancelHistory?: PaymentCancellation[];
  @Expose({ name: 'deposit_history' }) @Type(() => VbankDeposit) depositHistory?: VbankDeposit[];
  /** @deprecated PortOne deprecated it: use `cancelHistory[].receiptUrl`. */
  @Expose({ name: 'cancel_receipt_urls' }) cancelReceiptUrls?: string[];
  @Expose({ name: 'cash_receipt_issued' }) cashReceiptIssued?: boolean;
  @Expose({ name: 'customer_uid' }) customerUid?: string | null;
  @Expose({ name: 'customer_uid_usage' }) customerUidUsage?: string | null;
  @Expose() @Type(() => PaymentPromotion) promotion?: PaymentPromotion | null;
}
