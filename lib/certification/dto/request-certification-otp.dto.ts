import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsStringOrObject } from '../../validation';
import { messages } from '../../errors/messages';

/** First digit of the back half of the resident registration number. */
export const V1_GENDER_DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8'] as const;
/** Carriers V1 accepts in an OTP request; MVNO users pick their host network and set `isMvno`. */
export const V1_REQUEST_CARRIERS = ['SKT', 'KT', 'LGT'] as const;
/** How the person confirms: an SMS code, or the carrier's app (kcp_v2 only). */
export const V1_VERIFICATION_METHODS = ['SMS', 'APP'] as const;

/**
 * Starts an API-only identity verification (`POST /certifications/otp/request`): PortOne checks the
 * person's details with the carrier and sends an OTP by SMS.
 * @publicApi
 */
export class RequestCertificationOtpDto {
  /** Full name of the person. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  name!: string;

  /** Mobile number; `-`, `.` and spaces are allowed (PortOne strips them). */
  @IsString()
  @Matches(/^01[016789][-. ]?\d{3,4}[-. ]?\d{4}$/, {
    message: messages.rules.v1Phone,
  })
  phone!: string;

  /** Date of birth as YYMMDD (6 digits once separators such as `-` or `.` are removed). */
  @IsString()
  @Matches(/^\d{2}[-./ ]?(0[1-9]|1[0-2])[-./ ]?(0[1-9]|[12]\d|3[01])$/, {
    message: messages.rules.v1Birth,
  })
  birth!: string;

  /** 7th digit of the resident registration number: 1-4 for Koreans, 5-8 for foreigners. */
  @IsIn(V1_GENDER_DIGITS, { message: messages.rules.v1GenderDigit })
  genderDigit!: (typeof V1_GENDER_DIGITS)[number];

  /** Host carrier. For MVNO (알뜰폰) numbers, pick the host network and set `isMvno: true`. */
  @IsIn(V1_REQUEST_CARRIERS)
  carrier!: (typeof V1_REQUEST_CARRIERS)[number];

  /** Channel key of the PG channel (Danal or KCP) to verify with. */
  @IsString()
  @IsNotEmpty()
  channelKey!: string;

  /** Whether the number belongs to an MVNO (알뜰폰). @default false */
  @IsOptional()
  @IsBoolean()
  isMvno?: boolean;

  /** Service name or domain shown in the SMS. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  company?: string;

  /** Your own id for this verification request. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  merchantUid?: string;

  /** `SMS` (default) or `APP` (kcp_v2 only: confirmed in the carrier app, no OTP). */
  @IsOptional()
  @IsIn(V1_VERIFICATION_METHODS)
  verificationMethod?: (typeof V1_VERIFICATION_METHODS)[number];

  /** PG-specific parameters (kcp_v2), as an object or a JSON string. Sent as a JSON string. */
  @IsOptional()
  @IsStringOrObject()
  bypass?: string | Record<string, unknown>;
}
