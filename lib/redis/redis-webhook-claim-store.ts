import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type {
  PortOneWebhookClaim,
  PortOneWebhookClaimStore,
} from '../webhooks/claims/webhook-claim-store.interface';
import type { PortOneReconciliationStore } from '../webhooks/claims/reconciliation-store.interface';

/** Options of {@link RedisWebhookClaimStore}. @publicApi */
export interface RedisWebhookClaimStoreOptions {
  /**
   * Prefix of every key, so that several apps (or environments) can share one Redis.
   * @default 'portone:webhook:'
   */
  keyPrefix?: string;
}

// Take the claim if the key is free; otherwise say, in the same atomic step, whether its handlers ran
// (`done:` value) or are still running (how long the claim has left). {1} claimed, {2} done, {3, pttl} running.
const CLAIM = `if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return {1, 0} end
local value = redis.call('GET', KEYS[1])
if value and string.sub(value, 1, 5) == 'done:' then return {2, 0} end
return {3, redis.call('PTTL', KEYS[1])}`;
// Only the holder of a claim may complete or release it: an instance whose claim expired mid-handler must
// not touch the claim another instance took over since.
const COMPLETE_IF_HOLDER = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) else return nil end`;
const RELEASE_IF_HOLDER = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

// Reconciliation: the lease is `SET NX PX`; renewing it and writing the cursor happen only while the caller's
// token still holds the lease, checked in the same script. Both keys share a hash tag, so the script's two
// keys live in one slot of a Redis Cluster.
const RENEW_IF_HOLDER = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const WRITE_CURSOR_IF_HOLDER = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[2], ARGV[2]) return 1 else return 0 end`;

/**
 * Claims webhook deliveries in Redis, so that an app running on several instances dispatches each delivery
 * once. A claim is `SET key token NX PX ttl` (a key already there is reported in progress or done, by its
value); completing it replaces the value (`done:token`) and extends its
 * life to the dedupe window; releasing deletes it. With `webhook.reconcile` it also keeps the sweep lease and
 * the cursor (`{reconcile:<name>}:lease` and `:cursor` under the prefix). Pass your ioredis client (the app owns its connection and
 * closes it).
 *
 * @example
 * PortOneModule.forRootAsync({
 *   inject: [REDIS],
 *   useFactory: (redis: Redis) => ({ v1, webhookReceiver: { claimStore: new RedisWebhookClaimStore(redis) } }),
 *   webhook: { path: 'portone/webhook' },
 * })
 * @publicApi
 */
export class RedisWebhookClaimStore implements PortOneWebhookClaimStore, PortOneReconciliationStore {
  private readonly prefix: string;

  /** A store over an ioredis client or cluster the app owns (and closes); `options.keyPrefix` namespaces its keys. */
  constructor(
    private readonly redis: Redis | Cluster,
    options: RedisWebhookClaimStoreOptions = {},
  ) {
    this.prefix = options.keyPrefix ?? 'portone:webhook:';
  }

  async claim(key: string, ttlMs: number): Promise<PortOneWebhookClaim> {
    const token = randomUUID();
    const [found, pttl] = (await this.redis.eval(CLAIM, 1, this.prefix + key, token, String(ttlMs))) as [
      number,
      number,
    ];
    if (found === 1) return { state: 'claimed', token };
    if (found === 2) return { state: 'done' };
    // A key without expiry (pttl -1) was not written by this store: report the full processing deadline.
    return { state: 'in-progress', retryAfterMs: pttl > 0 ? pttl : ttlMs };
  }

  async complete(key: string, token: string, ttlMs: number): Promise<void> {
    await this.redis.eval(COMPLETE_IF_HOLDER, 1, this.prefix + key, token, `done:${token}`, String(ttlMs));
  }

  async release(key: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE_IF_HOLDER, 1, this.prefix + key, token);
  }

  async acquireLease(name: string, ttlMs: number): Promise<string | undefined> {
    const token = randomUUID();
    const result = await this.redis.set(this.leaseKey(name), token, 'PX', ttlMs, 'NX');
    return result === 'OK' ? token : undefined;
  }

  async renewLease(name: string, token: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.eval(RENEW_IF_HOLDER, 1, this.leaseKey(name), token, String(ttlMs))) === 1;
  }

  async releaseLease(name: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE_IF_HOLDER, 1, this.leaseKey(name), token);
  }

  async readCursor(name: string): Promise<number | undefined> {
    const value = await this.redis.get(this.cursorKey(name));
    const cursor = value === null ? NaN : Number(value);
    return Number.isSafeInteger(cursor) ? cursor : undefined;
  }

  async writeCursor(name: string, cursor: number, leaseToken: string): Promise<boolean> {
    const written = await this.redis.eval(
      WRITE_CURSOR_IF_HOLDER,
      2,
      this.leaseKey(name),
      this.cursorKey(name),
      leaseToken,
      String(cursor),
    );
    return written === 1;
  }

  private leaseKey(name: string): string {
    return `${this.prefix}{reconcile:${name}}:lease`;
  }

  private cursorKey(name: string): string {
    return `${this.prefix}{reconcile:${name}}:cursor`;
  }
}
