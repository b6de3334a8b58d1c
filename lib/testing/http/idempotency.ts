import type { Clock } from '../time/clock';
import type { PreparedResponse } from './context';

/**
 * V2 `Idempotency-Key` support, as PortOne's V2 overview documents it: keys are 16-256 ASCII characters, sent
 * quoted per RFC 8941 (`"abc..."`) or bare, scoped to the credential, and kept for 3 hours. A repeat of a
 * finished request replays the stored response; a repeat of a request still in flight gets 409
 * IDEMPOTENCY_OUTSTANDING_REQUEST.
 *
 * Assumption (PortOne documents no mismatch error): the key alone identifies the request. A reused key with a
 * different path or body replays the first response, it is not rejected.
 */

/** How long a finished key is remembered. */
export const IDEMPOTENCY_TTL_MS = 3 * 60 * 60 * 1000;

/** Result of parsing the header. */
export type ParsedIdempotencyKey = { ok: true; key: string } | { ok: false; message: string };

const VISIBLE_ASCII = /^[\x21-\x7e]{16,256}$/;

/** Accepts the RFC 8941 sf-string form (with `\"` and `\\` escapes) and the bare form. */
export function parseIdempotencyKey(header: string): ParsedIdempotencyKey {
  let key = header.trim();
  if (key.startsWith('"')) {
    const inner = /^"((?:[^"\\]|\\["\\])*)"$/.exec(key);
    if (!inner) return { ok: false, message: 'Idempotency-Key is not a valid quoted string' };
    key = inner[1].replace(/\\(["\\])/g, '$1');
  }
  if (!VISIBLE_ASCII.test(key)) {
    return { ok: false, message: 'Idempotency-Key must be 16 to 256 visible ASCII characters' };
  }
  return { ok: true, key };
}

/** What the store knows about a key. */
export type IdempotencyState =
  { state: 'new' } | { state: 'in-flight' } | { state: 'done'; response: PreparedResponse };

type Entry = { done: false } | { done: true; response: PreparedResponse; expiresAtMs: number };

/** Keys by credential scope. */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  /** What happened to this key before. */
  lookup(scope: string, key: string): IdempotencyState {
    const id = entryId(scope, key);
    const entry = this.entries.get(id);
    if (!entry) return { state: 'new' };
    if (!entry.done) return { state: 'in-flight' };
    if (entry.expiresAtMs <= this.clock.nowMs()) {
      this.entries.delete(id);
      return { state: 'new' };
    }
    return { state: 'done', response: entry.response };
  }

  /** Marks the key as in flight. */
  begin(scope: string, key: string): void {
    this.pruneExpired();
    this.entries.set(entryId(scope, key), { done: false });
  }

  /** Stores the response the key's first request got. */
  complete(scope: string, key: string, response: PreparedResponse): void {
    this.entries.set(entryId(scope, key), {
      done: true,
      response,
      expiresAtMs: this.clock.nowMs() + IDEMPOTENCY_TTL_MS,
    });
  }

  /** Forgets every key. */
  clear(): void {
    this.entries.clear();
  }

  /**
   * Drops expired keys from the oldest end. The Map iterates in insertion order, which is roughly expiry
   * order, so this is amortised O(1) per request and keeps a long load test from growing the map forever.
   */
  private pruneExpired(): void {
    const now = this.clock.nowMs();
    for (const [id, entry] of this.entries) {
      if (!entry.done || entry.expiresAtMs > now) return;
      this.entries.delete(id);
    }
  }
}

function entryId(scope: string, key: string): string {
  return `${scope}\u0000${key}`;
}
