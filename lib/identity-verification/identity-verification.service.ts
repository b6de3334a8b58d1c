import { Inject, Injectable } from '@nestjs/common';
import type { PortOneCallOptions, PortOneIdempotentCallOptions } from '../core/call-options';
import type { PortOneClient } from '../core/portone-client';
import { PORTONE_V2_CLIENT } from '../portone.constants';
import type { ConfirmIdentityVerificationDto } from './dto/confirm-identity-verification.dto';
import type { ListIdentityVerificationsDto } from './dto/list-identity-verifications.dto';
import type { SendIdentityVerificationDto } from './dto/send-identity-verification.dto';
import type { PortOneStoreScopeDto } from './dto/store-scope.dto';
import { identityVerificationOperations as operations } from './identity-verification.operations';
import type {
  IdentityVerification,
  IdentityVerificationPage,
  VerifiedIdentityVerification,
} from './models/identity-verification.model';

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
  /** @internal Nest constructs the service; apps inject it. */
  constructor(@Inject(PORTONE_V2_CLIENT) private readonly v2: PortOneClient) {}

  /**
   * Reads one verification (`GET /identity-verifications/{id}`).
   * @throws PortOneApiError of type `IDENTITY_VERIFICATION_NOT_FOUND` (404).
   */
  get(
    identityVerificationId: string,
    scope: PortOneStoreScopeDto = {},
    options?: PortOneCallOptions,
  ): Promise<IdentityVerification> {
    return this.v2.call(operations.get, { identityVerificationId }, scope, options);
  }

  /**
   * Lists verifications (`GET /identity-verifications`) with the filters, paging and sorting PortOne allows.
   * Defaults: page 0 of 10, newest request first, the last 90 days.
   */
  list(
    query: ListIdentityVerificationsDto = {},
    options?: PortOneCallOptions,
  ): Promise<IdentityVerificationPage> {
    return this.v2.call(operations.list, {}, query, options);
  }

  /**
   * Sends the verification (`POST /identity-verifications/{id}/send`). `identityVerificationId` is a new id
   * you choose (PortOne's KCP guide asks for at most 40 letters and digits).
   * @throws PortOneApiError of type `CHANNEL_NOT_FOUND`, `IDENTITY_VERIFICATION_ALREADY_SENT`,
   * `IDENTITY_VERIFICATION_ALREADY_VERIFIED`, `MAX_TRANSACTION_COUNT_REACHED` or `PG_PROVIDER`.
   */
  send(
    identityVerificationId: string,
    dto: SendIdentityVerificationDto,
    options?: PortOneIdempotentCallOptions,
  ): Promise<void> {
    return this.v2.call(operations.send, { identityVerificationId }, dto, options);
  }

  /**
   * Confirms the verification with the code the person received (`POST /identity-verifications/{id}/confirm`)
   * and resolves to the verified record.
   * @throws PortOneApiError of type `IDENTITY_VERIFICATION_NOT_FOUND`, `IDENTITY_VERIFICATION_NOT_SENT`,
   * `IDENTITY_VERIFICATION_ALREADY_VERIFIED` or `PG_PROVIDER` (e.g. a wrong code).
   */
  confirm(
    identityVerificationId: string,
    dto: ConfirmIdentityVerificationDto = {},
    options?: PortOneIdempotentCallOptions,
  ): Promise<VerifiedIdentityVerification> {
    return this.v2.call(operations.confirm, { identityVerificationId }, dto, options);
  }

  /**
   * Sends the SMS code again (`POST /identity-verifications/{id}/resend`).
   * @throws PortOneApiError of type `IDENTITY_VERIFICATION_NOT_FOUND`, `IDENTITY_VERIFICATION_NOT_SENT`,
   * `IDENTITY_VERIFICATION_ALREADY_VERIFIED` or `PG_PROVIDER`.
   */
  resend(
    identityVerificationId: string,
    scope: PortOneStoreScopeDto = {},
    options?: PortOneIdempotentCallOptions,
  ): Promise<void> {
    return this.v2.call(operations.resend, { identityVerificationId }, scope, options);
  }
}
