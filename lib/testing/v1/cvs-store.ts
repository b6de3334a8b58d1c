import { KeyedStore } from '../keyed-store';
import type { EmulatorPayment } from './types';

/** V1 CVS payments by imp_uid. The stored objects are the API views themselves; reads hand out copies. */
export class CvsPaymentStore extends KeyedStore<EmulatorPayment> {
  constructor() {
    super(payment => payment.imp_uid);
  }

  /** True when some payment for this merchant_uid is already paid: PortOne then refuses a new barcode. */
  hasPaidMerchantUid(merchantUid: string): boolean {
    for (const payment of this.records.values()) {
      if (payment.merchant_uid === merchantUid && payment.status === 'paid') return true;
    }
    return false;
  }
}
