import { flag, flagOrNull, object, text, textOrNull, unixSecondsToDate } from '../../mapping/json-readers';
import { fill } from '../../mapping/model-fields';
import { Certification } from './certification.model';
import { CertificationOtpRequest } from './certification-otp-request.model';

// V1 answers snake_case; each model field is copied from its PortOne field by hand. `fill` takes every field
// of the model, so the compiler catches a field added to the model and forgotten here.

/** PortOne's `CertificationAnnotation` as a `Certification`. @internal */
export function mapCertification(payload: unknown): Certification {
  const raw = object(payload) ?? {};
  return fill(new Certification(), {
    impUid: text(raw.imp_uid),
    merchantUid: textOrNull(raw.merchant_uid),
    pgTid: textOrNull(raw.pg_tid),
    pgProvider: text(raw.pg_provider),
    name: textOrNull(raw.name),
    gender: textOrNull(raw.gender) as Certification['gender'],
    birthday: textOrNull(raw.birthday),
    foreigner: flag(raw.foreigner),
    foreignerV2: flagOrNull(raw.foreigner_v2),
    phone: textOrNull(raw.phone),
    carrier: textOrNull(raw.carrier) as Certification['carrier'],
    certified: flag(raw.certified),
    certifiedAt: unixSecondsToDate(raw.certified_at),
    uniqueKey: textOrNull(raw.unique_key),
    uniqueInSite: textOrNull(raw.unique_in_site),
    origin: textOrNull(raw.origin),
  });
}

/** The answer of `POST /certifications/otp/request`. @internal */
export function mapCertificationOtpRequest(payload: unknown): CertificationOtpRequest {
  const raw = object(payload) ?? {};
  return fill(new CertificationOtpRequest(), { impUid: text(raw.imp_uid) });
}
