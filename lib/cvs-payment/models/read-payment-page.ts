import { expectRecord, UnexpectedAnswer } from '../../mapping/expect-shape';
import { readPayment } from './read-payment';
import type { PortOnePaymentPage } from './payment-page.model';

// What `listByStatus` promises, checked before mapping: the page numbers are counts, every listed payment
// has its id and a status this module knows (the webhook reconciliation dispatches `payment.<status>` from
// them), so a hostile or broken answer is a typed "PortOne answered something unexpected", never an empty page.

const PAGE_NUMBERS = ['total', 'previous', 'next'] as const;

/** `GET /payments/status/{payment_status}`'s `response`: a `PagedPaymentAnnotation`. @internal */
export function readPaymentPage(payload: unknown): PortOnePaymentPage {
  const answer = expectRecord(payload, 'answer');
  for (const field of PAGE_NUMBERS) {
    const value = answer[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new UnexpectedAnswer(`answer.${field} is not a count`);
    }
  }
  // The spec does not require `list`; absent or null is an empty page.
  const list = answer.list ?? [];
  if (!Array.isArray(list)) throw new UnexpectedAnswer('answer.list is not a list');
  return {
    total: answer.total as number,
    previous: answer.previous as number,
    next: answer.next as number,
    list: list.map((item, index) => readPayment(item, `list[${index}]`)),
  };
}
