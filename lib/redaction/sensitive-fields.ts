/**
 * Field names whose values are personal data or secrets in PortOne requests and responses
 * (V1 snake_case and V2/DTO camelCase spellings). Matching is case-insensitive.
 * @internal
 */
const SENSITIVE_FIELD_NAMES: ReadonlySet<string> = new Set(
  [
    // credentials and tokens
    'imp_key',
    'imp_secret',
    'apiKey',
    'apiSecret',
    'access_token',
    'accessToken',
    'refreshToken',
    'authorization',
    'x-imptokenheader',
    // one-time passwords
    'otp',
    // people
    'name',
    'buyer_name',
    'buyerName',
    'phone',
    'phoneNumber',
    'buyer_tel',
    'buyerTel',
    'buyer_email',
    'buyerEmail',
    'buyer_addr',
    'buyerAddr',
    'buyer_postcode',
    'buyerPostcode',
    'birth',
    'birthday',
    'birthDate',
    'birthYear',
    'birthMonth',
    'birthDay',
    'gender_digit',
    'genderDigit',
    'identityNumber',
    'ipAddress',
    // CI / DI
    'unique_key',
    'uniqueKey',
    'unique_in_site',
    'uniqueInSite',
    'ci',
    'di',
  ].map(name => name.toLowerCase()),
);

/** @internal */
export function isSensitiveField(name: string): boolean {
  return SENSITIVE_FIELD_NAMES.has(name.toLowerCase());
}
