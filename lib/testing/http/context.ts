import type { IncomingHttpHeaders } from 'node:http';

/** Which API a request addressed, by path prefix (`/v1`, `/v2`, anything else is the emulator's own). */
export type ApiName = 'v1' | 'v2' | 'emulator';

/** Query parameters; a repeated name becomes an array. */
export type ParsedQuery = Record<string, string | string[]>;

/**
 * How the request body was read. `invalid-json` means the client declared (or implied) JSON that does not
 * parse: each API reports that as its own 400 after authentication, like a real server's body parser would.
 */
export type BodyKind = 'none' | 'json' | 'form' | 'raw' | 'invalid-json';

/** One request, after the body was read and parsed. Handlers read only this. */
export interface RequestContext {
  readonly api: ApiName;
  readonly method: string;
  /** API-relative path without the query string, e.g. `/users/getToken`. */
  readonly path: string;
  readonly query: ParsedQuery;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  readonly bodyKind: BodyKind;
  /** Path parameters filled in by the router. */
  params: Record<string, string>;
}

/** A serialised response, ready to write (and to store for idempotent replay). */
export interface PreparedResponse {
  readonly status: number;
  readonly payload: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** What a handler answers. */
export interface HandlerResult {
  status: number;
  /** JSON-encoded when the response is written. */
  body: unknown;
  /** Already-serialised JSON to send instead of encoding `body` (idempotent replays send the stored bytes). */
  payload?: string;
  headers?: Record<string, string>;
  /** Called once the response has been written (idempotency completes its key here). */
  onWritten?: (response: PreparedResponse) => void;
}

/** Returns the first value of a header that may be repeated. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
