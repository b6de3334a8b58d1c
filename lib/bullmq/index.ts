/**
 * `nestjs-portone/bullmq`: queue mode for the webhook routes, on BullMQ and Redis. Needs `bullmq` (and the
 * `ioredis` it brings), optional peer dependencies of nestjs-portone.
 * @module nestjs-portone/bullmq
 */
export { BullMqWebhookQueue } from './bullmq-webhook-queue';
export type { BullMqWebhookQueueOptions } from './bullmq-webhook-queue-options';
