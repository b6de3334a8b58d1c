import type { HandlerResult, RequestContext } from '../http/context';
import type { EmulatorState } from '../state';
import { v1Error, v1Ok } from './envelope';
import { PAYMENT_STATUSES, parseLookupParams, type PaymentSorting } from './payment-lookup-params';
import type { EmulatorPayment } from './types';

const NOT_FOUND = '존재하지 않는 결제정보입니다.';

/**
 * `GET /payments/{imp_uid}`. Every emulated payment is a sandbox one (made through a test channel), so, as on
 * PortOne, it is found only with `include_sandbox=true`.
 */
export function getPayment(ctx: RequestContext, state: EmulatorState): HandlerResult {
  const params = parseLookupParams(ctx.query, false);
  if (!params.ok) return v1Error(400, params.message);
  const payment = state.payments.get(ctx.params.imp_uid);
  if (!payment || (payment.sandbox && !params.includeSandbox)) return v1Error(404, NOT_FOUND);
  return v1Ok(payment);
}

/**
 * `GET /payments/find/{merchant_uid}/{payment_status}`: the first payment of the order by `sorting` (default
 * `-started`), optionally only those in one status. The status segment may be omitted.
 */
export function findPayment(ctx: RequestContext, state: EmulatorState): HandlerResult {
  const params = parseLookupParams(ctx.query, true);
  if (!params.ok) return v1Error(400, params.message);
  const status = ctx.params.payment_status;
  if (status !== undefined && !(PAYMENT_STATUSES as readonly string[]).includes(status)) {
    return v1Error(400, `payment_status must be one of the allowed values: ${PAYMENT_STATUSES.join(', ')}`);
  }
  const candidates = state.payments
    .byMerchantUid(ctx.params.merchant_uid)
    .filter(payment => params.includeSandbox || !payment.sandbox)
    .filter(payment => status === undefined || payment.status === status);
  const first = sortPayments(candidates, params.sorting)[0];
  return first ? v1Ok(first) : v1Error(404, NOT_FOUND);
}

/** The payments in `sorting` order (`-` descending); `updated` is the latest of the status times. */
export function sortPayments(payments: EmulatorPayment[], sorting: PaymentSorting): EmulatorPayment[] {
  const descending = sorting.startsWith('-');
  const key = sorting.replace(/^-/, '') as 'started' | 'paid' | 'updated';
  const valueOf = (payment: EmulatorPayment): number =>
    key === 'started'
      ? payment.started_at
      : key === 'paid'
        ? payment.paid_at
        : Math.max(payment.started_at, payment.paid_at, payment.cancelled_at, payment.failed_at);
  // Array.prototype.sort is stable: equal times keep insertion order, later-issued last.
  const sorted = [...payments].sort((a, b) => valueOf(a) - valueOf(b));
  return descending ? sorted.reverse() : sorted;
}
