import { isSensitiveField } from './sensitive-fields';

/** What a masked value is replaced with. @internal */
export const MASK = '[REDACTED]';

/**
 * Values shorter than this are not scrubbed out of free text: a one-character gender digit would otherwise
 * mangle every "1" in a message. Such short values are still masked wherever they appear as a field.
 */
const MIN_SCRUB_LENGTH = 4;

/** Text shapes that are personal data or credentials wherever they appear, even when we did not send them. */
const SENSITIVE_TEXT_PATTERNS: readonly RegExp[] = [
  // Korean mobile numbers, with or without separators
  /01[016789][-. ]?\d{3,4}[-. ]?\d{4}/g,
  // resident-registration-number fronts (YYMMDD-G...) and full numbers
  /\b\d{6}-?[1-8]\d{0,6}\b/g,
  // JWTs
  /eyJ[\w-]+\.[\w-]+\.[\w-]+/g,
  // PortOne V1 access tokens are 40 hex characters
  /\b[0-9a-f]{40}\b/gi,
];

/**
 * Collects the string forms of every sensitive value in `value`, so that they can be scrubbed out of text
 * that a server wrote (PortOne error messages may echo what was sent). Digits-only variants are added for
 * phone numbers and dates written with separators.
 * @internal
 */
export function collectSensitiveValues(value: unknown, into: string[] = [], depth = 0): string[] {
  if (depth > 8 || value === null || typeof value !== 'object') return into;
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (isSensitiveField(key) && (typeof field === 'string' || typeof field === 'number')) {
      const text = String(field);
      into.push(text);
      const digits = text.replace(/\D/g, '');
      if (digits !== text && digits.length >= MIN_SCRUB_LENGTH) into.push(digits);
    } else {
      collectSensitiveValues(field, into, depth + 1);
    }
  }
  return into;
}

/**
 * Masks known sensitive values and sensitive-looking shapes (phone numbers, resident-number fronts, tokens)
 * in free text.
 * @internal
 */
export function scrubText(text: string, knownValues: readonly string[] = []): string {
  let scrubbed = text;
  const longestFirst = [...new Set(knownValues)]
    .filter(v => v.length >= MIN_SCRUB_LENGTH)
    .sort((a, b) => b.length - a.length);
  for (const known of longestFirst) scrubbed = scrubbed.split(known).join(MASK);
  for (const pattern of SENSITIVE_TEXT_PATTERNS) scrubbed = scrubbed.replace(pattern, MASK);
  return scrubbed;
}
