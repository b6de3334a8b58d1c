/**
 * V1 response shapes the emulator produces, written from PortOne's V1 spec (CertificationAnnotation,
 * PaymentAnnotation, PaymentCancelAnnotation). Every spec field is present; values the emulated flow does not
 * produce are null (or 0 / false / [] where PortOne uses those for "none").
 */

/** V1 `CertificationAnnotation`, as `GET /certifications/{imp_uid}` returns it. */
export interface EmulatorCertification {
  imp_uid: string;
  merchant_uid: string | null;
  pg_tid: string | null;
  pg_provider: string;
  name: string | null;
  gender: 'male' | 'female' | null;
  /** `YYYY-MM-DD`. */
  birthday: string | null;
  foreigner: boolean;
  /** Absent from a certified record unless the channel has the carrier pre-approval. */
  phone?: string | null;
  /** Absent from a certified record unless the channel has the carrier pre-approval. */
  carrier?: string | null;
  certified: boolean;
  /** UNIX seconds; 0 while not certified. */
  certified_at: number;
  /** CI: 88 base64 characters. */
  unique_key: string | null;
  /** DI: 64 characters. */
  unique_in_site: string | null;
  origin: string | null;
  foreigner_v2: boolean | null;
}

/** V1 `PaymentCancelAnnotation`. */
export interface EmulatorPaymentCancellation {
  pg_tid: string;
  amount: number;
  cancelled_at: number;
  reason: string;
  cancellation_id: string;
  receipt_url: string;
}

/** V1 `PaymentAnnotation`, as the CVS endpoints return it. */
export interface EmulatorPayment {
  imp_uid: string;
  merchant_uid: string;
  pay_method: string;
  channel: 'pc' | 'mobile' | 'api';
  pg_provider: string;
  emb_pg_provider: string | null;
  pg_tid: string;
  pg_id: string;
  sandbox: boolean;
  escrow: boolean;
  apply_num: string | null;
  bank_code: string | null;
  bank_name: string | null;
  card_code: string | null;
  card_name: string | null;
  card_issuer_code: string | null;
  card_issuer_name: string | null;
  card_publisher_code: string | null;
  card_publisher_name: string | null;
  card_quota: number;
  card_number: string | null;
  card_type: number | null;
  vbank_code: string | null;
  vbank_name: string | null;
  /** The CVS barcode number (see the note in cvs.ts). */
  vbank_num: string;
  vbank_holder: string | null;
  /** Payment deadline, UNIX seconds. */
  vbank_date: number;
  vbank_issued_at: number;
  name: string | null;
  amount: number;
  cancel_amount: number;
  currency: string;
  buyer_name: string | null;
  buyer_email: string | null;
  buyer_tel: string | null;
  buyer_addr: string | null;
  buyer_postcode: string | null;
  custom_data: string | null;
  user_agent: string | null;
  status: 'ready' | 'paid' | 'cancelled' | 'failed';
  started_at: number;
  paid_at: number;
  failed_at: number;
  cancelled_at: number;
  fail_reason: string | null;
  cancel_reason: string | null;
  receipt_url: string;
  cancel_history: EmulatorPaymentCancellation[];
  deposit_history: unknown[];
  cancel_receipt_urls: string[];
  cash_receipt_issued: boolean;
  customer_uid: string | null;
  customer_uid_usage: string | null;
  promotion: { id: string; discount: number } | null;
}
