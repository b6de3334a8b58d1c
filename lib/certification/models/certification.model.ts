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
  impUid!: string;
  /** Your id for the verification request. */
  merchantUid?: string | null;
  /** The PG's transaction id. */
  pgTid?: string | null;
  /** PG that ran the verification, e.g. `danal`, `kcp_v2`, `inicis_unified`. */
  pgProvider!: string;
  /** Verified real name. */
  name?: string | null;
  /** `male` or `female`. */
  gender?: 'male' | 'female' | null;
  /** Date of birth, `YYYY-MM-DD`. */
  birthday?: string | null;
  /** Whether the person is a foreigner. Danal reports false unless foreigner detection is contracted. */
  foreigner!: boolean;
  /** Foreigner flag that is `null` when the PG cannot tell (Danal without foreigner detection). */
  foreignerV2?: boolean | null;
  /** Mobile number, digits only. Present only with carrier pre-approval. */
  phone?: string | null;
  /** Carrier. Present only with carrier pre-approval. */
  carrier?: V1Carrier | null;
  /** Whether the verification succeeded. */
  certified?: boolean;
  /** When it succeeded (absent when not certified). */
  certifiedAt?: Date;
  /** CI (Connecting Information): the same for this person on every site. */
  uniqueKey?: string | null;
  /** DI (Duplication Information): unique to this person on your site (PG merchant id). */
  uniqueInSite?: string | null;
  /** URL of the page where the verification ran. */
  origin?: string | null;
}
