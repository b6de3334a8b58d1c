import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { maskName, maskPhone } from '../common/mask';
import type { Certification } from '../portone';

/** What the client sees of a V1 certification: status and masked identity, no raw personal data. */
export class CertificationView {
  @ApiProperty({ example: 'imp_123456789012' })
  impUid!: string;

  @ApiProperty()
  certified!: boolean;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  certifiedAt?: Date;

  /** Masked: `홍*동`, `010-****-5678`. */
  @ApiPropertyOptional({ example: '홍*동', description: 'masked' })
  name?: string;

  @ApiPropertyOptional({ example: '010-****-5678', description: 'masked' })
  phone?: string;
}

/** `POST /certifications/otp`: the certification to confirm with the code PortOne texted. */
export class OtpRequestedView {
  @ApiProperty({ example: 'imp_123456789012' })
  impUid!: string;
}

/** `DELETE /certifications/:impUid`: PortOne no longer holds the person's data. */
export class CertificationDeletedView {
  @ApiProperty({ example: 'imp_123456789012' })
  impUid!: string;

  @ApiProperty({ enum: [true] })
  deleted!: true;
}

/**
 * Leaves out birthday, gender, CI (`uniqueKey`) and DI (`uniqueInSite`). Keep CI/DI server-side with your
 * user (they identify a real person across sites); never return them to the browser.
 */
export function toCertificationView(certification: Certification): CertificationView {
  return {
    impUid: certification.impUid,
    certified: certification.certified ?? false,
    certifiedAt: certification.certifiedAt,
    name: maskName(certification.name),
    phone: maskPhone(certification.phone),
  };
}
