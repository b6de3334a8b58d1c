import { escapeControlCharacters } from './escape-control-characters';
import { isSensitiveField } from './sensitive-fields';
import { MASK, maskSensitiveShapes } from './text-patterns';

/**
 * Most characters of one PortOne text (a message, a PG message) that an error keeps. PortOne's messages
 * are a sentence; a longer one is hostile or broken, and scrubbing or logging megabytes of it would only
 * stall the app. The rest is cut off and counted.
 * @internal
 */
export const MAX_KEPT_TEXT_CHARS = 1_000;

/**
 * Values at least this long are scrubbed wherever they appear, even inside a word. Shorter ones (a 2- or
 * 3-syllable Korean name such as 김철 or 홍길동, a short token) are scrubbed where they stand as a word of
 * their own, so that ordinary text is not mangled; one-character values (a gender digit) are not scrubbed
 * from text at all, since masking every "1" would destroy messages without protecting anyone.
 */
const SUBSTRING_SCRUB_LENGTH = 4;
const WORD_SCRUB_LENGTH = 2;

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
      const text = String(field).trim();
      into.push(text);
      const digits = text.replace(/\D/g, '');
      if (digits !== text && digits.length >= SUBSTRING_SCRUB_LENGTH) into.push(digits);
    } else {
      collectSensitiveValues(field, into, depth + 1);
    }
  }
  return into;
}

/**
 * Makes text PortOne wrote safe to keep in an error and to log: keeps at most `MAX_KEPT_TEXT_CHARS`,
 * masks the `knownValues` (what we sent, the credentials we hold) and sensitive-looking shapes (phone
 * numbers, resident-number fronts, tokens), and escapes control characters. Linear in the text's length.
 * @internal
 */
export function scrubText(text: string, knownValues: readonly string[] = []): string {
  const values = [...new Set(knownValues)].filter(value => value.length >= WORD_SCRUB_LENGTH);
  const longest = values.reduce((max, value) => Math.max(max, value.length), 64);
  // Scrub a little past the cut, so that a value straddling it is masked whole before the cut.
  const window = text.slice(0, MAX_KEPT_TEXT_CHARS + longest);
  let scrubbed = maskKnownValues(window, values);
  scrubbed = maskSensitiveShapes(scrubbed);
  if (text.length > MAX_KEPT_TEXT_CHARS) {
    scrubbed = `${scrubbed.slice(0, MAX_KEPT_TEXT_CHARS)}… (${text.length - MAX_KEPT_TEXT_CHARS} more characters cut)`;
  }
  return escapeControlCharacters(scrubbed);
}

function maskKnownValues(text: string, values: readonly string[]): string {
  let masked = text;
  const longestFirst = [...values].sort((a, b) => b.length - a.length);
  for (const value of longestFirst) {
    if (value.length >= SUBSTRING_SCRUB_LENGTH) masked = masked.split(value).join(MASK);
  }
  const short = longestFirst.filter(value => value.length < SUBSTRING_SCRUB_LENGTH);
  return short.length > 0 ? masked.replace(wordPattern(short), MASK) : masked;
}

/**
 * Matches the short values where they begin a word. A Korean word may carry a particle after the name
 * (홍길동님, 김철은), so Hangul values need a boundary on their left only; other values need one on both
 * sides (an "AB" inside "ABC" is left alone).
 */
function wordPattern(values: readonly string[]): RegExp {
  const alternatives = values.map(value => {
    const escaped = value.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    return /^[\p{Script=Hangul}\s]+$/u.test(value) ? escaped : `${escaped}(?![\\p{L}\\p{N}])`;
  });
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'gu');
}
