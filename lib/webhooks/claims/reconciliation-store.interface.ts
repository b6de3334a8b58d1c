/**
 * What webhook reconciliation keeps beside the delivery claims, in the same (possibly shared) store: a lease,
 * so that one instance sweeps at a time, and the cursor (the time up to which PortOne's records were
 * reconciled), so that a restarted instance, or another one, carries on from it. `InMemoryWebhookClaimStore`
 * and `RedisWebhookClaimStore` implement it; a custom claim store needs these five methods too when
 * `webhook.reconcile` is on.
 * @publicApi
 */
export interface PortOneReconciliationStore {
  /** Takes the lease `name` for `ttlMs` if nobody holds it (or its holder's expired): a token, else undefined. */
  acquireLease(name: string, ttlMs: number): Promise<string | undefined>;
  /** Extends the lease for `ttlMs` from now while `token` holds it. False when it was lost (nothing changed). */
  renewLease(name: string, token: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease back. Only the holder's token releases it. */
  releaseLease(name: string, token: string): Promise<void>;
  /** The cursor of `name` (epoch milliseconds), or undefined before the first complete sweep. */
  readCursor(name: string): Promise<number | undefined>;
  /**
   * Stores the cursor of `name` only while `leaseToken` holds the lease `name`, in one atomic step, so that a
   * sweep that lost its lease never moves the cursor under the one that took over. False when nothing was
   * written.
   */
  writeCursor(name: string, cursor: number, leaseToken: string): Promise<boolean>;
}

/** The five methods, for the configuration check. @internal */
export const RECONCILIATION_STORE_METHODS = [
  'acquireLease',
  'renewLease',
  'releaseLease',
  'readCursor',
  'writeCursor',
] as const;
