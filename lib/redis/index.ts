/**
 * `nestjs-portone/redis`: a Redis-backed webhook claim store for apps running on several instances.
 * Needs `ioredis` (an optional peer dependency of nestjs-portone).
 * @module nestjs-portone/redis
 */
export { RedisWebhookClaimStore, type RedisWebhookClaimStoreOptions } from './redis-webhook-claim-store';
