import { KeyedStore } from '../keyed-store';
import type { ResolvedChannel } from '../options';
import { fakeCi, fakeDi, formatBirth, isForeignerDigit, isMaleDigit, type BirthDate } from '../person';
import type { OtpFailure } from '../otp-outbox';
import type { EmulatorCertification } from './types';

/** The person data from an OTP request, already normalised and validated. */
export interface CertificationSubject {
  name: string;
  /** Digits only. */
  phone: string;
  birth: BirthDate;
  genderDigit: string;
  carrier: 'SKT' | 'KT' | 'LGT';
  isMvno: boolean;
}

/** One V1 certification, pending or certified. */
export interface CertificationRecord {
  readonly impUid: string;
  /** Arrival order shared with V2 records (the V2 list's tie-breaker). */
  readonly seq: number;
  readonly merchantUid: string | null;
  readonly pgTid: string;
  readonly channel: ResolvedChannel;
  readonly method: 'SMS' | 'APP';
  readonly subject: CertificationSubject;
  certified: boolean;
  /** UNIX seconds, 0 while pending. */
  certifiedAt: number;
  /** Emulator clock, ms: when the OTP request arrived. The V2 view's `requestedAt`. */
  readonly requestedAtMs: number;
  /** Set when the OTP expired or too many wrong OTPs were sent: the verification can no longer succeed. */
  failure?: OtpFailure;
  /** Emulator clock, ms, when `failure` was set. */
  failedAtMs?: number;
}

/** V1 certifications by imp_uid. */
export class CertificationStore extends KeyedStore<CertificationRecord> {
  constructor() {
    super(record => record.impUid);
  }
}

/**
 * The API view of a record. A pending certification exposes only what PortOne knows before verification
 * (ids and provider): the person fields stay null until the OTP is confirmed.
 */
export function toCertificationAnnotation(record: CertificationRecord): EmulatorCertification {
  const base = {
    imp_uid: record.impUid,
    merchant_uid: record.merchantUid,
    pg_tid: record.pgTid,
    pg_provider: record.channel.v1PgProvider,
  };
  if (!record.certified) {
    return {
      ...base,
      name: null,
      gender: null,
      birthday: null,
      foreigner: false,
      phone: null,
      carrier: null,
      certified: false,
      certified_at: 0,
      unique_key: null,
      unique_in_site: null,
      origin: null,
      foreigner_v2: null,
    };
  }
  const { subject, channel } = record;
  // Without foreigner detection Danal always says `false` and `foreigner_v2` is null (V1 spec).
  const foreigner = channel.foreignerDetection && isForeignerDigit(subject.genderDigit);
  const ci = fakeCi(subject.name, subject.birth, subject.genderDigit);
  return {
    ...base,
    name: subject.name,
    gender: isMaleDigit(subject.genderDigit) ? 'male' : 'female',
    birthday: formatBirth(subject.birth),
    foreigner,
    // Without the carrier pre-approval PortOne leaves `phone` and `carrier` out altogether (V1 spec).
    ...(channel.carrierPreApproval && {
      phone: subject.phone,
      carrier: subject.isMvno ? `${subject.carrier}_MVNO` : subject.carrier,
    }),
    certified: true,
    certified_at: record.certifiedAt,
    unique_key: ci,
    unique_in_site: fakeDi(ci, record.channel.key),
    // The API-only flow runs on no web page, so there is no origin URL.
    origin: null,
    foreigner_v2: channel.foreignerDetection ? foreigner : null,
  };
}
