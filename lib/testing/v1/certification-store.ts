import { KeyedStore } from '../keyed-store';
import type { ResolvedChannel } from '../options';
import { fakeCi, fakeDi, formatBirth, isForeignerDigit, isMaleDigit, type BirthDate } from '../person';
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
  readonly merchantUid: string | null;
  readonly pgTid: string;
  readonly channel: ResolvedChannel;
  readonly method: 'SMS' | 'APP';
  readonly subject: CertificationSubject;
  certified: boolean;
  /** UNIX seconds, 0 while pending. */
  certifiedAt: number;
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
  const { subject } = record;
  const foreigner = isForeignerDigit(subject.genderDigit);
  const ci = fakeCi(subject.name, subject.birth, subject.genderDigit);
  return {
    ...base,
    name: subject.name,
    gender: isMaleDigit(subject.genderDigit) ? 'male' : 'female',
    birthday: formatBirth(subject.birth),
    foreigner,
    phone: subject.phone,
    carrier: subject.isMvno ? `${subject.carrier}_MVNO` : subject.carrier,
    certified: true,
    certified_at: record.certifiedAt,
    unique_key: ci,
    unique_in_site: fakeDi(ci, record.channel.key),
    // The API-only flow runs on no web page, so there is no origin URL.
    origin: null,
    foreigner_v2: foreigner,
  };
}
