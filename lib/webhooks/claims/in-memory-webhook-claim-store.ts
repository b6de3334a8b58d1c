import { randomUUID } from 'node:crypto';
import type { PortOneReconciliationStore } from './reconciliation-store.interface';
import type { PortOneWebhookClaim, PortOneWebhookClaimStore } from './webhook-claim-store.interface';

interface Claim {
  readonly token: string;
  readonly expiresAt: number;
  /** The handlers ran: duplicates are answered 200 until `expiresAt`. */
  readonly done: boolean;
}

/** Claims a process has to look at before pruning expired ones, so memory stays bounded. */
const PRUNE_EVERY = 1_000;

/**
 * The default claim store: a Map in this process. Enough for one instance; apps running several instances
 * need a shared store such as `RedisWebhookClaimStore` from `nestjs-portone/redis`.
 * @publicApi
 */
export class InMemoryWebhookClaimStore implements PortOneWebhookClaimStore, PortOneReconciliationStore {
  private readonly claims = new Map<string, Claim>();
  /** Reconciliation leases and cursors: a handful of names, never pruned. */
  private readonly leases = new Map<string, { readonly token: string; readonly expiresAt: number }>();
  private readonly cursors = new Map<string, number>();
  private writes = 0;

  /**
   * A store in this process's memory, for an app on one instance.
   * @param now the clock claims expire by (tests pass a fake one); the system clock by default.
   */
  constructor(private readonly now: () => number = Date.now) {}

  claim(key: string, ttlMs: number): Promise<PortOneWebhookClaim> {
    const now = this.now();
    const existing = this.claims.get(key);
    if (existing && existing.expiresAt > now) {
      return Promise.resolve(
        existing.done ? { state: 'done' } : { state: 'in-progress', retryAfterMs: existing.expiresAt - now },
      );
    }
    const token = randomUUID();
    this.set(key, { token, expiresAt: now + ttlMs, done: false });
    return Promise.resolve({ state: 'claimed', token });
  }

  complete(key: string, token: string, ttlMs: number): Promise<void> {
    if (this.claims.get(key)?.token === token)
      this.set(key, { token, expiresAt: this.now() + ttlMs, done: true });
    return Promise.resolve();
  }

  release(key: string, token: string): Promise<void> {
    if (this.claims.get(key)?.token === token) this.claims.delete(key);
    return Promise.resolve();
  }

  acquireLease(name: string, ttlMs: number): Promise<string | undefined> {
    const lease = this.leases.get(name);
    if (lease && lease.expiresAt > this.now()) return Promise.resolve(undefined);
    const token = randomUUID();
    this.leases.set(name, { token, expiresAt: this.now() + ttlMs });
    return Promise.resolve(token);
  }

  renewLease(name: string, token: string, ttlMs: number): Promise<boolean> {
    if (!this.holds(name, token)) return Promise.resolve(false);
    this.leases.set(name, { token, expiresAt: this.now() + ttlMs });
    return Promise.resolve(true);
  }

  releaseLease(name: string, token: string): Promise<void> {
    if (this.leases.get(name)?.token === token) this.leases.delete(name);
    return Promise.resolve();
  }

  readCursor(name: string): Promise<number | undefined> {
    return Promise.resolve(this.cursors.get(name));
  }

  writeCursor(name: string, cursor: number, leaseToken: string): Promise<boolean> {
    if (!this.holds(name, leaseToken)) return Promise.resolve(false);
    this.cursors.set(name, cursor);
    return Promise.resolve(true);
  }

  private holds(name: string, token: string): boolean {
    const lease = this.leases.get(name);
    return lease !== undefined && lease.token === token && lease.expiresAt > this.now();
  }

  private set(key: string, claim: Claim): void {
    this.claims.set(key, claim);
    if (++this.writes % PRUNE_EVERY === 0) this.prune();
  }

  private prune(): void {
    const now = this.now();
    for (const [key, claim] of this.claims) if (claim.expiresAt <= now) this.claims.delete(key);
  }
}
