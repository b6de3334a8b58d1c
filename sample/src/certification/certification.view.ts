import { maskName, maskPhone } from '../common/mask';
import type { Certification } from '../portone';

/** What the client sees of a V1 certification: status and masked identity, no raw personal data. */
export interface CertificationView {
  impUid: string;
  certified: boolean;
  certifiedAt?: Date;
  /** Masked: `홍*동`, `010-****-5678`. */
  name?: string;
  phone?: string;
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
