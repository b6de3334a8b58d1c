import { randomUUID } from 'node:crypto';
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
export class InMemoryWebhookClaimStore implements PortOneWebhookClaimStore {
  private readonly claims = new Map<string, Claim>();
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

  private set(key: string, claim: Claim): void {
    this.claims.set(key, claim);
    if (++this.writes % PRUNE_EVERY === 0) this.prune();
  }

  private prune(): void {
    const now = this.now();
    for (const [key, claim] of this.claims) if (claim.expiresAt <= now) this.claims.delete(key);
  }
}
