import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, ValidateNested } from 'class-validator';
import {
  IDENTITY_VERIFICATION_METHODS,
  IDENTITY_VERIFICATION_OPERATORS,
  type IdentityVerificationMethod,
  type IdentityVerificationOperator,
} from '../../portone';

/**
 * The person to verify. Only the shape is checked here: PortOne's own rules (digits-only phone number, a real
 * birth date in `identityNumber`) are checked by the module before anything is sent, and its
 * `PortOneValidationError` becomes a 400 naming the same fields (`customer.phoneNumber`, …).
 */
export class VerificationCustomerDto {
  @IsString()
  @IsNotEmpty()
  name!: string;

  /** Digits only, e.g. `01012345678`. */
  @IsString()
  phoneNumber!: string;

  /** First 7 digits of the resident registration number (YYMMDD + gender digit). Required for SMS. */
  @IsOptional()
  @IsString()
  identityNumber?: string;
}

/** `POST /identity-verifications/:id/send`. The customer's IP address is taken from the request. */
export class SendVerificationBodyDto {
  @ValidateNested()
  @Type(() => VerificationCustomerDto)
  customer!: VerificationCustomerDto;

  @IsIn(IDENTITY_VERIFICATION_OPERATORS)
  operator!: IdentityVerificationOperator;

  /** `SMS`: the person types the code they received; `APP`: they approve in the carrier's app. */
  @IsIn(IDENTITY_VERIFICATION_METHODS)
  method!: IdentityVerificationMethod;
}
