/**
 * Where deliveries are claimed so that each one is dispatched at most once, across duplicate deliveries and
 * across app instances. The module ships {@link InMemoryWebhookClaimStore} (one process) and
 * `RedisWebhookClaimStore` (`nestjs-portone/redis`, several instances); any shared store with an atomic
 * "set if absent, with expiry" can implement it.
 * @publicApi
 */
export interface PortOneWebhookClaimStore {
  /**
   * Atomically claims `key` for `ttlMs` (the processing deadline). Resolves to an opaque token when the claim
   * was taken, or `undefined` when the key is already claimed or completed.
   */
  claim(key: string, ttlMs: number): Promise<string | undefined>;
  /** Marks a claim done and keeps it for `ttlMs`, so that later duplicates are recognised. */
  complete(key: string, token: string, ttlMs: number): Promise<void>;
  /** Gives a claim back (its handler failed) so that the retry is dispatched. Only the holder's token releases it. */
  release(key: string, token: string): Promise<void>;
}
