import { performance } from 'node:perf_hooks';
import type { IssuedToken } from '../auth/token-cache';
import type { PortOneObserver } from './call-observer';

/**
 * Wraps a token issuer so that every fetch is reported to `observer` (duration, lifetime, typed error).
 * The token itself never leaves this function.
 * @internal
 */
export function observeTokenFetch(
  observer: PortOneObserver,
  issue: () => Promise<IssuedToken>,
): () => Promise<IssuedToken> {
  return () => {
    const observation = observer.tokenFetchStarted();
    const startedAt = performance.now();
    return observation.run(async () => {
      try {
        const token = await issue();
        observation.ended({ durationMs: performance.now() - startedAt, lifetimeMs: token.lifetimeMs });
        return token;
      } catch (error) {
        observation.ended({
          durationMs: performance.now() - startedAt,
          error: error instanceof Error ? error : new Error('token fetch failed'),
        });
        throw error;
      }
    });
  };
}
