import type { EmulatorPayment } from './types';

/** V1 CVS payments by imp_uid. The stored objects are the API views themselves; reads hand out copies. */
export class CvsPaymentStore {
  private readonly payments = new Map<string, EmulatorPayment>();

  has(impUid: string): boolean {
    return this.payments.has(impUid);
  }

  get(impUid: string): EmulatorPayment | undefined {
    return this.payments.get(impUid);
  }

  add(payment: EmulatorPayment): void {
    this.payments.set(payment.imp_uid, payment);
  }

  /** True when some payment for this merchant_uid is already paid: PortOne then refuses a new barcode. */
  hasPaidMerchantUid(merchantUid: string): boolean {
    for (const payment of this.payments.values()) {
      if (payment.merchant_uid === merchantUid && payment.status === 'paid') return true;
    }
    return false;
  }

  clear(): void {
    this.payments.clear();
  }
}
