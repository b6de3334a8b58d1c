import type { ResolvedRetryPolicy } from '../options/resolve-options';
import { retriedByRetryLoop } from './authentication';
import type { CallFailure } from './error-map';

/** Connection failures that prove the request never reached the server, so even a POST may be re-sent. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * The V2 answer to a request whose Idempotency-Key is still being processed. Waiting and sending it again
 * returns the first request's answer.
 */
const IDEMPOTENCY_OUTSTANDING_REQUEST = 'IDEMPOTENCY_OUTSTANDING_REQUEST';

/** A PG's refusal relayed by PortOne (as 502): sent again with the same key, PortOne would only replay it. */
const PG_PROVIDER = 'PG_PROVIDER';

/** HTTP statuses that mean "try again later" rather than "this request is wrong". */
function isTransientStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * THE retry rule: whether sending the same call again is safe and may succeed. `retrySafe` says whether the
 * call cannot do anything twice (a GET, a V2 POST with an Idempotency-Key, a token request). The transport
 * retries exactly the failures this returns true for, and the error's `retryable` is this value.
 * @internal
 */
export function isRetryable(failure: CallFailure, retrySafe: boolean): boolean {
  switch (failure.kind) {
    case 'aborted':
    case 'too-large': // the same call would get the same answer
    case 'unexpected-shape':
      return false;
    case 'connection':
      return retrySafe || NOT_SENT_CODES.has(failure.errorCode ?? '');
    case 'timeout':
    case 'invalid-success':
      return retrySafe;
    case 'answer': {
      const type = failure.body?.type;
      if (!retriedByRetryLoop(failure.status) || type === PG_PROVIDER) return false;
      return retrySafe && (type === IDEMPOTENCY_OUTSTANDING_REQUEST || isTransientStatus(failure.status));
    }
  }
}

/**
 * Full-jitter exponential backoff (a random wait in [0, min(max, base * 2^attempt)]): concurrent clients
 * that failed together do not retry together.
 * @internal
 */
export function backoffDelay(
  policy: ResolvedRetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * Reads `Retry-After` (delta-seconds or an HTTP date) as milliseconds from `now`.
 * @internal
 */
export function parseRetryAfter(header: unknown, now: number = Date.now()): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Resolves after `ms`, or rejects with the signal's reason as soon as it aborts.
 * @internal
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
