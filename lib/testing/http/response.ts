import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Clock } from '../time/clock';
import type { HandlerResult, PreparedResponse } from './context';
import { contentTypeForRawBody } from './faults';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Lower-cases header names so ours and a caller's never end up duplicated under two spellings. */
export function normalizeHeaders(
  headers: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers) for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

/** Serialises a handler's JSON answer. */
export function prepareJson(result: HandlerResult): PreparedResponse {
  return {
    status: result.status,
    payload: result.payload ?? JSON.stringify(result.body),
    headers: { 'content-type': JSON_TYPE, ...normalizeHeaders(result.headers) },
  };
}

/** Serialises a body that may be a raw string (sent as-is) or anything JSON-encodable (fault bodies). */
export function prepareAny(status: number, body: unknown): PreparedResponse {
  if (typeof body === 'string') {
    return { status, payload: body, headers: { 'content-type': contentTypeForRawBody(body) } };
  }
  return prepareJson({ status, body });
}

/**
 * Writes a prepared response; false when the connection was already gone. Every response carries a `Date`
 * from the emulator clock (so clients that correct for server skew see the skew) and a fresh `x-request-id`.
 *
 * `x-request-id` is the conventional name; the header PortOne's real servers use for their request id is
 * UNVERIFIED, so clients should treat it as optional.
 */
export function writeResponse(
  res: ServerResponse,
  clock: Clock,
  response: PreparedResponse,
  extraHeaders?: Readonly<Record<string, string>>,
): boolean {
  // The client may have gone away while a delay fault held the response.
  if (res.writableEnded || res.destroyed) return false;
  res.writeHead(response.status, {
    ...response.headers,
    'content-length': String(Buffer.byteLength(response.payload)),
    date: clock.httpDate(),
    'x-request-id': randomUUID(),
    ...normalizeHeaders(extraHeaders),
  });
  res.end(response.payload);
  return true;
}
