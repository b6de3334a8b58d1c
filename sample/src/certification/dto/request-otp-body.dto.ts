import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { V1_GENDER_DIGITS, V1_REQUEST_CARRIERS } from '../../portone';

/**
 * `POST /certifications/otp`. Shape only: the module checks PortOne's formats (phone, YYMMDD birth date)
 * before sending, and the exception filter turns a failure into a 400 naming the field.
 */
export class RequestOtpBodyDto {
  @ApiProperty({ example: '홍길동' })
  @IsString()
  @IsNotEmpty()
  name!: string;

  /** Mobile number; `010-1234-5678` and `01012345678` both work. */
  @ApiProperty({ example: '010-1234-5678', description: '010-1234-5678 and 01012345678 both work' })
  @IsString()
  phone!: string;

  /** Date of birth as YYMMDD. */
  @ApiProperty({ example: '900101', description: 'YYMMDD' })
  @IsString()
  birth!: string;

  /** The first digit after the hyphen of the resident registration number (1-8). */
  @ApiProperty({ enum: V1_GENDER_DIGITS, example: '1', description: 'first digit after the RRN hyphen' })
  @IsIn(V1_GENDER_DIGITS)
  genderDigit!: (typeof V1_GENDER_DIGITS)[number];

  /** For MVNO (알뜰폰) numbers, the host network plus `isMvno: true`. */
  @ApiProperty({ enum: V1_REQUEST_CARRIERS, example: 'SKT' })
  @IsIn(V1_REQUEST_CARRIERS)
  carrier!: (typeof V1_REQUEST_CARRIERS)[number];

  @ApiPropertyOptional({ description: 'MVNO (알뜰폰) number on the carrier above' })
  @IsOptional()
  @IsBoolean()
  isMvno?: boolean;

  /** Your own id for the request, to find it again in the PortOne console. */
  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  merchantUid?: string;
}
