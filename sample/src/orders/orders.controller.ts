import { Controller, Get, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { HttpErrorAnswer } from '../common/error-answers';
import { OrderView } from './order.view';
import { OrdersService, type Order } from './orders.service';

/** The shop's side of an order: read it, or cancel it (the store then refuses its barcode). */
@ApiNotFoundResponse({ type: HttpErrorAnswer, description: 'no such order' })
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get(':merchantUid')
  @ApiOkResponse({ type: OrderView })
  get(@Param('merchantUid') merchantUid: string): Order {
    return this.orders.find(merchantUid) ?? this.notFound(merchantUid);
  }

  @Post(':merchantUid/cancel')
  @ApiCreatedResponse({ type: OrderView, description: 'cancelled, unless it was already paid' })
  cancel(@Param('merchantUid') merchantUid: string): Order {
    return this.orders.cancel(merchantUid) ?? this.notFound(merchantUid);
  }

  private notFound(merchantUid: string): never {
    throw new NotFoundException(`No order ${merchantUid}`);
  }
}
