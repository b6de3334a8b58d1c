import { IsNotEmpty, IsString } from 'class-validator';

/** `POST /certifications/:impUid/confirm`. */
export class ConfirmOtpBodyDto {
  /** The code from the SMS. */
  @IsString()
  @IsNotEmpty()
  otp!: string;
}
