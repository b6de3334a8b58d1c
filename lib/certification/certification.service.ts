import { Inject, Injectable } from '@nestjs/common';
import type { PortOneApiClient } from '../client/portone-api-client';
import type { PortOneCallOptions } from '../http/call-options.interface';
import { encodePath } from '../http/encode-path';
import { toModel } from '../mapping/to-model';
import { PORTONE_V1_CLIENT } from '../portone.constants';
import { collectSensitiveValues } from '../redaction';
import { validateInput, validatePathParam } from '../validation';
import { toOtpConfirmBody, toOtpRequestBody } from './certification-wire';
import { ConfirmCertificationOtpDto } from './dto/confirm-certification-otp.dto';
import { RequestCertificationOtpDto } from './dto/request-certification-otp.dto';
import { Certification } from './models/certification.model';
import { CertificationOtpRequest } from './models/certification-otp-request.model';

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
  constructor(@Inject(PORTONE_V1_CLIENT) private readonly v1: PortOneApiClient) {}

  /**
   * Reads a verification result (`GET /certifications/{imp_uid}`).
   * @throws PortOneApiError with status 404 when there is no such result.
   */
  async get(impUid: string, options?: PortOneCallOptions): Promise<Certification> {
    const id = validatePathParam('impUid', impUid);
    const raw = await this.v1.request<unknown>(
      { method: 'GET', path: encodePath`/certifications/${id}`, retrySafe: true, options },
      'CertificationService.get',
    );
    return toModel(Certification, raw);
  }

  /**
   * Permanently deletes a verification result from PortOne (`DELETE /certifications/{imp_uid}`) and returns
   * the deleted record. Do this once you have stored what you need: it removes the personal data.
   * @throws PortOneApiError with status 404 when there is no such result.
   */
  async delete(impUid: string, options?: PortOneCallOptions): Promise<Certification> {
    const id = validatePathParam('impUid', impUid);
    const raw = await this.v1.request<unknown>(
      { method: 'DELETE', path: encodePath`/certifications/${id}`, retrySafe: false, options },
      'CertificationService.delete',
    );
    return toModel(Certification, raw);
  }

  /**
   * Sends an OTP to the person's phone (`POST /certifications/otp/request`). Resolves to the `impUid` to
   * confirm. The input is validated before anything is sent.
   * @throws PortOneValidationError for invalid input; PortOneApiError with status 400 when PortOne rejects
   * the person's details.
   */
  async requestOtp(
    dto: RequestCertificationOtpDto,
    options?: PortOneCallOptions,
  ): Promise<CertificationOtpRequest> {
    const input = validateInput(RequestCertificationOtpDto, dto);
    const body = toOtpRequestBody(input);
    const raw = await this.v1.request<unknown>(
      {
        method: 'POST',
        path: '/certifications/otp/request',
        data: body,
        retrySafe: false,
        sensitiveValues: collectSensitiveValues(body),
        options,
      },
      'CertificationService.requestOtp',
    );
    return toModel(CertificationOtpRequest, raw);
  }

  /**
   * Confirms the OTP (`POST /certifications/otp/confirm/{imp_uid}`) and resolves to the verified result.
   * @throws PortOneApiError with status 400 for a wrong or missing OTP or a confirmed request, 404 for an
   * unknown `impUid`.
   */
  async confirmOtp(
    impUid: string,
    dto: ConfirmCertificationOtpDto = {},
    options?: PortOneCallOptions,
  ): Promise<Certification> {
    const id = validatePathParam('impUid', impUid);
    const input = validateInput(ConfirmCertificationOtpDto, dto);
    const body = toOtpConfirmBody(input);
    const raw = await this.v1.request<unknown>(
      {
        method: 'POST',
        path: encodePath`/certifications/otp/confirm/${id}`,
        data: body,
        retrySafe: false,
        sensitiveValues: collectSensitiveValues(body),
        options,
      },
      'CertificationService.confirmOtp',
    );
    return toModel(Certification, raw);
  }
}
