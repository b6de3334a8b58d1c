import {
  IsArray,
  IsDate,
  IsEmail,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUrl,
  MaxLength,
  MinDate,
} from 'class-validator';
import { IsStringOrObject, ToDate } from '../../validation';
import { messages } from '../../errors/messages';

const URL_RULES = { require_protocol: true, protocols: ['http', 'https'], require_tld: false };

/**
 * Issues (or registers) a convenience-store payment barcode (`POST /cvs`, Galaxia Communications).
 * Maximum lengths are the spec's.
 * @publicApi
 */
export class IssueCvsPaymentDto {
  /** Channel key of the Galaxia channel. */
  @IsString()
  @IsNotEmpty()
  channelKey!: string;

  /** Your order id. An order that was already paid cannot get another barcode. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  merchantUid!: string;

  /** Amount to pay. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  amount!: number;

  /** Your own barcode number, instead of one issued by Galaxia. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  barcode?: string;

  /** Payment deadline; must be in the future. Defaults to the one in your Galaxia contract. */
  @IsOptional()
  @ToDate()
  @IsDate()
  @MinDate(() => new Date(), { message: messages.rules.cvsExpiredAt })
  expiredAt?: Date;

  /** Order name. */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  name?: string;

  /** Buyer's name (at most 16 characters). */
  @IsOptional()
  @IsString()
  @MaxLength(16)
  buyerName?: string;

  /** Buyer's email address (at most 64 characters). */
  @IsOptional()
  @IsEmail()
  @MaxLength(64)
  buyerEmail?: string;

  /** Buyer's phone number (at most 16 characters). */
  @IsOptional()
  @IsString()
  @MaxLength(16)
  buyerTel?: string;

  /** Buyer's address (at most 128 characters). */
  @IsOptional()
  @IsString()
  @MaxLength(128)
  buyerAddr?: string;

  /** Buyer's postcode (at most 8 characters). */
  @IsOptional()
  @IsString()
  @MaxLength(8)
  buyerPostcode?: string;

  /** URL PortOne asks (HTTP POST) before the store takes the payment: answer 200 to allow it. */
  @IsOptional()
  @IsUrl(URL_RULES)
  confirmUrl?: string;

  /** URLs notified when the payment succeeds. Defaults to the console's notification URL. */
  @IsOptional()
  @IsArray()
  @IsUrl(URL_RULES, { each: true })
  noticeUrl?: string[];

  /** Your data stored with the payment; an object is stored as a JSON string. */
  @IsOptional()
  @IsStringOrObject()
  customData?: string | Record<string, unknown>;
}
