import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsPositive, IsString, MaxLength } from 'class-validator';

/** `POST /cvs`: a barcode the customer pays at a convenience store (편의점). */
export class IssueBarcodeBodyDto {
  /** Your order id. */
  @ApiProperty({ example: 'order-0001', maxLength: 40 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  merchantUid!: string;

  /** Amount in KRW. */
  @ApiProperty({ example: 15000, description: 'KRW' })
  @IsInt()
  @IsPositive()
  amount!: number;

  /** Order name shown to the customer. */
  @ApiPropertyOptional({ example: 'Sample order', maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  name?: string;
}
