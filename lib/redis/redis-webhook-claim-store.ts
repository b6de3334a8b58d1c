import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { PortOneWebhookClaimStore } from '../webhooks/claims/webhook-claim-store.interface';

/** Options of {@link RedisWebhookClaimStore}. @publicApi */
export interface RedisWebhookClaimStoreOptions {
  /**
   * Prefix of every key, so that several apps (or environments) can share one Redis.
   * @default 'portone:webhook:'
   */
  keyPrefix?: string;
}

// Only the holder of a claim may complete or release it: an instance whose claim expired mid-handler must
// not touch the claim another instance took over since.
const COMPLETE_IF_HOLDER = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) else return nil end`;
const RELEASE_IF_HOLDER = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * Claims webhook deliveries in Redis, so that an app running on several instances dispatches each delivery
 * once. A claim is `SET key token NX PX ttl`; completing it replaces the value (`done:token`) and extends its
 * life to the dedupe window; releasing deletes it. Pass your ioredis client (the app owns its connection and
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
export class RedisWebhookClaimStore implements PortOneWebhookClaimStore {
  private readonly prefix: string;

  constructor(
    private readonly redis: Redis | Cluster,
    options: RedisWebhookClaimStoreOptions = {},
  ) {
    this.prefix = options.keyPrefix ?? 'portone:webhook:';
  }

  async claim(key: string, ttlMs: number): Promise<string | undefined> {
    const token = randomUUID();
    const result = await this.redis.set(this.prefix + key, token, 'PX', ttlMs, 'NX');
    return result === 'OK' ? token : undefined;
  }

  async complete(key: string, token: string, ttlMs: number): Promise<void> {
    await this.redis.eval(COMPLETE_IF_HOLDER, 1, this.prefix + key, token, `done:${token}`, String(ttlMs));
  }

  async release(key: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE_IF_HOLDER, 1, this.prefix + key, token);
  }
}
