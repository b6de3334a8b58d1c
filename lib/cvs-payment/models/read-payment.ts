import { expectRecord } from '../../mapping/expect-shape';
import { PAYMENT_STATUSES } from '../dto/payment-lookup-query.dto';
import { mapPayment } from './map-payment';
import type { PortOnePayment } from './payment.model';

/**
 * What every payment PortOne answers with must be, wherever it appears (issue, revoke, the lookups, a listed
 * page): a record with its ids and one of the four statuses PortOne's spec declares (`PaymentAnnotation`
 * requires them), whose histories are lists of records (a nested list there is hostile). A lookup answered
 * with null, a list or `{}` is not a payment: it must never resolve as one, or a webhook re-read would
 * dispatch `payment.undefined`. A status outside the four is refused too: the type promises one of them.
 * @internal
 */
export function readPayment(payload: unknown, what = 'payment'): PortOnePayment {
  return mapPayment(
    expectRecord(payload, what, {
      strings: ['imp_uid', 'merchant_uid'],
      recordArrays: ['cancel_history', 'deposit_history'],
      oneOf: { field: 'status', values: PAYMENT_STATUSES },
    }),
  );
}
