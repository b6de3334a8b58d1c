import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Completes an identity verification (`POST /identity-verifications/{id}/confirm`). @publicApi */
export class ConfirmIdentityVerificationDto {
  /** The SMS code. Omit it for the APP method. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  otp?: string;

  /** Store; defaults to the module's `v2.storeId`. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  storeId?: string;
}
