import type { HandlerResult, RequestContext } from '../http/context';
import { V1_CVS_PROVIDERS } from '../options';
import { randomDigits, randomHex, uniqueId } from '../random';
import type { EmulatorState } from '../state';
import { v1BusinessFailure, v1Error, v1Ok, v1PgFailure } from './envelope';
import type { EmulatorPayment } from './types';

/** Body of `POST /cvs` after schema validation. */
interface IssueCvsBody {
  channel_key: string;
  merchant_uid: string;
  amount: number;
  barcode?: string;
  expired_at?: number;
  name?: string;
  buyer_name?: string;
  buyer_email?: string;
  buyer_tel?: string;
  buyer_addr?: string;
  buyer_postcode?: string;
  confirm_url?: string;
  notice_url?: string[];
  custom_data?: string;
}

/** Galaxia's default payment window when `expired_at` is omitted (the real default is per contract). */
const DEFAULT_CVS_VALIDITY_SECONDS = 7 * 24 * 60 * 60;

/** `PaymentAnnotation.vbank_num` maxLength in PortOne's V1 spec. */
const VBANK_NUM_MAX_LENGTH = 32;

/**
 * `POST /cvs`: issues (or registers) a convenience-store barcode as a `ready` payment.
 *
 * Where PortOne returns the barcode is UNVERIFIED. The emulator puts it in `vbank_num` (the payment
 * annotation's only "number to pay into" field) and the deadline in `vbank_date`. `pay_method` 'cvs' is also
 * an assumption: the spec's pay_method list has no CVS entry.
 */
export function issueCvsPayment(ctx: RequestContext, state: EmulatorState, body: unknown): HandlerResult {
  const input = body as IssueCvsBody;
  const channel = state.channelByKey(input.channel_key);
  if (!channel || !V1_CVS_PROVIDERS.has(channel.v1PgProvider)) {
    return v1Error(400, 'channel_key must be the key of a galaxia channel');
  }
  // Not in the spec, but a barcode for a zero or negative amount cannot be paid.
  if (!(input.amount > 0)) return v1Error(400, 'amount must be greater than 0');
  // The barcode comes back as `vbank_num`, which PaymentAnnotation caps at 32 characters.
  if (input.barcode !== undefined && input.barcode.length > VBANK_NUM_MAX_LENGTH) {
    return v1Error(400, `barcode must be at most ${VBANK_NUM_MAX_LENGTH} characters`);
  }
  const now = state.clock.nowSeconds();
  // `expired_at` is the payment deadline: one already past would issue a barcode nobody can pay.
  if (input.expired_at !== undefined && input.expired_at <= now) {
    return v1Error(400, 'expired_at must be in the future');
  }
  if (state.payments.hasPaidMerchantUid(input.merchant_uid)) {
    return v1BusinessFailure('이미 결제가 완료된 주문번호입니다. (merchant_uid already paid)');
  }
  const pgError = state.pgError.take();
  if (pgError) return v1PgFailure(pgError);

  const impUid = uniqueId(
    () => `imps_${randomDigits(12)}`,
    id => state.payments.has(id),
  );
  const payment: EmulatorPayment = {
    imp_uid: impUid,
    merchant_uid: input.merchant_uid,
    pay_method: 'cvs',
    channel: 'api',
    pg_provider: channel.v1PgProvider,
    emb_pg_provider: null,
    pg_tid: `galaxia_${randomHex(20)}`,
    pg_id: channel.pgMerchantId,
    sandbox: true,
    escrow: false,
    apply_num: null,
    bank_code: null,
    bank_name: null,
    card_code: null,
    card_name: null,
    card_issuer_code: null,
    card_issuer_name: null,
    card_publisher_code: null,
    card_publisher_name: null,
    card_quota: 0,
    card_number: null,
    card_type: null,
    vbank_code: null,
    vbank_name: null,
    vbank_num: input.barcode ?? randomDigits(20),
    vbank_holder: null,
    vbank_date: input.expired_at ?? now + DEFAULT_CVS_VALIDITY_SECONDS,
    vbank_issued_at: now,
    name: input.name ?? null,
    amount: input.amount,
    cancel_amount: 0,
    currency: 'KRW',
    buyer_name: input.buyer_name ?? null,
    buyer_email: input.buyer_email ?? null,
    buyer_tel: input.buyer_tel ?? null,
    buyer_addr: input.buyer_addr ?? null,
    buyer_postcode: input.buyer_postcode ?? null,
    custom_data: input.custom_data ?? null,
    user_agent: null,
    status: 'ready',
    started_at: now,
    paid_at: 0,
    failed_at: 0,
    cancelled_at: 0,
    fail_reason: null,
    cancel_reason: null,
    // .invalid is reserved (RFC 2606): the URL can never reach a real host.
    receipt_url: `https://receipt.emulator.invalid/cvs/${impUid}`,
    cancel_history: [],
    deposit_history: [],
    cancel_receipt_urls: [],
    cash_receipt_issued: false,
    customer_uid: null,
    customer_uid_usage: null,
    promotion: null,
  };
  state.payments.add(payment);
  state.payments.setCallbacks(impUid, { confirmUrl: input.confirm_url, noticeUrls: input.notice_url ?? [] });
  return v1Ok(payment);
}

/**
 * `DELETE /cvs/{imp_uid}`: voids an unpaid barcode. Business refusals (already cancelled, already paid) come
 * back as HTTP 200 with code 1, PortOne's observed style for such failures.
 */
export function revokeCvsPayment(ctx: RequestContext, state: EmulatorState): HandlerResult {
  const payment = state.payments.get(ctx.params.imp_uid);
  if (!payment) return v1Error(404, '존재하지 않는 결제정보입니다.');
  if (payment.status === 'cancelled') return v1BusinessFailure('이미 취소된 결제건입니다.');
  // Assumption: PortOne describes revoke as "for a barcode that has not been paid yet"; refuse paid ones.
  if (payment.status === 'paid') return v1BusinessFailure('이미 결제가 완료된 건은 발급취소할 수 없습니다.');
  const pgError = state.pgError.take();
  if (pgError) return v1PgFailure(pgError);

  const now = state.clock.nowSeconds();
  const reason = 'revoked';
  const receiptUrl = `https://receipt.emulator.invalid/cvs/${payment.imp_uid}/cancel`;
  payment.status = 'cancelled';
  payment.cancelled_at = now;
  payment.cancel_amount = payment.amount;
  payment.cancel_reason = reason;
  payment.cancel_history.push({
    pg_tid: payment.pg_tid,
    amount: payment.amount,
    cancelled_at: now,
    reason,
    cancellation_id: `cancel_${randomHex(20)}`,
    receipt_url: receiptUrl,
  });
  payment.cancel_receipt_urls.push(receiptUrl);
  return v1Ok(payment);
}
