import { Expose, Type } from 'class-transformer';
import { FromIsoDate } from '../../mapping/date-transforms';
import { toModel } from '../../mapping/to-model';
import type { PortOneVersion } from '../identity-verification.enums';
import {
  IdentityVerificationFailure,
  IdentityVerificationRequestedCustomer,
  IdentityVerificationVerifiedCustomer,
  SelectedChannel,
} from './identity-verification-parts.model';

/** Fields every identity-verification record has. @publicApi */
export abstract class IdentityVerificationBase {
  /** Your identity-verification id. */
  @Expose() id!: string;
  @Expose() @Type(() => SelectedChannel) channel?: SelectedChannel;
  @Expose() customData?: string;
  @Expose() @FromIsoDate() requestedAt!: Date;
  @Expose() @FromIsoDate() updatedAt!: Date;
  @Expose() @FromIsoDate() statusChangedAt!: Date;
  /** The PG's transaction id. */
  @Expose() pgTxId?: string;
  /** Which API generation created it (V1-era verifications are visible through V2). */
  @Expose() version!: PortOneVersion | (string & {});
}

/** Requested, not verified yet. @publicApi */
export class ReadyIdentityVerification extends IdentityVerificationBase {
  @Expose() status!: 'READY';
  @Expose()
  @Type(() => IdentityVerificationRequestedCustomer)
  requestedCustomer!: IdentityVerificationRequestedCustomer;
}

/** Verified. @publicApi */
export class VerifiedIdentityVerification extends IdentityVerificationBase {
  @Expose() status!: 'VERIFIED';
  @Expose()
  @Type(() => IdentityVerificationVerifiedCustomer)
  verifiedCustomer!: IdentityVerificationVerifiedCustomer;
  @Expose() @FromIsoDate() verifiedAt!: Date;
  declare pgTxId: string;
  /** The PG's raw answer, as a string. */
  @Expose() pgRawResponse!: string;
}

/** Failed. @publicApi */
export class FailedIdentityVerification extends IdentityVerificationBase {
  @Expose() status!: 'FAILED';
  @Expose()
  @Type(() => IdentityVerificationRequestedCustomer)
  requestedCustomer!: IdentityVerificationRequestedCustomer;
  @Expose() @Type(() => IdentityVerificationFailure) failure!: IdentityVerificationFailure;
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

  constructor(readonly raw: Readonly<Record<string, unknown>>) {
    this.rawStatus = String(raw.status);
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

/** @publicApi */
export function isUnrecognizedIdentityVerification(
  record: IdentityVerification,
): record is UnrecognizedIdentityVerification {
  return record instanceof UnrecognizedIdentityVerification;
}

const VARIANTS = {
  READY: ReadyIdentityVerification,
  VERIFIED: VerifiedIdentityVerification,
  FAILED: FailedIdentityVerification,
} as const;

/** Picks the class of the record's status; unknown statuses keep the raw JSON. @internal */
export function toIdentityVerification(raw: unknown): IdentityVerification {
  const record = (raw ?? {}) as Record<string, unknown>;
  const variant = VARIANTS[record.status as keyof typeof VARIANTS] as
    (typeof VARIANTS)[keyof typeof VARIANTS] | undefined;
  return variant
    ? toModel<IdentityVerification>(variant, record)
    : new UnrecognizedIdentityVerification(record);
}
