/** What a masked value is replaced with. @internal */
export const MASK = '[REDACTED]';

// Shapes that are personal data or credentials wherever they appear, even when we did not send them.
// Every pattern here runs in time linear in the text: each has a bounded width or, for JWTs, is scanned
// by hand, because PortOne's text is hostile input and a backtracking pattern on it could stall the
// event loop (an unbounded JWT pattern took ~2 s on 100k characters).
const BOUNDED_PATTERNS: readonly RegExp[] = [
  // Korean mobile numbers, with or without separators (at most 13 characters)
  /01[016789][-. ]?\d{3,4}[-. ]?\d{4}/g,
  // resident-registration-number fronts (YYMMDD-G...) and full numbers (at most 14 characters)
  /\b\d{6}-?[1-8]\d{0,6}\b/g,
  // bare birth dates, YYMMDD and YYYYMMDD (a resident-number front without its gender digit); only digit runs
  // that read as a calendar date, so an order number such as 123456 is left alone (at most 8 characters)
  /\b(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b/g,
  // PortOne V1 access tokens are 40 hex characters
  /\b[0-9a-f]{40}\b/gi,
  // whatever follows "Bearer": an access token we may not know (at most 4,096 characters)
  /\bBearer[ \t]{1,8}[^\s"',;]{1,4096}/g,
];

/** Runs of characters a JWT can be made of; a greedy class with nothing after it cannot backtrack. */
const TOKEN_RUN = /[\w.-]+/g;

/**
 * Masks phone numbers, resident-number fronts, birth dates, JWTs, V1 tokens and bearer credentials in `text`.
 * @internal
 */
export function maskSensitiveShapes(text: string): string {
  let masked = text.replace(TOKEN_RUN, maskJwts);
  for (const pattern of BOUNDED_PATTERNS) masked = masked.replace(pattern, MASK);
  return masked;
}

/**
 * Masks every `eyJ<part>.<part>.<part>` inside one run of token characters. The run is split at its dots
 * once, so the scan is linear in the run's length however the dots and `eyJ`s are arranged.
 */
function maskJwts(run: string): string {
  if (!run.includes('eyJ')) return run;
  const segments = run.split('.');
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const start = segment.indexOf('eyJ');
    const isJwtStart = start >= 0 && start + 3 < segment.length && !!segments[i + 1] && !!segments[i + 2];
    if (!isJwtStart) {
      out.push(segment);
      continue;
    }
    out.push(segment.slice(0, start) + MASK);
    i += 2; // the two segments after the header are the payload and the signature
  }
  return out.join('.');
}
