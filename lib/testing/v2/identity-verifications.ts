import { randomUUID } from 'node:crypto';
import type { HandlerResult, RequestContext } from '../http/context';
import { V2_IDENTITY_PROVIDERS } from '../options';
import { otpFailure, type OtpFailure } from '../otp-outbox';
import { parseBirth } from '../person';
import { randomHex } from '../random';
import type { EmulatorState } from '../state';
import { resolveStore, type V2Principal } from './auth';
import { v2Error, v2Ok, v2PgError } from './errors';
import { toIdentityVerification, type IdentityVerificationRecord } from './identity-verification-store';
import { toRequestedCustomer, toSelectedChannel, toVerifiedCustomer } from './person-mapping';
import type { EmulatorOperator } from './types';
import { findIdentityVerification } from './v1-records';

/** `SendIdentityVerificationBody` after schema validation. */
interface SendBody {
  storeId?: string;
  channelKey: string;
  customer: { id?: string; name: string; phoneNumber: string; identityNumber?: string; ipAddress: string };
  customData?: string;
  bypass?: Record<string, unknown>;
  operator: EmulatorOperator;
  method: 'SMS' | 'APP';
}

/** `ConfirmIdentityVerificationBody` after schema validation. */
interface ConfirmBody {
  storeId?: string;
  otp?: string;
}

/** V2 providers that offer the APP method. */
const V2_APP_PROVIDERS: ReadonlySet<string> = new Set(['KCP_V2']);

const NOT_FOUND = '본인인증 건이 존재하지 않습니다. (identity verification not found)';
const NOT_SENT = 'API로 요청된 본인인증 건이 아닙니다. (identity verification was not sent via the API)';
const ALREADY_VERIFIED = '이미 인증이 완료된 본인인증 건입니다. (already verified)';

/** Parses the 7-digit identity number (RRN YYMMDD + gender digit) into birth data. */
function parseIdentityNumber(identityNumber: string): IdentityVerificationRecord['identity'] | undefined {
  if (!/^\d{7}$/.test(identityNumber)) return undefined;
  const genderDigit = identityNumber[6];
  const birth = parseBirth(identityNumber.slice(0, 6), genderDigit);
  return birth ? { birth, genderDigit } : undefined;
}

/** A fresh V2 attempt id (the `identityVerificationTxId` list filter matches it). */
export function identityVerificationTxId(): string {
  return `identity-verification-tx-${randomUUID()}`;
}

function pgTxId(): string {
  return `pg-tx-${randomHex(24)}`;
}

/**
 * `POST /identity-verifications/{id}/send`. Checks, in order: schema (done by the router), store access (403),
 * customer fields (400), channel (404 CHANNEL_NOT_FOUND; 400 for a channel that cannot verify identities),
 * existing record state (409), then the PG. A READY record that was never sent (seeded) or a FAILED one is
 * replaced by the new request.
 */
export function sendIdentityVerification(
  ctx: RequestContext,
  state: EmulatorState,
  body: unknown,
  principal: V2Principal,
): HandlerResult {
  const input = body as SendBody;
  const store = resolveStore(input.storeId, principal);
  if ('error' in store) return store.error;
  const { customer } = input;
  if (customer.name.trim() === '') return v2Error('INVALID_REQUEST', 'customer.name must not be empty');
  if (!/^\d+$/.test(customer.phoneNumber)) {
    return v2Error('INVALID_REQUEST', 'customer.phoneNumber must contain digits only');
  }
  let identity: IdentityVerificationRecord['identity'];
  if (customer.identityNumber !== undefined) {
    identity = parseIdentityNumber(customer.identityNumber);
    if (!identity) {
      return v2Error(
        'INVALID_REQUEST',
        'customer.identityNumber must be 7 digits: a valid YYMMDD and a gender digit 1-8',
      );
    }
  } else if (input.method === 'SMS') {
    return v2Error('INVALID_REQUEST', 'customer.identityNumber is required for the SMS method');
  }
  const channel = state.channelByKey(input.channelKey);
  if (!channel) return v2Error('CHANNEL_NOT_FOUND', '채널을 찾을 수 없습니다. (channel not found)');
  if (!V2_IDENTITY_PROVIDERS.has(channel.v2PgProvider)) {
    return v2Error('INVALID_REQUEST', 'channelKey must name a channel that supports identity verification');
  }
  // APP (approval in the carrier's app) is a KCP feature: PortOne's V1 spec lists kcp_v2 as its only PG, and
  // Danal's module verifies by SMS. The V2 spec does not restate it; the emulator applies the same rule.
  if (input.method === 'APP' && !V2_APP_PROVIDERS.has(channel.v2PgProvider)) {
    return v2Error('INVALID_REQUEST', 'method APP is supported on KCP_V2 channels only');
  }
  const id = ctx.params.identityVerificationId;
  const existing = state.identityVerifications.get(store.storeId, id);
  if (existing?.status === 'VERIFIED')
    return v2Error('IDENTITY_VERIFICATION_ALREADY_VERIFIED', ALREADY_VERIFIED);
  if (existing?.status === 'READY' && existing.sentViaApi) {
    return v2Error('IDENTITY_VERIFICATION_ALREADY_SENT', '이미 요청된 본인인증 건입니다. (already sent)');
  }
  const pgError = state.pgError.take();
  if (pgError) return v2PgError(pgError.pgCode, pgError.pgMessage);

  const now = state.clock.nowMs();
  state.identityVerifications.put({
    id,
    txId: identityVerificationTxId(),
    storeId: store.storeId,
    seq: state.identityVerifications.takeSeq(),
    status: 'READY',
    sentViaApi: true,
    method: input.method,
    operator: input.operator,
    channel: toSelectedChannel(channel),
    requestedCustomer: toRequestedCustomer(customer, identity),
    identity,
    ...(input.customData !== undefined && { customData: input.customData }),
    requestedAtMs: now,
    updatedAtMs: now,
    statusChangedAtMs: now,
    pgTxId: pgTxId(),
    version: 'V2',
  });
  // APP verification is approved in the carrier's app: nothing to text.
  if (input.method === 'SMS') state.otps.send(id, 'v2', customer.phoneNumber, now);
  return v2Ok({});
}

/** Finds a record that confirm/resend may act on, or the error they answer. */
function findSent(
  state: EmulatorState,
  storeId: string,
  id: string,
): { record: IdentityVerificationRecord } | { error: HandlerResult } {
  const record = state.identityVerifications.get(storeId, id);
  if (!record) return { error: v2Error('IDENTITY_VERIFICATION_NOT_FOUND', NOT_FOUND) };
  if (!record.sentViaApi || record.status === 'FAILED')
    return { error: v2Error('IDENTITY_VERIFICATION_NOT_SENT', NOT_SENT) };
  if (record.status === 'VERIFIED')
    return { error: v2Error('IDENTITY_VERIFICATION_ALREADY_VERIFIED', ALREADY_VERIFIED) };
  return { record };
}

/**
 * `POST /identity-verifications/{id}/confirm`. A missing or wrong OTP is a 502 PG_PROVIDER with pgCode
 * OTP_MISMATCH: the spec has no dedicated wrong-OTP error type, because the PG is what rejects the code and
 * PortOne relays PG rejections as PG_PROVIDER. The record stays READY so the user can try again.
 */
export function confirmIdentityVerification(
  ctx: RequestContext,
  state: EmulatorState,
  body: unknown,
  principal: V2Principal,
): HandlerResult {
  const input = body as ConfirmBody;
  const store = resolveStore(input.storeId, principal);
  if ('error' in store) return store.error;
  const found = findSent(state, store.storeId, ctx.params.identityVerificationId);
  if ('error' in found) return found.error;
  const { record } = found;
  const pgError = state.pgError.take();
  if (pgError) return v2PgError(pgError.pgCode, pgError.pgMessage);
  const now = state.clock.nowMs();
  if (record.method === 'SMS') {
    const check = state.otps.check(record.id, input.otp, now);
    if (check === 'mismatch') {
      return v2PgError(
        'OTP_MISMATCH',
        '인증번호가 일치하지 않습니다.',
        'OTP 검증에 실패했습니다. (OTP did not match)',
      );
    }
    if (check !== 'match') return failVerification(record, otpFailure(check), now);
  }

  const txId = record.pgTxId ?? pgTxId();
  record.status = 'VERIFIED';
  record.verifiedCustomer = toVerifiedCustomer(record, record.channel?.key ?? '');
  record.verifiedAtMs = now;
  record.updatedAtMs = now;
  record.statusChangedAtMs = now;
  record.pgTxId = txId;
  record.pgRawResponse = JSON.stringify({ resultCode: '0000', resultMessage: 'OK', txId, emulator: true });
  return v2Ok({ identityVerification: toIdentityVerification(record) });
}

/**
 * Ends a verification whose OTP expired or ran out of attempts: FAILED with the failure PortOne's
 * `FailedIdentityVerification` carries, answered as the PG rejection it is (502 PG_PROVIDER).
 */
function failVerification(
  record: IdentityVerificationRecord,
  failure: OtpFailure,
  now: number,
): HandlerResult {
  record.status = 'FAILED';
  record.failure = failure;
  record.failedAtMs = now;
  record.updatedAtMs = now;
  record.statusChangedAtMs = now;
  return v2PgError(failure.pgCode, failure.pgMessage, failure.reason);
}

/** `POST /identity-verifications/{id}/resend` (storeId in the query, no body): sends a new OTP. */
export function resendIdentityVerification(
  ctx: RequestContext,
  state: EmulatorState,
  _body: unknown,
  principal: V2Principal,
): HandlerResult {
  const store = resolveStore(ctx.query.storeId, principal);
  if ('error' in store) return store.error;
  const found = findSent(state, store.storeId, ctx.params.identityVerificationId);
  if ('error' in found) return found.error;
  const pgError = state.pgError.take();
  if (pgError) return v2PgError(pgError.pgCode, pgError.pgMessage);
  const now = state.clock.nowMs();
  found.record.updatedAtMs = now;
  const phone = found.record.requestedCustomer.phoneNumber ?? '';
  if (found.record.method === 'SMS') state.otps.send(found.record.id, 'v2', phone, now);
  return v2Ok({});
}

/** `GET /identity-verifications/{id}?storeId=`. */
export function getIdentityVerification(
  ctx: RequestContext,
  state: EmulatorState,
  _body: unknown,
  principal: V2Principal,
): HandlerResult {
  const store = resolveStore(ctx.query.storeId, principal);
  if ('error' in store) return store.error;
  const record = findIdentityVerification(state, store.storeId, ctx.params.identityVerificationId);
  if (!record) return v2Error('IDENTITY_VERIFICATION_NOT_FOUND', NOT_FOUND);
  return v2Ok(toIdentityVerification(record));
}
