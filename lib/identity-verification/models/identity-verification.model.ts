import type { PortOneVersion } from '../identity-verification.enums';
import type {
  IdentityVerificationFailure,
  IdentityVerificationRequestedCustomer,
  IdentityVerificationVerifiedCustomer,
  PortOnePageInfo,
  PortOneSelectedChannel,
} from './identity-verification-parts.model';

/** Fields every identity-verification record has. @publicApi */
export abstract class IdentityVerificationBase {
  /** Your identity-verification id. */
  id!: string;
  channel?: PortOneSelectedChannel;
  customData?: string;
  requestedAt!: Date;
  updatedAt!: Date;
  statusChangedAt!: Date;
  /** The PG's transaction id. */
  pgTxId?: string;
  /** Which API generation created it (V1-era verifications are visible through V2). */
  version!: PortOneVersion | (string & {});
}

/** Requested, not verified yet. @publicApi */
export class ReadyIdentityVerification extends IdentityVerificationBase {
  status!: 'READY';
  requestedCustomer!: IdentityVerificationRequestedCustomer;
}

/** Verified. @publicApi */
export class VerifiedIdentityVerification extends IdentityVerificationBase {
  status!: 'VERIFIED';
  verifiedCustomer!: IdentityVerificationVerifiedCustomer;
  verifiedAt!: Date;
  declare pgTxId: string;
  /** The PG's raw answer, as a string. */
  pgRawResponse!: string;
}

/** Failed. @publicApi */
export class FailedIdentityVerification extends IdentityVerificationBase {
  status!: 'FAILED';
  requestedCustomer!: IdentityVerificationRequestedCustomer;
  failure!: IdentityVerificationFailure;
}

/**
 * A record whose `status` this version of the module does not know (PortOne may add statuses without
 * notice). It keeps PortOne's JSON untouched in `raw` instead of failing.
 * @publicApi
 */
export class UnrecognizedIdentityVerification {
  /**
   * Always `'UNRECOGNIZED'`, so `record.status === 'VERIFIED'` narrows to exactly one class. The status
   * PortOne sent is in `rawStatus`.
   */
  readonly status = 'UNRECOGNIZED' as const;
  /** The status PortOne sent. */
  readonly rawStatus: string;
  readonly id?: string;

  /** @internal The module builds these from PortOne's answer. */
  constructor(readonly raw: Readonly<Record<string, unknown>>) {
    // The answer is refused before mapping when status is not a string; this keeps the constructor total.
    this.rawStatus = typeof raw.status === 'string' ? raw.status : '';
    this.id = typeof raw.id === 'string' ? raw.id : undefined;
  }
}

/**
 * An identity verification, discriminated on `status`: narrow with `record.status === 'VERIFIED'`.
 * @publicApi
 */
export type IdentityVerification =
  | ReadyIdentityVerification
  | VerifiedIdentityVerification
  | FailedIdentityVerification
  | UnrecognizedIdentityVerification;

/**
 * True when PortOne answered with a status this version of the module does not know (a newer API): the record
 * then carries only `rawStatus`, `id` and the `raw` answer. @publicApi
 */
export function isUnrecognizedIdentityVerification(
  record: IdentityVerification,
): record is UnrecognizedIdentityVerification {
  return record instanceof UnrecognizedIdentityVerification;
}

/** One page of `IdentityVerificationService.list`. @publicApi */
export interface IdentityVerificationPage {
  readonly items: IdentityVerification[];
  readonly page: PortOnePageInfo;
}
