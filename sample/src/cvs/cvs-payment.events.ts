import { Injectable, Logger } from '@nestjs/common';
import { OrdersService } from '../orders/orders.service';
import {
  OnCvsConfirm,
  OnPortOneWebhook,
  type CvsConfirmRequest,
  type PortOneV1PaymentEvent,
} from '../portone';

/**
 * What the shop does when PortOne calls back about a barcode. The module mounts the routes
 * (`/portone/webhook`), re-reads every notice from PortOne before this code sees it, and calls each handler
 * at most once per payment and status.
 */
@Injectable()
export class CvsPaymentEvents {
  private readonly logger = new Logger(CvsPaymentEvents.name);

  constructor(private readonly orders: OrdersService) {}

  /** The customer is at the counter: take the money only for an order still waiting for it. */
  @OnCvsConfirm()
  mayPay(request: CvsConfirmRequest): boolean {
    const order = this.orders.find(request.merchantUid);
    return order?.status === 'awaiting-payment' && order.impUid === request.impUid;
  }

  /** The barcode was paid (PortOne's truth, re-read by the module): the order is paid. */
  @OnPortOneWebhook('payment.paid')
  onPaid({ payment }: PortOneV1PaymentEvent): void {
    const order = this.orders.find(payment.merchantUid);
    // Never trust an amount you did not ask for. Returning (not throwing) acknowledges the notice: a retry
    // would not change the amount.
    if (!order || payment.amount !== order.amount) {
      this.logger.warn(`paid notice for ${payment.impUid} does not match an order awaiting that amount`);
      return;
    }
    this.orders.markPaid(order.merchantUid, payment.paidAt);
  }
}
