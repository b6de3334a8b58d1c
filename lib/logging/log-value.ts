/**
 * Most characters of one request-controlled value (an id from a webhook body, a header) that a log line
 * keeps. PortOne's ids are about 20 characters; anything past this is hostile or broken, and a log line
 * must not grow with what a stranger sends (a forged CVS confirm with a 90 KB imp_uid wrote a 90 KB line).
 * @internal
 */
export const MAX_LOGGED_VALUE_CHARS = 64;

/**
 * A request-controlled value as a log line may hold it: at most `MAX_LOGGED_VALUE_CHARS`, the rest cut off
 * and counted. Control characters are escaped later, by the EscapingLogger every module line goes through.
 * @internal
 */
export function logValue(value: string): string {
  if (value.length <= MAX_LOGGED_VALUE_CHARS) return value;
  return `${value.slice(0, MAX_LOGGED_VALUE_CHARS)}…(+${value.length - MAX_LOGGED_VALUE_CHARS})`;
}
