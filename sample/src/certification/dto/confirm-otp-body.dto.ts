import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString } from 'class-validator';

/** `POST /certifications/:impUid/confirm`. */
export class ConfirmOtpBodyDto {
  /** The code from the SMS. */
  @ApiProperty({ example: '123456', description: 'the code from the SMS' })
  @IsString()
  @IsNotEmpty()
  otp!: string;
}
