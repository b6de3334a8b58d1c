/**
 * C0 and C1 control characters (newline, carriage return, ESC of ANSI sequences...), DEL, the Unicode line
 * and paragraph separators, and the bidirectional overrides that can make a log line read differently
 * from what it holds.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_A_LOG_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Writes control characters as visible escapes (`\n`, `\u001b`), so text from PortOne can neither start a
 * forged log line nor move the cursor or colour a terminal.
 * @internal
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(
    UNSAFE_IN_A_LOG_LINE,
    char => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
