import { Expose } from 'class-transformer';
import { FromUnixSeconds } from '../../mapping/date-transforms';

/** Mobile carrier as V1 reports it. Note V1 says `LGT` where V2 says `LGU`. */
export type V1Carrier = 'SKT' | 'KT' | 'LGT' | 'SKT_MVNO' | 'KT_MVNO' | 'LGT_MVNO';

/**
 * A V1 identity verification (본인인증) result: PortOne's `CertificationAnnotation` in camelCase.
 * It holds personal data (name, phone, birthday, CI/DI): store what you need and delete the rest with
 * `CertificationService.delete`.
 * @publicApi
 */
export class Certification {
  /** PortOne's certification id. */
  @Expose({ name: 'imp_uid' }) impUid!: string;
  /** Your id for the verification request. */
  @Expose({ name: 'merchant_uid' }) merchantUid?: string | null;
  /** The PG's transaction id. */
  @Expose({ name: 'pg_tid' }) pgTid?: string | null;
  /** PG that ran the verification, e.g. `danal`, `kcp_v2`, `inicis_unified`. */
  @Expose({ name: 'pg_provider' }) pgProvider!: string;
  /** Verified real name. */
  @Expose() name?: string | null;
  /** `male` or `female`. */
  @Expose() gender?: 'male' | 'female' | null;
  /** Date of birth, `YYYY-MM-DD`. */
  @Expose() birthday?: string | null;
  /** Whether the person is a foreigner. Danal reports false unless foreigner detection is contracted. */
  @Expose() foreigner!: boolean;
  /** Foreigner flag that is `null` when the PG cannot tell (Danal without foreigner detection). */
  @Expose({ name: 'foreigner_v2' }) foreignerV2?: boolean | null;
  /** Mobile number, digits only. Present only with carrier pre-approval. */
  @Expose() phone?: string | null;
  /** Carrier. Present only with carrier pre-approval. */
  @Expose() carrier?: V1Carrier | null;
  /** Whether the verification succeeded. */
  @Expose() certified?: boolean;
  /** When it succeeded (absent when not certified). */
  @Expose({ name: 'certified_at' }) @FromUnixSeconds('certified_at') certifiedAt?: Date;
  /** CI (Connecting Information): the same for this person on every site. */
  @Expose({ name: 'unique_key' }) uniqueKey?: string | null;
  /** DI (Duplication Information): unique to this person on your site (PG merchant id). */
  @Expose({ name: 'unique_in_site' }) uniqueInSite?: string | null;
  /** URL of the page where the verification ran. */
  @Expose() origin?: string | null;
}
