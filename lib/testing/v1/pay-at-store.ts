import type { EmulatorState } from '../state';
import type { EmulatorWebhookDelivery } from '../webhooks/delivery-log';
import { callOnce, deliverWebhook } from '../webhooks/dispatcher';
import type { OutgoingWebhook } from '../webhooks/post-webhook';
import { resolveSchedule } from '../webhooks/schedules';
import {
  EmulatorStorePaymentError,
  type PayAtStoreOptions,
  type PayAtStoreResult,
} from './pay-at-store.types';
import type { EmulatorPayment } from './types';

/**
 * Plays the customer paying a CVS barcode at the store, as PortOne and Galaxia do:
 * 1. refuse barcodes that cannot be paid (the counter's terminal rejects them; nothing is called);
 * 2. call `confirm_url` synchronously, once; anything but 200 (or no answer) refuses and changes nothing;
 * 3. mark the payment paid (`paid_at`, pay_method `cvs`) and post the notice `{ imp_uid, merchant_uid, status }`
 *    to each notice URL on the V1 schedule (PortOne's default: once). Resolves after each notice's first
 *    attempt; re-sends, when the schedule has them, follow on the emulator clock.
 */
export async function payAtStore(
  state: EmulatorState,
  impUid: string,
  options: PayAtStoreOptions = {},
): Promise<PayAtStoreResult> {
  const payment = payableOrThrow(state, impUid);
  const urls = state.payments.callbacksOf(impUid);
  const v1 = state.webhookDelivery.v1;
  const schedule =
    options.noticeDelivery === undefined
      ? v1
      : resolveSchedule(options.noticeDelivery, 'v1', 'noticeDelivery');

  let confirm: EmulatorWebhookDelivery | undefined;
  if (urls.confirmUrl) {
    const body = {
      event: 'Galaxia.Cvs.Confirm',
      imp_uid: payment.imp_uid,
      merchant_uid: payment.merchant_uid,
      status: 'ready',
      extra: { barcode: payment.vbank_num, payType: options.payType ?? 'cash' },
    };
    const request = { url: urls.confirmUrl, contentType: 'application/json', body: JSON.stringify(body) };
    // The confirm is a question asked while the customer waits: one call, whatever the notice schedule.
    confirm = await callOnce(state, 'cvs-confirm', request, v1);
    if (confirm.status !== 200)
      return { outcome: 'refused', confirm, notices: [], payment: structuredClone(payment) };
  }

  // The merchant may have revoked the barcode while its confirm handler ran.
  payableOrThrow(state, impUid);
  payment.status = 'paid';
  payment.paid_at = state.clock.nowSeconds();
  payment.pay_method = 'cvs';

  const notice = { imp_uid: payment.imp_uid, merchant_uid: payment.merchant_uid, status: 'paid' };
  const notices: EmulatorWebhookDelivery[] = [];
  for (const url of urls.noticeUrls) {
    const request: OutgoingWebhook =
      options.noticeFormat === 'form'
        ? {
            url,
            contentType: 'application/x-www-form-urlencoded',
            body: new URLSearchParams(notice).toString(),
          }
        : { url, contentType: 'application/json', body: JSON.stringify(notice) };
    const history = await deliverWebhook(state, 'v1-notice', request, schedule);
    notices.push(...history.attempts);
  }
  return { outcome: 'paid', confirm, notices, payment: structuredClone(payment) };
}

function payableOrThrow(state: EmulatorState, impUid: string): EmulatorPayment {
  const payment = state.payments.get(impUid);
  if (!payment)
    throw new EmulatorStorePaymentError(
      `존재하지 않는 수납번호입니다. (no CVS payment ${impUid})`,
      'not_found',
    );
  if (payment.status === 'paid') {
    throw new EmulatorStorePaymentError(
      `이미 수납된 수납번호입니다. (${impUid} is already paid)`,
      'already_paid',
    );
  }
  if (payment.status !== 'ready') {
    throw new EmulatorStorePaymentError(
      `발급 취소된 수납번호입니다. (${impUid} is ${payment.status})`,
      'cancelled',
    );
  }
  if (payment.vbank_date <= state.clock.nowSeconds()) {
    throw new EmulatorStorePaymentError(`수납기한이 지난 수납번호입니다. (${impUid} expired)`, 'expired');
  }
  return payment;
}
