import { maskName, maskPhone } from '../common/mask';
import { isUnrecognizedIdentityVerification, type IdentityVerification } from '../portone';

/** What the client sees of a verification: enough to drive the screen, no raw personal data. */
export interface IdentityVerificationView {
  id?: string;
  status: string;
  requestedAt?: Date;
  verifiedAt?: Date;
  /** Masked: `홍*동`, `010-****-5678`. */
  customer?: { name?: string; phoneNumber?: string };
  /** FAILED only: why, in PortOne's words. */
  failureReason?: string;
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
