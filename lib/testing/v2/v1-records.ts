import { toCertificationAnnotation, type CertificationRecord } from '../v1/certification-store';
import type { EmulatorState } from '../state';
import type { IdentityVerificationRecord } from './identity-verification-store';
import { toSelectedChannel } from './person-mapping';
import type { EmulatorOperator, EmulatorVerifiedCustomer } from './types';
import { pad2 } from '../person';

/**
 * V1 certifications seen through the V2 API. PortOne's V2 spec says V1-era identity verifications are returned
 * by the V2 API with `version: 'V1'`, their `identityVerificationId` (and `identityVerificationTxId`) being the
 * V1 `imp_uid`. The emulator's V1 credentials belong to the same merchant as its V2 store, so every V1
 * certification appears in that store.
 */

/** V1 writes LG U+ as `LGT`, V2 as `LGU`. */
function toOperator(carrier: string | null | undefined): EmulatorOperator | undefined {
  if (!carrier) return undefined;
  return carrier.replace(/^LGT/, 'LGU') as EmulatorOperator;
}

/** What the V1 record would show as V2's `verifiedCustomer`: only what the V1 record itself reveals. */
function verifiedCustomerOf(record: CertificationRecord): EmulatorVerifiedCustomer {
  const v1 = toCertificationAnnotation(record);
  const operator = toOperator(v1.carrier);
  return {
    name: v1.name ?? '',
    ...(operator && { operator }),
    ...(v1.phone && { phoneNumber: v1.phone }),
    ...(v1.birthday && { birthDate: v1.birthday }),
    ...(v1.gender && { gender: v1.gender === 'male' ? ('MALE' as const) : ('FEMALE' as const) }),
    // foreigner_v2 is null when the contract has no foreigner detection: V2 then leaves isForeigner out.
    ...(v1.foreigner_v2 !== null && { isForeigner: v1.foreigner_v2 }),
    ...(v1.unique_key && { ci: v1.unique_key }),
    ...(v1.unique_in_site && { di: v1.unique_in_site }),
  };
}

/** A V1 certification as a V2 record, ready for the V2 list filters and `toIdentityVerification`. */
export function v1AsIdentityVerification(
  record: CertificationRecord,
  storeId: string,
): IdentityVerificationRecord {
  const { subject } = record;
  const certifiedAtMs = record.certifiedAt * 1000;
  const changedAtMs = record.certified ? certifiedAtMs : (record.failedAtMs ?? record.requestedAtMs);
  return {
    id: record.impUid,
    txId: record.impUid,
    storeId,
    seq: record.seq,
    status: record.certified ? 'VERIFIED' : record.failure ? 'FAILED' : 'READY',
    sentViaApi: true,
    method: record.method,
    channel: toSelectedChannel(record.channel),
    requestedCustomer: {
      name: subject.name,
      phoneNumber: subject.phone,
      birthYear: String(subject.birth.year),
      birthMonth: pad2(subject.birth.month),
      birthDay: pad2(subject.birth.day),
    },
    ...(record.certified && {
      verifiedCustomer: verifiedCustomerOf(record),
      verifiedAtMs: certifiedAtMs,
      pgRawResponse: JSON.stringify({ imp_uid: record.impUid, certified: true, emulator: true }),
    }),
    ...(record.failure && { failure: { ...record.failure }, failedAtMs: record.failedAtMs }),
    requestedAtMs: record.requestedAtMs,
    updatedAtMs: changedAtMs,
    statusChangedAtMs: changedAtMs,
    pgTxId: record.pgTid,
    version: 'V1',
  };
}

/** The V2 record with this id in this store: a V2 verification, else a V1 certification of the emulator's store. */
export function findIdentityVerification(
  state: EmulatorState,
  storeId: string,
  id: string,
): IdentityVerificationRecord | undefined {
  const v2 = state.identityVerifications.get(storeId, id);
  if (v2) return v2;
  const v1 = storeId === state.config.v2.storeId ? state.certifications.get(id) : undefined;
  return v1 && v1AsIdentityVerification(v1, storeId);
}

/** Every V2 record and every V1 certification (as V2 records of the emulator's store). */
export function* allIdentityVerifications(state: EmulatorState): Generator<IdentityVerificationRecord> {
  yield* state.identityVerifications.all();
  for (const record of state.certifications.all()) {
    yield v1AsIdentityVerification(record, state.config.v2.storeId);
  }
}
