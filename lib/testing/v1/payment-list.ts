import type { HandlerResult, RequestContext } from '../http/context';
import type { EmulatorState } from '../state';
import { v1Error, v1Ok } from './envelope';
import { parsePaymentListParams } from './payment-list-params';
import { sortPayments } from './payments';
import type { EmulatorPayment } from './types';

/** The time `from`/`to` select on: the one of the payment's current status, as PortOne documents. */
function statusTime(payment: EmulatorPayment): number {
  switch (payment.status) {
    case 'ready':
      return payment.started_at;
    case 'paid':
      return payment.paid_at;
    case 'cancelled':
      return payment.cancelled_at;
    case 'failed':
      return payment.failed_at;
  }
}

/**
 * `GET /payments/status/{payment_status}`: the payments in a status (or `all`) whose status time lies in
 * `from`..`to` (emulator clock), sorted, one page of `limit` as a `PagedPaymentAnnotation`. A page past the
 * data is a 400, as the spec documents; the first page of nothing is an empty list.
 */
export function listPaymentsByStatus(ctx: RequestContext, state: EmulatorState): HandlerResult {
  const parsed = parsePaymentListParams(ctx.params.payment_status, ctx.query, state.clock.nowSeconds());
  if (!parsed.ok) return v1Error(400, parsed.message);
  const { status, page, limit, from, to, sorting, includeSandbox } = parsed.params;
  const matching = [...state.payments.all()].filter(
    payment =>
      (status === 'all' || payment.status === status) &&
      (includeSandbox || !payment.sandbox) &&
      statusTime(payment) >= from &&
      statusTime(payment) <= to,
  );
  const total = matching.length;
  const start = (page - 1) * limit;
  if (page > 1 && start >= total) return v1Error(400, 'page is past the data');
  return v1Ok({
    total,
    previous: page > 1 ? page - 1 : 0,
    next: start + limit < total ? page + 1 : 0,
    list: sortPayments(matching, sorting).slice(start, start + limit),
  });
}
