import { toRfc3339 } from '../time/clock';
import type { BirthDate } from '../person';
import type {
  EmulatorIdentityVerification,
  EmulatorIdentityVerificationFailure,
  EmulatorOperator,
  EmulatorRequestedCustomer,
  EmulatorSelectedChannel,
  EmulatorVerifiedCustomer,
} from './types';

/** One V2 identity verification as the emulator keeps it (timestamps in ms, plus what the API does not show). */
export interface IdentityVerificationRecord {
  readonly id: string;
  /**
   * The attempt id the list filter `identityVerificationTxId` matches: the imp_uid for V1 records, a random id
   * for V2 ones (PortOne's browser SDK reports it; the REST API never shows it).
   */
  readonly txId: string;
  readonly storeId: string;
  /** Arrival order, the tie-breaker when list sorting finds equal timestamps. */
  readonly seq: number;
  status: 'READY' | 'VERIFIED' | 'FAILED';
  /** False for records seeded by a test (as if created by the browser SDK): confirm/resend answer NOT_SENT. */
  readonly sentViaApi: boolean;
  readonly method?: 'SMS' | 'APP';
  readonly operator?: EmulatorOperator;
  readonly channel?: EmulatorSelectedChannel;
  readonly requestedCustomer: EmulatorRequestedCustomer;
  /** Birth date and RRN gender digit from the identity number, when one was given. */
  readonly identity?: { birth: BirthDate; genderDigit: string };
  verifiedCustomer?: EmulatorVerifiedCustomer;
  readonly customData?: string;
  readonly requestedAtMs: number;
  updatedAtMs: number;
  statusChangedAtMs: number;
  verifiedAtMs?: number;
  failedAtMs?: number;
  failure?: EmulatorIdentityVerificationFailure;
  pgTxId?: string;
  pgRawResponse?: string;
  readonly version: 'V1' | 'V2';
}

/** V2 identity verifications of every store, by store and id. */
export class IdentityVerificationStore {
  private readonly records = new Map<string, IdentityVerificationRecord>();
  private nextSeq = 0;

  /** A sequence number for a new record. */
  takeSeq(): number {
    return this.nextSeq++;
  }

  get(storeId: string, id: string): IdentityVerificationRecord | undefined {
    return this.records.get(key(storeId, id));
  }

  /** Inserts or replaces the record with the same store and id. */
  put(record: IdentityVerificationRecord): void {
    this.records.set(key(record.storeId, record.id), record);
  }

  /** Every record, in no particular order. */
  all(): IterableIterator<IdentityVerificationRecord> {
    return this.records.values();
  }

  clear(): void {
    this.records.clear();
    this.nextSeq = 0;
  }
}

function key(storeId: string, id: string): string {
  return `${storeId}\u0000${id}`;
}

/** The API view (the `IdentityVerification` union), with unknown optional fields omitted. */
export function toIdentityVerification(record: IdentityVerificationRecord): EmulatorIdentityVerification {
  const common = {
    id: record.id,
    ...(record.channel && { channel: { ...record.channel } }),
    ...(record.customData !== undefined && { customData: record.customData }),
    requestedAt: toRfc3339(record.requestedAtMs),
    updatedAt: toRfc3339(record.updatedAtMs),
    statusChangedAt: toRfc3339(record.statusChangedAtMs),
  };
  if (record.status === 'VERIFIED') {
    return {
      status: 'VERIFIED',
      ...common,
      verifiedCustomer: { ...(record.verifiedCustomer ?? { name: record.requestedCustomer.name ?? '' }) },
      verifiedAt: toRfc3339(record.verifiedAtMs ?? record.statusChangedAtMs),
      pgTxId: record.pgTxId ?? '',
      pgRawResponse: record.pgRawResponse ?? '{}',
      version: record.version,
    };
  }
  const requestedCustomer = { ...record.requestedCustomer };
  const pgTxId = record.pgTxId !== undefined ? { pgTxId: record.pgTxId } : {};
  if (record.status === 'FAILED') {
    return {
      status: 'FAILED',
      ...common,
      requestedCustomer,
      failure: { ...record.failure },
      ...pgTxId,
      version: record.version,
    };
  }
  return { status: 'READY', ...common, requestedCustomer, ...pgTxId, version: record.version };
}
