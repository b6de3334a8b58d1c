import {
  flag,
  list,
  number,
  numberOrNull,
  object,
  text,
  textOrNull,
  unixSecondsToDate,
} from '../../mapping/json-readers';
import { fill } from '../../mapping/model-fields';
import { PortOnePaymentCancellation } from './payment-cancellation.model';
import { PortOnePayment, PortOnePaymentPromotion, type PortOnePaymentStatus } from './payment.model';
import { PortOneVbankDeposit } from './vbank-deposit.model';

// V1 answers snake_case; each model field is copied from its PortOne field by hand. `fill` takes every field
// of the model, so the compiler catches a field added to the model and forgotten here.

/** PortOne's `PaymentAnnotation` as a `PortOnePayment`. @internal */
export function mapPayment(payload: unknown): PortOnePayment {
  const raw = object(payload) ?? {};
  return fill(new PortOnePayment(), {
    impUid: text(raw.imp_uid),
    merchantUid: text(raw.merchant_uid),
    payMethod: textOrNull(raw.pay_method),
    channel: textOrNull(raw.channel),
    pgProvider: textOrNull(raw.pg_provider),
    embPgProvider: textOrNull(raw.emb_pg_provider),
    pgTid: textOrNull(raw.pg_tid),
    pgId: textOrNull(raw.pg_id),
    sandbox: flag(raw.sandbox),
    escrow: flag(raw.escrow),
    applyNum: textOrNull(raw.apply_num),
    bankCode: textOrNull(raw.bank_code),
    bankName: textOrNull(raw.bank_name),
    cardCode: textOrNull(raw.card_code),
    cardName: textOrNull(raw.card_name),
    cardIssuerCode: textOrNull(raw.card_issuer_code),
    cardIssuerName: textOrNull(raw.card_issuer_name),
    cardPublisherCode: textOrNull(raw.card_publisher_code),
    cardPublisherName: textOrNull(raw.card_publisher_name),
    cardQuota: numberOrNull(raw.card_quota),
    cardNumber: textOrNull(raw.card_number),
    cardType: numberOrNull(raw.card_type),
    vbankCode: textOrNull(raw.vbank_code),
    vbankName: textOrNull(raw.vbank_name),
    vbankNum: textOrNull(raw.vbank_num),
    vbankHolder: textOrNull(raw.vbank_holder),
    vbankDate: unixSecondsToDate(raw.vbank_date),
    vbankIssuedAt: unixSecondsToDate(raw.vbank_issued_at),
    name: textOrNull(raw.name),
    amount: number(raw.amount),
    cancelAmount: number(raw.cancel_amount),
    currency: text(raw.currency),
    buyerName: textOrNull(raw.buyer_name),
    buyerEmail: textOrNull(raw.buyer_email),
    buyerTel: textOrNull(raw.buyer_tel),
    buyerAddr: textOrNull(raw.buyer_addr),
    buyerPostcode: textOrNull(raw.buyer_postcode),
    customData: textOrNull(raw.custom_data),
    userAgent: textOrNull(raw.user_agent),
    status: text(raw.status) as PortOnePaymentStatus | undefined,
    startedAt: unixSecondsToDate(raw.started_at),
    paidAt: unixSecondsToDate(raw.paid_at),
    failedAt: unixSecondsToDate(raw.failed_at),
    cancelledAt: unixSecondsToDate(raw.cancelled_at),
    failReason: textOrNull(raw.fail_reason),
    cancelReason: textOrNull(raw.cancel_reason),
    receiptUrl: textOrNull(raw.receipt_url),
    cancelHistory: list(raw.cancel_history, mapPaymentCancellation),
    depositHistory: list(raw.deposit_history, mapVbankDeposit),
    cancelReceiptUrls: list(raw.cancel_receipt_urls, text),
    cashReceiptIssued: flag(raw.cash_receipt_issued),
    customerUid: textOrNull(raw.customer_uid),
    customerUidUsage: textOrNull(raw.customer_uid_usage),
    promotion: raw.promotion === null ? null : mapPromotion(raw.promotion),
  });
}

function mapPaymentCancellation(item: unknown): PortOnePaymentCancellation | undefined {
  const raw = object(item);
  if (!raw) return undefined;
  return fill(new PortOnePaymentCancellation(), {
    pgTid: text(raw.pg_tid),
    amount: number(raw.amount),
    cancelledAt: unixSecondsToDate(raw.cancelled_at),
    reason: text(raw.reason),
    cancellationId: text(raw.cancellation_id),
    receiptUrl: textOrNull(raw.receipt_url),
  });
}

function mapVbankDeposit(item: unknown): PortOneVbankDeposit | undefined {
  const raw = object(item);
  if (!raw) return undefined;
  return fill(new PortOneVbankDeposit(), {
    pgTid: text(raw.pg_tid),
    amount: number(raw.amount),
    depositorName: text(raw.depositor_name),
    depositedAt: unixSecondsToDate(raw.deposited_at),
  });
}

function mapPromotion(value: unknown): PortOnePaymentPromotion | undefined {
  const raw = object(value);
  if (!raw) return undefined;
  return fill(new PortOnePaymentPromotion(), { id: text(raw.id), discount: number(raw.discount) });
}
