import { toJsonString } from '../validation';
import type { ConfirmCertificationOtpDto } from './dto/confirm-certification-otp.dto';
import type { RequestCertificationOtpDto } from './dto/request-certification-otp.dto';

/**
 * The snake_case body of `POST /certifications/otp/request`.
 * UNVERIFIED: the key was `channelKey` in the 2025-04 spec and is `channel_key` since 2026-02; we send
 * the current spelling. `bypass` is a JSON string per the spec, although PortOne's KCP guide shows an object.
 * @internal
 */
export function toOtpRequestBody(dto: RequestCertificationOtpDto): Record<string, unknown> {
  return {
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
  };
}

/** @internal */
export function toOtpConfirmBody(dto: ConfirmCertificationOtpDto): Record<string, unknown> {
  return dto.otp === undefined ? {} : { otp: dto.otp };
}
