import { defineOperation } from '../core/operation';
import { toJsonString } from '../core/wire';
import { expectRecord } from '../mapping/expect-shape';
import { ConfirmCertificationOtpDto } from './dto/confirm-certification-otp.dto';
import { RequestCertificationOtpDto } from './dto/request-certification-otp.dto';
import type { Certification } from './models/certification.model';
import { mapCertification, mapCertificationOtpRequest } from './models/map-certification';

// V1 certification endpoints (api.iamport.kr). None but `get` is retried: V1 has no idempotency, and a
// repeated OTP request would send a second SMS.

// The envelope's `response` must be a record with its `imp_uid`: a string, a list or null is not a certification.
const toCertification = (payload: unknown): Certification =>
  mapCertification(expectRecord(payload, 'certification', { strings: ['imp_uid'] }));

/** @internal */
export const certificationOperations = {
  get: defineOperation({
    api: 'v1',
    name: 'CertificationService.get',
    method: 'GET',
    path: '/certifications/{impUid}',
    idempotency: 'natural',
    map: toCertification,
  }),

  delete: defineOperation({
    api: 'v1',
    name: 'CertificationService.delete',
    method: 'DELETE',
    path: '/certifications/{impUid}',
    idempotency: 'none',
    map: toCertification,
  }),

  requestOtp: defineOperation({
    api: 'v1',
    name: 'CertificationService.requestOtp',
    method: 'POST',
    path: '/certifications/otp/request',
    idempotency: 'none',
    input: RequestCertificationOtpDto,
    // UNVERIFIED: the key was `channelKey` in the 2025-04 spec and is `channel_key` since 2026-02; we send the
    // current spelling. `bypass` is a JSON string per the spec, although PortOne's KCP guide shows an object.
    body: dto => ({
      name: dto.name,
      phone: dto.phone,
      birth: dto.birth,
      gender_digit: dto.genderDigit,
      carrier: dto.carrier,
      channel_key: dto.channelKey,
      is_mvno: dto.isMvno,
      company: dto.company,
      merchant_uid: dto.merchantUid,
      verification_method: dto.verificationMethod,
      bypass: toJsonString(dto.bypass),
    }),
    sensitive: ['name', 'phone', 'birth', 'genderDigit'],
    map: payload => mapCertificationOtpRequest(expectRecord(payload, 'response', { strings: ['imp_uid'] })),
  }),

  confirmOtp: defineOperation({
    api: 'v1',
    name: 'CertificationService.confirmOtp',
    method: 'POST',
    path: '/certifications/otp/confirm/{impUid}',
    idempotency: 'none',
    input: ConfirmCertificationOtpDto,
    body: dto => (dto.otp === undefined ? {} : { otp: dto.otp }),
    sensitive: ['otp'],
    map: toCertification,
  }),
};
