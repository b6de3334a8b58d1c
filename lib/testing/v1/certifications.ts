import type { HandlerResult, RequestContext } from '../http/context';
import { V1_OTP_PROVIDERS } from '../options';
import { isGenderDigit, parseBirth } from '../person';
import { randomDigits, randomHex, uniqueId } from '../random';
import { otpFailure } from '../otp-outbox';
import type { EmulatorState } from '../state';
import { toCertificationAnnotation, type CertificationRecord } from './certification-store';
import { v1Error, v1Ok, v1PgFailure } from './envelope';

/** Body of `POST /certifications/otp/request` after schema validation. */
interface RequestOtpBody {
  name: string;
  phone: string;
  birth: string;
  gender_digit: string;
  carrier: 'SKT' | 'KT' | 'LGT';
  is_mvno?: boolean;
  company?: string;
  merchant_uid?: string;
  pg?: string;
  channel_key: string;
  verification_method?: 'SMS' | 'APP';
  bypass?: string;
}

/** Body of `POST /certifications/otp/confirm/{imp_uid}` after schema validation. */
interface ConfirmOtpBody {
  otp?: string;
}

/** V1 providers that offer `verification_method: 'APP'`. */
const APP_PROVIDERS: ReadonlySet<string> = new Set(['kcp_v2']);

const MOBILE_NUMBER = /^01\d{8,9}$/;
const NOT_FOUND = '인증결과가 존재하지 않습니다.';

/**
 * `POST /certifications/otp/request`: validates the subject like PortOne does (separators are stripped from
 * phone and birth), creates a pending certification and "sends" an OTP unless the method is APP.
 */
export function requestOtp(ctx: RequestContext, state: EmulatorState, body: unknown): HandlerResult {
  const input = body as RequestOtpBody;
  const channel = state.channelByKey(input.channel_key);
  if (!channel || !V1_OTP_PROVIDERS.has(channel.v1PgProvider)) {
    return v1Error(400, 'channel_key must be the key of a danal or kcp_v2 channel');
  }
  const method = input.verification_method ?? 'SMS';
  // The spec offers APP (approval in the carrier's app) for kcp_v2 only; Danal verifies by SMS.
  if (method === 'APP' && !APP_PROVIDERS.has(channel.v1PgProvider)) {
    return v1Error(400, 'verification_method APP is supported on kcp_v2 channels only');
  }
  if (input.name.trim() === '') return v1Error(400, 'name must not be empty');
  const phone = input.phone.replace(/\D/g, '');
  if (!MOBILE_NUMBER.test(phone))
    return v1Error(400, 'phone must be a 10-11 digit mobile number starting with 01');
  if (!isGenderDigit(input.gender_digit))
    return v1Error(400, 'gender_digit must be a single digit from 1 to 8');
  const birth = parseBirth(input.birth.replace(/\D/g, ''), input.gender_digit);
  if (!birth) return v1Error(400, 'birth must be a valid date written as YYMMDD');

  const pgError = state.pgError.take();
  if (pgError) return v1PgFailure(pgError);

  const record: CertificationRecord = {
    impUid: uniqueId(
      () => `imp_${randomDigits(12)}`,
      id => state.certifications.has(id),
    ),
    seq: state.identityVerifications.takeSeq(),
    merchantUid: input.merchant_uid ?? null,
    pgTid: `${channel.v1PgProvider}_${randomHex(20)}`,
    channel,
    method,
    subject: {
      name: input.name,
      phone,
      birth,
      genderDigit: input.gender_digit,
      carrier: input.carrier,
      isMvno: input.is_mvno ?? false,
    },
    certified: false,
    certifiedAt: 0,
    requestedAtMs: state.clock.nowMs(),
  };
  state.certifications.add(record);
  // APP verification (kcp_v2) is approved in the carrier's app: no SMS, no OTP.
  if (record.method === 'SMS') state.otps.send(record.impUid, 'v1', phone, state.clock.nowMs());
  return v1Ok({ imp_uid: record.impUid });
}

/** `POST /certifications/otp/confirm/{imp_uid}`. */
export function confirmOtp(ctx: RequestContext, state: EmulatorState, body: unknown): HandlerResult {
  const { otp } = body as ConfirmOtpBody;
  const record = state.certifications.get(ctx.params.imp_uid);
  if (!record) return v1Error(404, NOT_FOUND);
  if (record.certified) return v1Error(400, '이미 인증이 완료된 건입니다. (already certified)');
  if (record.failure)
    return v1Error(400, `인증에 실패한 건입니다. (verification failed: ${record.failure.reason})`);
  if (record.method === 'SMS') {
    if (otp === undefined || otp === '') return v1Error(400, 'otp is required for SMS verification');
    // Never echo the submitted OTP.
    const check = state.otps.check(record.impUid, otp, state.clock.nowMs());
    if (check === 'mismatch') return v1Error(400, '인증번호가 일치하지 않습니다. (OTP did not match)');
    if (check !== 'match') {
      record.failure = otpFailure(check);
      record.failedAtMs = state.clock.nowMs();
      return v1Error(400, `${record.failure.pgMessage} (${record.failure.reason})`);
    }
  }
  const pgError = state.pgError.take();
  if (pgError) return v1PgFailure(pgError);

  record.certified = true;
  record.certifiedAt = state.clock.nowSeconds();
  return v1Ok(toCertificationAnnotation(record));
}

/** `GET /certifications/{imp_uid}`. */
export function getCertification(ctx: RequestContext, state: EmulatorState): HandlerResult {
  const record = state.certifications.get(ctx.params.imp_uid);
  return record ? v1Ok(toCertificationAnnotation(record)) : v1Error(404, NOT_FOUND);
}

/** `DELETE /certifications/{imp_uid}`: removes the record and returns it as it was. */
export function deleteCertification(ctx: RequestContext, state: EmulatorState): HandlerResult {
  const record = state.certifications.get(ctx.params.imp_uid);
  if (!record) return v1Error(404, NOT_FOUND);
  state.certifications.delete(record.impUid);
  return v1Ok(toCertificationAnnotation(record));
}
