import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Order } from './orders.service';

const ORDER_STATUSES = [
  'awaiting-payment',
  'paid',
  'cancelled',
] as const satisfies readonly Order['status'][];

/** An order as the API answers it (the OpenAPI document's description of `Order`). */
export class OrderView implements Order {
  @ApiProperty({ example: 'order-1' })
  merchantUid!: string;

  @ApiProperty({ example: 15000 })
  amount!: number;

  @ApiProperty({ enum: ORDER_STATUSES })
  status!: Order['status'];

  @ApiPropertyOptional({ example: 'imp_123456789012', description: "PortOne's id of the barcode payment" })
  impUid?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  paidAt?: Date;
}
