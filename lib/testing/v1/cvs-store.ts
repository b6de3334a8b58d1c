import { KeyedStore } from '../keyed-store';
import type { EmulatorPayment } from './types';

/** Where PortOne calls the merchant back for one barcode (from `POST /cvs`; not part of the API view). */
export interface CvsCallbackUrls {
  readonly confirmUrl?: string;
  readonly noticeUrls: readonly string[];
}

/** V1 CVS payments by imp_uid. The stored objects are the API views themselves; reads hand out copies. */
export class CvsPaymentStore extends KeyedStore<EmulatorPayment> {
  private readonly callbacks = new Map<string, CvsCallbackUrls>();

  /** True when some payment for this merchant_uid is already paid: PortOne then refuses a new barcode. */
  hasPaidMerchantUid(merchantUid: string): boolean {
    for (const payment of this.records.values()) {
      if (payment.merchant_uid === merchantUid && payment.status === 'paid') return true;
    }
    return false;
  }

  constructor() {
    super(payment => payment.imp_uid);
  }

  /** Every payment for a merchant_uid, in insertion order. */
  byMerchantUid(merchantUid: string): EmulatorPayment[] {
    return [...this.records.values()].filter(payment => payment.merchant_uid === merchantUid);
  }

  setCallbacks(impUid: string, urls: CvsCallbackUrls): void {
    this.callbacks.set(impUid, urls);
  }

  callbacksOf(impUid: string): CvsCallbackUrls {
    return this.callbacks.get(impUid) ?? { noticeUrls: [] };
  }

  override clear(): void {
    super.clear();
    this.callbacks.clear();
  }
}
