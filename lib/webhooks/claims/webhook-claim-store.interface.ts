/**
 * What {@link PortOneWebhookClaimStore.claim} found: the key is now ours (`claimed`, with the token that
 * completes or releases it), another attempt holds it and may still fail (`in-progress`, for about
 * `retryAfterMs` more at most), or its handlers ran (`done`).
 * @publicApi
 */
export type PortOneWebhookClaim =
  | { readonly state: 'claimed'; readonly token: string }
  | { readonly state: 'in-progress'; readonly retryAfterMs: number }
  | { readonly state: 'done' };

/**
 * Where deliveries are claimed so that each one is dispatched at most once, across duplicate deliveries and
 * across app instances. The module ships {@link InMemoryWebhookClaimStore} (one process) and
 * `RedisWebhookClaimStore` (`nestjs-portone/redis`, several instances); any shared store with an atomic
 * "set if absent, with expiry" can implement it.
 *
 * A store must tell an *in-progress* claim from a *done* one: the module answers a duplicate of a done
 * delivery 200 (PortOne stops sending it) but a duplicate of one still running non-2xx, since that first
 * attempt may yet throw or die and only PortOne's retry would bring the delivery back.
 * @publicApi
 */
export interface PortOneWebhookClaimStore {
  /**
   * Atomically claims `key` for `ttlMs` (the processing deadline: the claim of an instance that died
   * expires then). Resolves to `claimed` with an opaque token, or says whether the key is held by a running
   * attempt (`in-progress`) or completed (`done`).
   */
  claim(key: string, ttlMs: number): Promise<PortOneWebhookClaim>;
  /** Marks a claim done and keeps it for `ttlMs`, so that later duplicates are recognised. */
  complete(key: string, token: string, ttlMs: number): Promise<void>;
  /** Gives a claim back (its handler failed) so that the retry is dispatched. Only the holder's token releases it. */
  release(key: string, token: string): Promise<void>;
}
