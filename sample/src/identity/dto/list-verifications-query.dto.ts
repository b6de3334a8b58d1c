import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IDENTITY_VERIFICATION_STATUSES, type IdentityVerificationStatus } from '../../portone';

/**
 * `GET /identity-verifications?status=VERIFIED&from=2026-01-01&page=0&size=20`. Query values arrive as
 * strings; `@Type` plus the global `ValidationPipe({ transform: true })` turn them into numbers and dates.
 */
export class ListVerificationsQueryDto {
  @ApiPropertyOptional({ enum: IDENTITY_VERIFICATION_STATUSES })
  @IsOptional()
  @IsIn(IDENTITY_VERIFICATION_STATUSES)
  status?: IdentityVerificationStatus;

  /** Requested at or after (ISO 8601). Defaults to 90 days before `until`. */
  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  /** Requested before (ISO 8601). Defaults to now. */
  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  until?: Date;

  /** Page number, from 0. */
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  size?: number;
}
