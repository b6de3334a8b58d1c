import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString } from 'class-validator';

/** `POST /identity-verifications/:id/confirm`. */
export class ConfirmVerificationBodyDto {
  /** The code from the SMS. Omit it for the APP method. */
  @ApiPropertyOptional({ example: '123456', description: 'the code from the SMS; omit for the APP method' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  otp?: string;
}
