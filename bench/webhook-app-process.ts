/**
 * One app instance for `npm run bench:webhooks`, in its own process: the module's webhook routes in inline
 * mode (in-memory or Redis claim store) or queue mode (BullMqWebhookQueue), and a handler that only counts.
 * Reports its URL over IPC, answers `{ type: 'count' }` with how many events the handler saw, exits when the
 * parent disconnects.
 *
 * Env: BENCH_MODE = inline-memory | inline-redis | queue, BENCH_REDIS_PORT, BENCH_MODULE_OPTIONS (JSON).
 */
import 'reflect-metadata';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import {
  OnPortOneWebhook,
  PortOneModule,
  type PortOneModuleOptions,
  type PortOneWebhookReceiverOptions,
} from '../lib';
import { BullMqWebhookQueue } from '../lib/bullmq';
import { RedisWebhookClaimStore } from '../lib/redis';

let handled = 0;

@Injectable()
class CountingHandler {
  @OnPortOneWebhook()
  onEvent(): void {
    handled += 1;
  }
}

async function main(): Promise<void> {
  const mode = process.env.BENCH_MODE;
  const port = Number(process.env.BENCH_REDIS_PORT);
  const options = JSON.parse(process.env.BENCH_MODULE_OPTIONS ?? '{}') as PortOneModuleOptions;
  const redis = mode === 'inline-redis' ? new Redis({ host: '127.0.0.1', port }) : undefined;
  const receiver: PortOneWebhookReceiverOptions =
    mode === 'queue'
      ? { queue: new BullMqWebhookQueue({ connection: { host: '127.0.0.1', port }, queueName: 'bench' }) }
      : redis
        ? { claimStore: new RedisWebhookClaimStore(redis) }
        : {};

  @Module({
    imports: [
      PortOneModule.forRoot({ ...options, webhookReceiver: receiver, webhook: { path: 'portone/webhook' } }),
    ],
    providers: [CountingHandler],
  })
  class BenchWebhookModule {}

  const app = await NestFactory.create(BenchWebhookModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'count') process.send?.({ type: 'count', count: handled });
  });
  process.send?.({ url: `http://127.0.0.1:${address.port}/portone/webhook` });
  process.on('disconnect', () => {
    void app
      .close()
      .then(() => redis?.quit())
      .finally(() => process.exit(0));
  });
}

void main();
