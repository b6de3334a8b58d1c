import { IsInt, IsNotEmpty, IsOptional, IsPositive, IsString, MaxLength } from 'class-validator';

/** `POST /cvs`: a barcode the customer pays at a convenience store (편의점). */
export class IssueBarcodeBodyDto {
  /** Your order id. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  merchantUid!: string;

  /** Amount in KRW. */
  @IsInt()
  @IsPositive()
  amount!: number;

  /** Order name shown to the customer. */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  name?: string;
}
