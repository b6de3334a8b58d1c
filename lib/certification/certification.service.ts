import { Inject, Injectable } from '@nestjs/common';
import type { PortOneCallOptions } from '../core/call-options';
import type { PortOneClient } from '../core/portone-client';
import { PORTONE_V1_CLIENT } from '../portone.constants';
import { certificationOperations as operations } from './certification.operations';
import type { ConfirmCertificationOtpDto } from './dto/confirm-certification-otp.dto';
import type { RequestCertificationOtpDto } from './dto/request-certification-otp.dto';
import type { Certification } from './models/certification.model';
import type { CertificationOtpRequest } from './models/certification-otp-request.model';

/**
 * PortOne V1 identity verification (본인인증): read and delete results, and the API-only OTP flow
 * (`requestOtp`, then `confirmOtp` with the code the person received).
 *
 * Needs `v1` in the module options. Reads are retried on transient failures; the OTP calls and `delete`
 * are never retried automatically, because V1 has no idempotency and a retry could send a second SMS.
 * @publicApi
 */
@Injectable()
export class CertificationService {
  /** @internal Nest constructs the service; apps inject it. */
  constructor(@Inject(PORTONE_V1_CLIENT) private readonly v1: PortOneClient) {}

  /**
   * Reads a verification result (`GET /certifications/{imp_uid}`).
   * @throws PortOneApiError with status 404 when there is no such result.
   */
  get(impUid: string, options?: PortOneCallOptions): Promise<Certification> {
    return this.v1.call(operations.get, { impUid }, undefined, options);
  }

  /**
   * Permanently deletes a verification result from PortOne (`DELETE /certifications/{imp_uid}`) and returns
   * the deleted record. Do this once you have stored what you need: it removes the personal data.
   * @throws PortOneApiError with status 404 when there is no such result.
   */
  delete(impUid: string, options?: PortOneCallOptions): Promise<Certification> {
    return this.v1.call(operations.delete, { impUid }, undefined, options);
  }

  /**
   * Sends an OTP to the person's phone (`POST /certifications/otp/request`). Resolves to the `impUid` to
   * confirm. The input is validated before anything is sent.
   * @throws PortOneValidationError for invalid input; PortOneApiError with status 400 when PortOne rejects
   * the person's details.
   */
  requestOtp(
    dto: RequestCertificationOtpDto,
    options?: PortOneCallOptions,
  ): Promise<CertificationOtpRequest> {
    return this.v1.call(operations.requestOtp, {}, dto, options);
  }

  /**
   * Confirms the OTP (`POST /certifications/otp/confirm/{imp_uid}`) and resolves to the verified result.
   * @throws PortOneApiError with status 400 for a wrong or missing OTP or a confirmed request, 404 for an
   * unknown `impUid`.
   */
  confirmOtp(
    impUid: string,
    dto: ConfirmCertificationOtpDto = {},
    options?: PortOneCallOptions,
  ): Promise<Certification> {
    return this.v1.call(operations.confirmOtp, { impUid }, dto, options);
  }
}
