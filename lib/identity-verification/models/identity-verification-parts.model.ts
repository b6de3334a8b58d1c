import { Expose } from 'class-transformer';
import type { Gender, IdentityVerificationOperator, PgProvider } from '../identity-verification.enums';

/** The channel a verification went through. @publicApi */
export class SelectedChannel {
  /** `LIVE` or `TEST`. */
  @Expose() type!: 'LIVE' | 'TEST' | (string & {});
  @Expose() id?: string;
  @Expose() key?: string;
  @Expose() name?: string;
  @Expose() pgProvider!: PgProvider;
  @Expose() pgMerchantId!: string;
}

/** Who was asked to verify (unverified records). Personal data. @publicApi */
export class IdentityVerificationRequestedCustomer {
  @Expose() id?: string;
  @Expose() name?: string;
  /** Digits only. */
  @Expose() phoneNumber?: string;
  @Expose() birthYear?: string;
  @Expose() birthMonth?: string;
  @Expose() birthDay?: string;
}

/** Who was verified. Personal data, including CI and DI. @publicApi */
export class IdentityVerificationVerifiedCustomer {
  @Expose() id?: string;
  @Expose() name!: string;
  @Expose() operator?: IdentityVerificationOperator | (string & {});
  /** Digits only. */
  @Expose() phoneNumber?: string;
  /** `yyyy-MM-dd`. Always present for V2 verifications; V1-era records may lack it. */
  @Expose() birthDate?: string;
  @Expose() gender?: Gender | (string & {});
  @Expose() isForeigner?: boolean;
  /** Connecting Information: the same for this person on every site. */
  @Expose() ci?: string;
  /** Duplication Information: unique to this person on your site. */
  @Expose() di?: string;
}

/** Why a verification failed. @publicApi */
export class IdentityVerificationFailure {
  @Expose() reason?: string;
  @Expose() pgCode?: string;
  @Expose() pgMessage?: string;
}

/** Paging of a list answer. @publicApi */
export class PageInfo {
  /** Page number, from 0. */
  @Expose() number!: number;
  @Expose() size!: number;
  /**
   * Count of matching records. The spec's wording ("number of objects actually returned") is ambiguous
   * (UNVERIFIED); the emulator returns the total across pages.
   */
  @Expose() totalCount!: number;
}
