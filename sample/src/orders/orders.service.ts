import { Injectable } from '@nestjs/common';

/** A shop order paid with a convenience-store barcode. */
export interface Order {
  readonly merchantUid: string;
  readonly amount: number;
  status: 'awaiting-payment' | 'paid' | 'cancelled';
  /** PortOne's id of the barcode payment. */
  impUid?: string;
  paidAt?: Date;
}

/**
 * The sample's orders, in memory. A real app keeps them in its database; what matters is the rules the
 * webhook handlers apply to them (see cvs-payment.events.ts).
 */
@Injectable()
export class OrdersService {
  private readonly orders = new Map<string, Order>();

  /** Records an order waiting for its barcode to be paid (again, if it was re-issued). */
  awaitPayment(merchantUid: string, amount: number, impUid: string): Order {
    const order: Order = { merchantUid, amount, status: 'awaiting-payment', impUid };
    this.orders.set(merchantUid, order);
    return order;
  }

  find(merchantUid: string): Order | undefined {
    return this.orders.get(merchantUid);
  }

  /** The customer cancelled: the store must now refuse the barcode. */
  cancel(merchantUid: string): Order | undefined {
    const order = this.orders.get(merchantUid);
    if (order && order.status === 'awaiting-payment') order.status = 'cancelled';
    return order;
  }

  markPaid(merchantUid: string, paidAt: Date | undefined): void {
    const order = this.orders.get(merchantUid);
    if (!order) return;
    order.status = 'paid';
    order.paidAt = paidAt;
  }
}
