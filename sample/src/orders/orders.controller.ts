import { Controller, Get, NotFoundException, Param, Post } from '@nestjs/common';
import { OrdersService, type Order } from './orders.service';

/** The shop's side of an order: read it, or cancel it (the store then refuses its barcode). */
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get(':merchantUid')
  get(@Param('merchantUid') merchantUid: string): Order {
    return this.orders.find(merchantUid) ?? this.notFound(merchantUid);
  }

  @Post(':merchantUid/cancel')
  cancel(@Param('merchantUid') merchantUid: string): Order {
    return this.orders.cancel(merchantUid) ?? this.notFound(merchantUid);
  }

  private notFound(merchantUid: string): never {
    throw new NotFoundException(`No order ${merchantUid}`);
  }
}
