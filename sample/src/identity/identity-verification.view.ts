import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { maskName, maskPhone } from '../common/mask';
import {
  isUnrecognizedIdentityVerification,
  type IdentityVerification,
  type PortOnePageInfo,
} from '../portone';

/** The person, masked: `홍*동`, `010-****-5678`. */
export class MaskedCustomerView {
  @ApiPropertyOptional({ example: '홍*동' })
  name?: string;

  @ApiPropertyOptional({ example: '010-****-5678' })
  phoneNumber?: string;
}

/** What the client sees of a verification: enough to drive the screen, no raw personal data. */
export class IdentityVerificationView {
  @ApiPropertyOptional({ example: 'verification-1' })
  id?: string;

  @ApiProperty({
    example: 'READY',
    description: 'READY, VERIFIED or FAILED (or a status PortOne adds later, passed through)',
  })
  status!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  requestedAt?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  verifiedAt?: Date;

  @ApiPropertyOptional({ type: MaskedCustomerView })
  customer?: MaskedCustomerView;

  /** FAILED only: why, in PortOne's words. */
  @ApiPropertyOptional({ description: "FAILED only: why, in PortOne's words" })
  failureReason?: string;
}

/** Paging of a list, as PortOne gives it (`number` from 0). */
export class PageInfoView implements PortOnePageInfo {
  @ApiProperty({ example: 0 })
  number!: number;

  @ApiProperty({ example: 10 })
  size!: number;

  @ApiProperty({ example: 1 })
  totalCount!: number;
}

/** `GET /identity-verifications`: one page of verifications, newest first. */
export class IdentityVerificationPageView {
  @ApiProperty({ type: [IdentityVerificationView] })
  items!: IdentityVerificationView[];

  @ApiProperty({ type: PageInfoView })
  page!: PageInfoView;
}

/**
 * Builds the client's view of a record. Birth date, gender, CI and DI are deliberately left out.
 *
 * CI (same person on every site) and DI (same person on this site) are what you keep: store them server-side
 * with your user, e.g. to stop one person from opening two accounts. They are identifiers of a real person and
 * must never be sent back to the browser.
 */
export function toIdentityVerificationView(record: IdentityVerification): IdentityVerificationView {
  // PortOne may add statuses; the module keeps such records readable instead of failing.
  if (isUnrecognizedIdentityVerification(record)) return { id: record.id, status: record.status };
  const view: IdentityVerificationView = {
    id: record.id,
    status: record.status,
    requestedAt: record.requestedAt,
  };
  if (record.status === 'VERIFIED') {
    const person = record.verifiedCustomer;
    return {
      ...view,
      verifiedAt: record.verifiedAt,
      customer: { name: maskName(person.name), phoneNumber: maskPhone(person.phoneNumber) },
    };
  }
  const person = record.requestedCustomer;
  return {
    ...view,
    customer: { name: maskName(person?.name), phoneNumber: maskPhone(person?.phoneNumber) },
    ...(record.status === 'FAILED' && { failureReason: record.failure?.reason }),
  };
}
