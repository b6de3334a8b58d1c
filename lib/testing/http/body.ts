import type { IncomingMessage } from 'node:http';
import type { BodyKind, ParsedQuery } from './context';

/** Bodies larger than this are refused; nothing PortOne accepts comes close. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Thrown when a body exceeds {@link MAX_BODY_BYTES}. */
export class BodyTooLargeError extends Error {}

/** Reads the whole request body. Resolves to an empty buffer when there is none; rejects if the client aborts. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        settle(() => reject(new BodyTooLargeError('Request body too large')));
        return;
      }
      if (!settled) chunks.push(chunk);
    });
    req.on('end', () => settle(() => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))));
    req.on('error', error => settle(() => reject(error)));
    // 'close' before 'end' means the client went away mid-body.
    req.on('close', () => settle(() => reject(new Error('Request aborted'))));
  });
}

/** A parsed body and how it was parsed. */
export interface ParsedBody {
  kind: BodyKind;
  value: unknown;
}

/**
 * Parses a body by its Content-Type. Form bodies become objects (a repeated name, or a `name[]` name, becomes
 * an array). Everything that is not a form is tried as JSON when it looks like JSON, because PortOne's own JS
 * SDK posts JSON without a Content-Type (fetch then sends text/plain); a declared JSON body that fails to
 * parse is `invalid-json`; anything else is kept as a raw string.
 */
export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  if (raw.length === 0) return { kind: 'none', value: undefined };
  const text = raw.toString('utf8');
  const type = (contentType ?? '').split(';', 1)[0].trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return { kind: 'form', value: parseForm(text) };
  const declaredJson = type === 'application/json' || type.endsWith('+json');
  if (declaredJson || type === '' || type === 'text/plain' || looksLikeJson(text)) {
    try {
      return { kind: 'json', value: JSON.parse(text) as unknown };
    } catch {
      if (declaredJson) return { kind: 'invalid-json', value: text };
    }
  }
  return { kind: 'raw', value: text };
}

function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

/** Parses `application/x-www-form-urlencoded` text. */
export function parseForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [rawName, value] of new URLSearchParams(text)) {
    const isArray = rawName.endsWith('[]');
    const name = isArray ? rawName.slice(0, -2) : rawName;
    const existing = out[name];
    if (existing === undefined) out[name] = isArray ? [value] : value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[name] = [existing, value];
  }
  return out;
}

/** Splits `/path?query` into the path and the parsed query. */
export function splitUrl(url: string): { pathname: string; query: ParsedQuery } {
  const q = url.indexOf('?');
  if (q === -1) return { pathname: url, query: {} };
  // The query uses the same repeated-name rule as form bodies.
  return { pathname: url.slice(0, q), query: parseForm(url.slice(q + 1)) };
}

/** Where a request goes: the API, the API-relative path, and whether the prefix was one we serve. */
export interface ApiTarget {
  api: 'v1' | 'v2' | 'emulator';
  path: string;
  /** False for paths outside /v1, /v2 and /emulator: they are logged as `emulator` and answered 404. */
  known: boolean;
}

const PREFIXES = [
  ['/v1', 'v1'],
  ['/v2', 'v2'],
  ['/emulator', 'emulator'],
] as const;

/** V2 path roots also served without the `/v2` prefix. */
const V2_ROOT_PATHS = ['/identity-verifications', '/login', '/token'] as const;

/** V1 path roots also served without the `/v1` prefix (the V1 spec's basePath is `/`). */
const V1_ROOT_PATHS = ['/users', '/certifications', '/cvs', '/payments'] as const;

/** Splits a pathname into the API it addresses and the API-relative path. */
export function splitApi(pathname: string): ApiTarget {
  // The inspector page lives at the root (a browser's first request), answered by the control dispatcher.
  if (pathname === '/') return { api: 'emulator', path: '/', known: true };
  for (const [prefix, api] of PREFIXES) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) {
      return { api, path: pathname.slice(prefix.length) || '/', known: true };
    }
  }
  // Clients that resolve paths against the origin and drop any base path (PortOne's official
  // @portone/server-sdk does: `new URL('/identity-verifications/…', baseUrl)`) reach V2 at the root too, and
  // V1 lives at the root of api.iamport.kr, so a client given the emulator's origin reaches both.
  // V1 and V2 paths never collide, so this is unambiguous.
  if (underAny(pathname, V2_ROOT_PATHS)) return { api: 'v2', path: pathname, known: true };
  if (underAny(pathname, V1_ROOT_PATHS)) return { api: 'v1', path: pathname, known: true };
  // Keep the whole path so the log shows what was asked for.
  return { api: 'emulator', path: pathname, known: false };
}

function underAny(pathname: string, roots: readonly string[]): boolean {
  return roots.some(root => pathname === root || pathname.startsWith(`${root}/`));
}
