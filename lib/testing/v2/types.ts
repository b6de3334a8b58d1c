/**
 * V2 identity-verification shapes the emulator produces, written from PortOne's V2 spec (IdentityVerification
 * union, SelectedChannel, customers). Optional fields are omitted when unknown, as the spec allows.
 */

/** `IdentityVerificationOperator` (V2 uses LGU where V1 uses LGT). */
export type EmulatorOperator = 'SKT' | 'KT' | 'LGU' | 'SKT_MVNO' | 'KT_MVNO' | 'LGU_MVNO';

/** `SelectedChannel`. The emulator's channels are all `TEST` channels. */
export interface EmulatorSelectedChannel {
  type: 'LIVE' | 'TEST';
  id?: string;
  key?: string;
  name?: string;
  pgProvider: string;
  pgMerchantId: string;
}

/** `IdentityVerificationRequestedCustomer`. */
export interface EmulatorRequestedCustomer {
  id?: string;
  name?: string;
  phoneNumber?: string;
  birthYear?: string;
  birthMonth?: string;
  birthDay?: string;
}

/** `IdentityVerificationVerifiedCustomer`. */
export interface EmulatorVerifiedCustomer {
  id?: string;
  name: string;
  operator?: EmulatorOperator;
  phoneNumber?: string;
  /** `YYYY-MM-DD`. */
  birthDate?: string;
  gender?: 'MALE' | 'FEMALE' | 'OTHER';
  isForeigner?: boolean;
  /** 88 base64 characters. */
  ci?: string;
  /** 64 characters. */
  di?: string;
}

/** `IdentityVerificationFailure`. */
export interface EmulatorIdentityVerificationFailure {
  reason?: string;
  pgCode?: string;
  pgMessage?: string;
}

interface CommonFields {
  id: string;
  channel?: EmulatorSelectedChannel;
  customData?: string;
  /** RFC 3339. */
  requestedAt: string;
  /** RFC 3339. */
  updatedAt: string;
  /** RFC 3339. */
  statusChangedAt: string;
  version: 'V1' | 'V2';
}

/** `ReadyIdentityVerification`. */
export interface EmulatorReadyIdentityVerification extends CommonFields {
  status: 'READY';
  requestedCustomer: EmulatorRequestedCustomer;
  pgTxId?: string;
}

/** `VerifiedIdentityVerification`. */
export interface EmulatorVerifiedIdentityVerification extends CommonFields {
  status: 'VERIFIED';
  verifiedCustomer: EmulatorVerifiedCustomer;
  /** RFC 3339. */
  verifiedAt: string;
  pgTxId: string;
  /** The PG's raw response, a JSON string. */
  pgRawResponse: string;
}

/** `FailedIdentityVerification`. */
export interface EmulatorFailedIdentityVerification extends CommonFields {
  status: 'FAILED';
  requestedCustomer: EmulatorRequestedCustomer;
  failure: EmulatorIdentityVerificationFailure;
  pgTxId?: string;
}

/** `IdentityVerification`: discriminated on `status`. */
export type EmulatorIdentityVerification =
  | EmulatorReadyIdentityVerification
  | EmulatorVerifiedIdentityVerification
  | EmulatorFailedIdentityVerification;

// Kept here, with the other public shapes, rather than in seed.ts: the published .d.ts of the public API
// must not reach state.ts, whose schema validator imports JSON (consumers would need resolveJsonModule).
/**
 * A V2 identity verification to insert directly, as if the browser SDK had created it (it was not sent
 * through the API, so `confirm` and `resend` answer IDENTITY_VERIFICATION_NOT_SENT).
 */
export interface SeedIdentityVerification {
  /** The identityVerificationId. */
  id: string;
  /** Default: the configured store. A different store makes the record unreachable with the emulator's credentials. */
  storeId?: string;
  /** Default `'READY'`. */
  status?: 'READY' | 'VERIFIED' | 'FAILED';
  /** A configured identity-verification channel. Default: the first DANAL or KCP_V2 channel. */
  channelKey?: string;
  /** The person. `identityNumber` is the 7-digit YYMMDD + gender digit and fills the birth/gender fields. */
  customer?: { id?: string; name?: string; phoneNumber?: string; identityNumber?: string };
  /** The carrier, shown as `verifiedCustomer.operator` of a VERIFIED record and used by the `carriers` filter. */
  operator?: EmulatorOperator;
  customData?: string;
  /** Default: now (emulator clock). Also used as the verified/failed time. */
  requestedAt?: Date;
  /** Default `'V2'`. */
  version?: 'V1' | 'V2';
  /** For FAILED records. Default `{ reason: 'seeded failure' }`. */
  failure?: EmulatorIdentityVerificationFailure;
}
