import { setTimeout as sleep } from 'node:timers/promises';
import type { EmulatorState } from '../state';
import type { EmulatorWebhookDelivery } from '../webhooks/delivery-log';
import { postWebhook, type OutgoingWebhook } from '../webhooks/post-webhook';
import {
  EmulatorStorePaymentError,
  type PayAtStoreOptions,
  type PayAtStoreResult,
} from './pay-at-store.types';
import type { EmulatorPayment } from './types';

const DEFAULTS = {
  payType: 'cash',
  noticeFormat: 'json',
  noticeRetries: 5,
  retryDelayMs: 1000,
  timeoutMs: 30_000,
} as const;

/**
 * Plays the customer paying a CVS barcode at the store, as PortOne and Galaxia do:
 * 1. refuse barcodes that cannot be paid (the counter's terminal rejects them; nothing is called);
 * 2. call `confirm_url` synchronously; anything but 200 (or no answer) refuses and changes nothing;
 * 3. mark the payment paid (`paid_at`, pay_method `cvs`) and post the notice `{ imp_uid, merchant_uid, status }`
 *    to each notice URL, re-sending after 5xx or network errors.
 */
export async function payAtStore(
  state: EmulatorState,
  impUid: string,
  options: PayAtStoreOptions = {},
): Promise<PayAtStoreResult> {
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const payment = payableOrThrow(state, impUid);
  const urls = state.payments.callbacksOf(impUid);
  const now = (): Date => new Date(state.clock.nowMs());

  let confirm: EmulatorWebhookDelivery | undefined;
  if (urls.confirmUrl) {
    const body = {
      event: 'Galaxia.Cvs.Confirm',
      imp_uid: payment.imp_uid,
      merchant_uid: payment.merchant_uid,
      status: 'ready',
      extra: { barcode: payment.vbank_num, payType: settings.payType },
    };
    confirm = await postWebhook(
      {
        kind: 'cvs-confirm',
        url: urls.confirmUrl,
        contentType: 'application/json',
        body: JSON.stringify(body),
        timeoutMs: settings.timeoutMs,
      },
      1,
      now,
    );
    state.webhookDeliveries.add(confirm);
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
      settings.noticeFormat === 'form'
        ? {
            kind: 'v1-notice',
            url,
            contentType: 'application/x-www-form-urlencoded',
            body: new URLSearchParams(notice).toString(),
            timeoutMs: settings.timeoutMs,
          }
        : {
            kind: 'v1-notice',
            url,
            contentType: 'application/json',
            body: JSON.stringify(notice),
            timeoutMs: settings.timeoutMs,
          };
    notices.push(...(await deliverWithRetries(state, request, settings, now)));
  }
  return { outcome: 'paid', confirm, notices, payment: structuredClone(payment) };
}

async function deliverWithRetries(
  state: EmulatorState,
  request: OutgoingWebhook,
  settings: { noticeRetries: number; retryDelayMs: number },
  now: () => Date,
): Promise<EmulatorWebhookDelivery[]> {
  const attempts: EmulatorWebhookDelivery[] = [];
  for (let attempt = 1; attempt <= settings.noticeRetries + 1; attempt++) {
    if (attempt > 1) await sleep(settings.retryDelayMs);
    const delivery = await postWebhook(request, attempt, now);
    state.webhookDeliveries.add(delivery);
    attempts.push(delivery);
    const retry = delivery.status === undefined || delivery.status >= 500;
    if (!retry) break;
  }
  return attempts;
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

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
