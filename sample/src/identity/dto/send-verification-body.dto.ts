import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  @ApiProperty({ example: '홍길동' })
  @IsString()
  @IsNotEmpty()
  name!: string;

  /** Digits only, e.g. `01012345678`. */
  @ApiProperty({ example: '01012345678', description: 'digits only' })
  @IsString()
  phoneNumber!: string;

  /** First 7 digits of the resident registration number (YYMMDD + gender digit). Required for SMS. */
  @ApiPropertyOptional({ example: '9001011', description: 'YYMMDD + gender digit; required for SMS' })
  @IsOptional()
  @IsString()
  identityNumber?: string;
}

/** `POST /identity-verifications/:id/send`. The customer's IP address is taken from the request. */
export class SendVerificationBodyDto {
  @ApiProperty({ type: () => VerificationCustomerDto })
  @ValidateNested()
  @Type(() => VerificationCustomerDto)
  customer!: VerificationCustomerDto;

  @ApiProperty({ enum: IDENTITY_VERIFICATION_OPERATORS, example: 'SKT' })
  @IsIn(IDENTITY_VERIFICATION_OPERATORS)
  operator!: IdentityVerificationOperator;

  /** `SMS`: the person types the code they received; `APP`: they approve in the carrier's app. */
  @ApiProperty({ enum: IDENTITY_VERIFICATION_METHODS, example: 'SMS' })
  @IsIn(IDENTITY_VERIFICATION_METHODS)
  method!: IdentityVerificationMethod;
}
