/** Carrier of the phone (V2 says `LGU` where V1 says `LGT`). */
export const IDENTITY_VERIFICATION_OPERATORS = [
  'SKT',
  'KT',
  'LGU',
  'SKT_MVNO',
  'KT_MVNO',
  'LGU_MVNO',
] as const;
/** A carrier, as V2 names it (`LGU`, not V1's `LGT`). */
export type IdentityVerificationOperator = (typeof IDENTITY_VERIFICATION_OPERATORS)[number];

/** `SMS`: the person types a code; `APP`: the person approves in the carrier's app. */
export const IDENTITY_VERIFICATION_METHODS = ['SMS', 'APP'] as const;
/** How the person confirms: `SMS` or `APP`. */
export type IdentityVerificationMethod = (typeof IDENTITY_VERIFICATION_METHODS)[number];

/** The statuses of a V2 identity verification (PortOne may add more: see `UnrecognizedIdentityVerification`). */
export const IDENTITY_VERIFICATION_STATUSES = ['READY', 'VERIFIED', 'FAILED'] as const;
/** `READY`, `VERIFIED` or `FAILED`. */
export type IdentityVerificationStatus = (typeof IDENTITY_VERIFICATION_STATUSES)[number];

/** The timestamps a `list` filter (`timeRangeField`) or sort (`by`) can use. */
export const IDENTITY_VERIFICATION_TIME_FIELDS = [
  'REQUESTED_AT',
  'VERIFIED_AT',
  'FAILED_AT',
  'STATUS_UPDATED_AT',
] as const;
/** One of `IDENTITY_VERIFICATION_TIME_FIELDS`. */
export type IdentityVerificationTimeField = (typeof IDENTITY_VERIFICATION_TIME_FIELDS)[number];

/** Sort orders of PortOne's list endpoints: newest first (`DESC`) or oldest first (`ASC`). */
export const PORTONE_SORT_ORDERS = ['DESC', 'ASC'] as const;
/** `DESC` or `ASC`. */
export type PortOneSortOrder = (typeof PORTONE_SORT_ORDERS)[number];

/** Genders as PortOne V2 reports them. */
export const PORTONE_GENDERS = ['MALE', 'FEMALE', 'OTHER'] as const;
/** `MALE`, `FEMALE` or `OTHER`. */
export type PortOneGender = (typeof PORTONE_GENDERS)[number];

/** PortOne API generations a record can come from. */
export const PORTONE_VERSIONS = ['V1', 'V2'] as const;
/** `V1` or `V2`. */
export type PortOneVersion = (typeof PORTONE_VERSIONS)[number];

/**
 * PG providers. PortOne adds providers without notice, so any string is accepted at run time; the listed
 * ones give autocompletion.
 */
export type PortOnePgProvider =
  | 'HTML5_INICIS'
  | 'PAYPAL'
  | 'PAYPAL_V2'
  | 'INICIS'
  | 'DANAL'
  | 'NICE'
  | 'DANAL_TPAY'
  | 'JTNET'
  | 'UPLUS'
  | 'NAVERPAY'
  | 'KAKAO'
  | 'SETTLE'
  | 'KCP'
  | 'MOBILIANS'
  | 'KAKAOPAY'
  | 'NAVERCO'
  | 'SYRUP'
  | 'KICC'
  | 'EXIMBAY'
  | 'SMILEPAY'
  | 'PAYCO'
  | 'KCP_BILLING'
  | 'ALIPAY'
  | 'PAYPLE'
  | 'CHAI'
  | 'BLUEWALNUT'
  | 'SMARTRO'
  | 'SMARTRO_V2'
  | 'PAYMENTWALL'
  | 'TOSSPAYMENTS'
  | 'KCP_QUICK'
  | 'DAOU'
  | 'GALAXIA'
  | 'TOSSPAY'
  | 'KCP_DIRECT'
  | 'SETTLE_ACC'
  | 'SETTLE_FIRM'
  | 'INICIS_UNIFIED'
  | 'KSNET'
  | 'PINPAY'
  | 'NICE_V2'
  | 'TOSS_BRANDPAY'
  | 'WELCOME'
  | 'TOSSPAY_V2'
  | 'INICIS_V2'
  | 'KPN'
  | 'KCP_V2'
  | 'HYPHEN'
  | 'EXIMBAY_V2'
  | 'INICIS_JP'
  | 'PAYLETTER_GLOBAL'
  | 'MOBILIANS_V2'
  | 'TRIPLE_A'
  | 'KICC_V2'
  | 'INNOPAY'
  | 'HECTO_GLOBAL'
  | (string & {});

/** PG companies (open for the same reason as `PortOnePgProvider`). */
export type PortOnePgCompany =
  | 'INICIS'
  | 'NICE'
  | 'KCP'
  | 'DANAL'
  | 'TOSSPAYMENTS'
  | 'MOBILIANS'
  | 'KICC'
  | 'SMARTRO'
  | 'DAOU'
  | 'BLUEWALNUT'
  | 'PAYPAL'
  | 'ALIPAY'
  | 'EXIMBAY'
  | 'PAYMENTWALL'
  | 'SETTLE'
  | 'GALAXIA'
  | 'NAVERPAY'
  | 'KAKAOPAY'
  | 'SMILEPAY'
  | 'KAKAO'
  | 'TOSSPAY'
  | 'CHAI'
  | 'PAYCO'
  | 'PAYPLE'
  | 'SYRUP'
  | 'KSNET'
  | 'WELCOME'
  | 'JTNET'
  | 'KPN'
  | 'HYPHEN'
  | 'PAYLETTER'
  | 'TRIPLE_A'
  | 'INNOPAY'
  | (string & {});
