import type { EmulatorState } from '../state';
import { V2_IDENTITY_PROVIDERS } from '../options';
import { parseBirth } from '../person';
import { randomHex } from '../random';
import { toIdentityVerification, type IdentityVerificationRecord } from './identity-verification-store';
import { toRequestedCustomer, toSelectedChannel, toVerifiedCustomer } from './person-mapping';
import { identityVerificationTxId } from './identity-verifications';
import type { EmulatorIdentityVerification, SeedIdentityVerification } from './types';

/** Inserts (or replaces) a seeded record and returns its API view. Throws on input a test should not send. */
export function seedIdentityVerification(
  state: EmulatorState,
  seed: SeedIdentityVerification,
): EmulatorIdentityVerification {
  const channel =
    seed.channelKey === undefined
      ? state.config.channels.find(c => V2_IDENTITY_PROVIDERS.has(c.v2PgProvider))
      : state.channelByKey(seed.channelKey);
  if (seed.channelKey !== undefined && !channel) throw new Error(`Unknown channel key ${seed.channelKey}`);
  let identity: IdentityVerificationRecord['identity'];
  const identityNumber = seed.customer?.identityNumber;
  if (identityNumber !== undefined) {
    const birth = /^\d{7}$/.test(identityNumber)
      ? parseBirth(identityNumber.slice(0, 6), identityNumber[6])
      : undefined;
    if (!birth) throw new Error('customer.identityNumber must be 7 digits (YYMMDD + gender digit 1-8)');
    identity = { birth, genderDigit: identityNumber[6] };
  }
  const status = seed.status ?? 'READY';
  const at = seed.requestedAt?.getTime() ?? state.clock.nowMs();
  const customer = { name: '홍길동', phoneNumber: '01012345678', ...seed.customer };
  const record: IdentityVerificationRecord = {
    id: seed.id,
    txId: identityVerificationTxId(),
    storeId: seed.storeId ?? state.config.v2.storeId,
    seq: state.identityVerifications.takeSeq(),
    status,
    sentViaApi: false,
    ...(seed.operator && { operator: seed.operator }),
    ...(channel && { channel: toSelectedChannel(channel) }),
    requestedCustomer: toRequestedCustomer(customer, identity),
    identity,
    ...(seed.customData !== undefined && { customData: seed.customData }),
    requestedAtMs: at,
    updatedAtMs: at,
    statusChangedAtMs: at,
    ...(status === 'FAILED' && { failedAtMs: at, failure: seed.failure ?? { reason: 'seeded failure' } }),
    version: seed.version ?? 'V2',
  };
  if (status === 'VERIFIED') {
    const txId = `pg-tx-${randomHex(24)}`;
    record.verifiedCustomer = toVerifiedCustomer(record, channel?.key ?? '');
    record.verifiedAtMs = at;
    record.pgTxId = txId;
    record.pgRawResponse = JSON.stringify({ resultCode: '0000', resultMessage: 'OK', txId, seeded: true });
  }
  state.identityVerifications.put(record);
  return toIdentityVerification(record);
}
