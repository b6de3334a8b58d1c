import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * Completes an OTP verification (`POST /certifications/otp/confirm/{imp_uid}`).
 * @publicApi
 */
export class ConfirmCertificationOtpDto {
  /** The code the person received by SMS. Omit it for the kcp_v2 APP method. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  otp?: string;
}
