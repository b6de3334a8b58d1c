import { Inject, Injectable } from '@nestjs/common';
import type { PortOneApiClient } from '../client/portone-api-client';
import type { PortOneCallOptions, PortOneIdempotentCallOptions } from '../http/call-options.interface';
import { encodePath } from '../http/encode-path';
import { PORTONE_V2_CLIENT } from '../portone.constants';
import { collectSensitiveValues } from '../redaction';
import { idempotencyHeader } from '../v2/idempotency-key';
import { validateInput, validatePathParam } from '../validation';
import { ConfirmIdentityVerificationDto } from './dto/confirm-identity-verification.dto';
import { ListIdentityVerificationsDto } from './dto/list-identity-verifications.dto';
import { SendIdentityVerificationDto } from './dto/send-identity-verification.dto';
import { StoreScopeDto } from './dto/store-scope.dto';
import { toListRequestBody, toSendBody } from './identity-verification-wire';
import type {
  IdentityVerification,
  VerifiedIdentityVerification,
} from './models/identity-verification.model';
import type { PageInfo } from './models/identity-verification-parts.model';
import { toIdentityVerification, toPageInfo } from './models/map-identity-verification';

/** One page of `list`. @publicApi */
export interface IdentityVerificationPage {
  readonly items: IdentityVerification[];
  readonly page: PageInfo;
}

/**
 * PortOne V2 identity verification (본인인증): `send` a code to the person, `confirm` it, `resend` it, and
 * read records with `get` and `list`.
 *
 * Needs `v2` in the module options. Every POST carries an `Idempotency-Key` (yours, or one generated per
 * call), so the retries and 401 replays the module makes can never send a second SMS.
 * @publicApi
 */
@Injectable()
export class IdentityVerificationService {
  constructor(@Inject(PORTONE_V2_CLIENT) private readonly v2: PortOneApiClient) {}

  /**
   * Reads one verification (`GET /identity-verifications/{id}`).
   * @throws PortOneApiError of type `IDENTITY_VERIFICATION_NOT_FOUND` (404).
   */
  async get(
    identityVerificationId: string,
    scope: StoreScopeDto = {},
    options?: PortOneCallOptions,
  ): Promise<IdentityVerification> {
    const id = validatePathParam('identityVerificationId', identityVerificationId);
    const { storeId } = validateInput(StoreScopeDto, scope);
    const raw = await this.v2.request<unknown>(
      {
        method: 'GET',
        path: encodePath`/identity-verifications/${id}`,
        params: { storeId: storeId ?? this.v2.defaultStoreId },
        retrySafe: true,
        options,
      },
      'IdentityVerificationService.get',
    );
    return toIdentityVerification(raw);
  }

  /**
   * Lists verifications (`GET /identity-verifications`) with the filters, paging and sorting PortOne allows.
   * Defaults: page 0 of 10, newest request first, the last 90 days.
   */
  async list(
    query: ListIdentityVerificationsDto = {},
    options?: PortOneCallOptions,
  ): Promise<IdentityVerificationPage> {
    const input = validateInput(ListIdentityVerificationsDto, query);
    const requestBody = toListRequestBody(input, this.v2.defaultStoreId);
    const raw = await this.v2.request<{ items?: unknown[]; page?: unknown }>(
      {
        method: 'GET',
        path: '/identity-verifications',
        params: { requestBody },
        retrySafe: true,
        sensitiveValues: collectSensitiveValues(input.filter?.customer ?? {}),
        options,
      },
      'IdentityVerificationService.list',
    );
    const items = Array.isArray(raw.items) ? raw.items.map(toIdentityVerification) : [];
    return { items, page: toPageInfo(raw.page) };
  }

  /**
   * Sends the verification (`POST /identity-verifications/{id}/send`). `identityVerificationId` is a new id
   * you choose (PortOne's KCP guide asks for at most 40 letters and digits).
   * @throws PortOneApiError of type `CHANNEL_NOT_FOUND`, `IDENTITY_VERIFICATION_ALREADY_SENT`,
   * `IDENTITY_VERIFICATION_ALREADY_VERIFIED`, `MAX_TRANSACTION_COUNT_REACHED` or `PG_PROVIDER`.
   */
  async send(
    identityVerificationId: string,
    dto: SendIdentityVerificationDto,
    options?: PortOneIdempotentCallOptions,
  ): Promise<void> {
    const id = validatePathParam('identityVerificationId', identityVerificationId);
    const input = validateInput(SendIdentityVerificationDto, dto);
    const body = toSendBody(input, input.storeId ?? this.v2.defaultStoreId);
    await this.v2.request<unknown>(
      {
        method: 'POST',
        path: encodePath`/identity-verifications/${id}/send`,
        data: body,
        headers: { 'Idempotency-Key': idempotencyHeader(options?.idempotencyKey) },
        retrySafe: true,
        sensitiveValues: collectSensitiveValues(body),
        options,
      },
      'IdentityVerificationService.send',
    );
  }

  /**
   * Confirms the verification with the code the person received (`POST /identity-verifications/{id}/confirm`)
   * and resolves to the verified record.
   * @throws PortOneApiError of type `IDENTITY_VERIFICATION_NOT_FOUND`, `IDENTITY_VERIFICATION_NOT_SENT`,
   * `IDENTITY_VERIFICATION_ALREADY_VERIFIED` or `PG_PROVIDER` (e.g. a wrong code).
   */
  async confirm(
    identityVerificationId: string,
    dto: ConfirmIdentityVerificationDto = {},
    options?: PortOneIdempotentCallOptions,
  ): Promise<VerifiedIdentityVerification> {
    const id = validatePathParam('identityVerificationId', identityVerificationId);
    const input = validateInput(ConfirmIdentityVerificationDto, dto);
    const body = { storeId: input.storeId ?? this.v2.defaultStoreId, otp: input.otp };
    const raw = await this.v2.request<{ identityVerification?: unknown }>(
      {
        method: 'POST',
        path: encodePath`/identity-verifications/${id}/confirm`,
        data: body,
        headers: { 'Idempotency-Key': idempotencyHeader(options?.idempotencyKey) },
        retrySafe: true,
        sensitiveValues: collectSensitiveValues(body),
        options,
      },
      'IdentityVerificationService.confirm',
    );
    return toIdentityVerification(raw.identityVerification) as VerifiedIdentityVerification;
  }

  /**
   * Sends the SMS code again (`POST /identity-verifications/{id}/resend`).
   * @throws PortOneApiError of type `IDENTITY_VERIFICATION_NOT_FOUND`, `IDENTITY_VERIFICATION_NOT_SENT`,
   * `IDENTITY_VERIFICATION_ALREADY_VERIFIED` or `PG_PROVIDER`.
   */
  async resend(
    identityVerificationId: string,
    scope: StoreScopeDto = {},
    options?: PortOneIdempotentCallOptions,
  ): Promise<void> {
    const id = validatePathParam('identityVerificationId', identityVerificationId);
    const { storeId } = validateInput(StoreScopeDto, scope);
    await this.v2.request<unknown>(
      {
        method: 'POST',
        path: encodePath`/identity-verifications/${id}/resend`,
        params: { storeId: storeId ?? this.v2.defaultStoreId },
        headers: { 'Idempotency-Key': idempotencyHeader(options?.idempotencyKey) },
        retrySafe: true,
        options,
      },
      'IdentityVerificationService.resend',
    );
  }
}
