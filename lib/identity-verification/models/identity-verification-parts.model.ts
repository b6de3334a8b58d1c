// V2 answers camelCase already, so these are plain classes filled by map-identity-verification.ts
// (explicit copying, compile-checked against these classes; see lib/mapping/model-fields.ts).
import type {
  PortOneGender,
  IdentityVerificationOperator,
  PortOnePgProvider,
} from '../identity-verification.enums';

/** The channel a verification went through. @publicApi */
export class PortOneSelectedChannel {
  /** `LIVE` or `TEST`. */
  type!: 'LIVE' | 'TEST' | (string & {});
  id?: string;
  key?: string;
  name?: string;
  pgProvider!: PortOnePgProvider;
  pgMerchantId!: string;
}

/** Who was asked to verify (unverified records). Personal data. @publicApi */
export class IdentityVerificationRequestedCustomer {
  id?: string;
  name?: string;
  /** Digits only. */
  phoneNumber?: string;
  birthYear?: string;
  birthMonth?: string;
  birthDay?: string;
}

/** Who was verified. Personal data, including CI and DI. @publicApi */
export class IdentityVerificationVerifiedCustomer {
  id?: string;
  name!: string;
  operator?: IdentityVerificationOperator | (string & {});
  /** Digits only. */
  phoneNumber?: string;
  /** `yyyy-MM-dd`. Always present for V2 verifications; V1-era records may lack it. */
  birthDate?: string;
  gender?: PortOneGender | (string & {});
  isForeigner?: boolean;
  /** Connecting Information: the same for this person on every site. */
  ci?: string;
  /** Duplication Information: unique to this person on your site. */
  di?: string;
}

/** Why a verification failed. @publicApi */
export class IdentityVerificationFailure {
  reason?: string;
  pgCode?: string;
  pgMessage?: string;
}

/** Paging of a list answer. @publicApi */
export class PortOnePageInfo {
  /** Page number, from 0. */
  number!: number;
  size!: number;
  /**
   * Count of matching records. The spec's wording ("number of objects actually returned") is ambiguous
   * (UNVERIFIED); the emulator returns the total across pages.
   */
  totalCount!: number;
}
