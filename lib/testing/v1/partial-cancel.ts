import { randomHex } from '../random';
import type { EmulatorState } from '../state';
import type { EmulatorPaymentCancellation } from './types';

/**
 * Cancels part of a paid payment, as a console or API cancellation does: the payment stays `paid` while the
 * cancelled amount stays below its amount (PortOne's partial cancellation), and becomes `cancelled` when the
 * whole amount is. Appends to `cancel_history` and returns the new entry (its `cancellation_id` is what
 * PortOne's notice for it carries). Throws for an unknown or unpaid payment or an amount out of range.
 */
export function cancelPaidPayment(
  state: EmulatorState,
  impUid: string,
  amount: number,
): EmulatorPaymentCancellation {
  const payment = state.payments.get(impUid);
  if (!payment) throw new Error(`No payment ${impUid}`);
  if (payment.status !== 'paid') throw new Error(`Payment ${impUid} is ${payment.status}, not paid`);
  const left = payment.amount - payment.cancel_amount;
  if (!Number.isInteger(amount) || amount < 1 || amount > left) {
    throw new Error(`Cancel amount must be an integer from 1 to ${left}`);
  }
  const now = state.clock.nowSeconds();
  const entry: EmulatorPaymentCancellation = {
    pg_tid: payment.pg_tid,
    amount,
    cancelled_at: now,
    reason: 'partial cancellation',
    cancellation_id: `cancel_${randomHex(20)}`,
    receipt_url: `https://receipt.emulator.invalid/payments/${payment.imp_uid}/cancel/${payment.cancel_history.length + 1}`,
  };
  payment.cancel_history.push(entry);
  payment.cancel_receipt_urls.push(entry.receipt_url);
  payment.cancel_amount += amount;
  payment.cancel_reason = entry.reason;
  payment.cancelled_at = now;
  if (payment.cancel_amount === payment.amount) payment.status = 'cancelled';
  return structuredClone(entry);
}
