import type { ResolvedRetryPolicy } from '../options/resolve-options';

/** HTTP statuses that mean "try again later" rather than "this request is wrong". @internal */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status >= 500;
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
