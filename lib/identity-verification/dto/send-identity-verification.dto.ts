import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsIP,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { IsJsonObject, IsStringOrObject } from '../../validation';
import {
  IDENTITY_VERIFICATION_METHODS,
  IDENTITY_VERIFICATION_OPERATORS,
  type IdentityVerificationMethod,
  type IdentityVerificationOperator,
} from '../identity-verification.enums';
import { messages } from '../../errors/messages';

/** The person to verify. @publicApi */
export class SendIdentityVerificationCustomerDto {
  /** Your id for the customer (at most 200 characters). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id?: string;

  /** Full name. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  name!: string;

  /** Mobile number, digits only (no `-`). */
  @IsString()
  @Matches(/^01[016789]\d{7,8}$/, {
    message: messages.rules.v2PhoneNumber,
  })
  phoneNumber!: string;

  /**
   * The first 7 digits of the resident registration number (YYMMDD and the gender digit).
   * Required for the SMS method.
   */
  @IsOptional()
  @IsString()
  @Matches(/^\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[1-8]$/, {
    message: messages.rules.v2IdentityNumber,
  })
  identityNumber?: string;

  /** The customer's IP address; PortOne rate-limits per customer with it. */
  @IsIP(undefined, { message: messages.rules.v2IpAddress })
  ipAddress!: string;
}

/** The SMS method needs the resident-number digits; PortOne's spec marks the field optional. */
function IdentityNumberRequiredForSms(): PropertyDecorator {
  return ValidateBy({
    name: 'identityNumberRequiredForSms',
    validator: {
      validate: (customer: unknown, args?: ValidationArguments) =>
        (args?.object as SendIdentityVerificationDto).method !== 'SMS' ||
        typeof (customer as SendIdentityVerificationCustomerDto | undefined)?.identityNumber === 'string',
      defaultMessage: () => 'customer.identityNumber is required when method is SMS',
    },
  });
}

/**
 * Starts an API-based identity verification (`POST /identity-verifications/{id}/send`): PortOne sends an
 * SMS code (SMS) or a carrier-app prompt (APP) to the person.
 * @publicApi
 */
export class SendIdentityVerificationDto {
  /** Store; defaults to the module's `v2.storeId`, then to the store of the API secret. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  storeId?: string;

  /** Channel key of the Danal or KCP channel to verify with. */
  @IsString()
  @IsNotEmpty()
  channelKey!: string;

  /** The person. */
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SendIdentityVerificationCustomerDto)
  @IdentityNumberRequiredForSms()
  customer!: SendIdentityVerificationCustomerDto;

  /** Your data stored with the verification; an object is sent as a JSON string. */
  @IsOptional()
  @IsStringOrObject()
  customData?: string | Record<string, unknown>;

  /** PG-specific parameters, e.g. `{ kcpV2: { media_type: 'MC01' } }`. */
  @IsOptional()
  @IsJsonObject()
  bypass?: Record<string, unknown>;

  /** The phone's carrier. */
  @IsIn(IDENTITY_VERIFICATION_OPERATORS)
  operator!: IdentityVerificationOperator;

  /** `SMS` or `APP`. */
  @IsIn(IDENTITY_VERIFICATION_METHODS)
  method!: IdentityVerificationMethod;
}
