import Redis from 'ioredis';
import { RedisWebhookClaimStore } from '../../lib/redis';
import { CvsService, type PortOneModuleOptions, type PortOneWebhookClaim } from '../../lib';
import { EMULATOR_WEBHOOK_SECRET, PortOneEmulator } from '../../lib/testing';
import { emulatorOptions } from '../support/portone-test-app';
import { startRedisServer, type TestRedisServer } from '../support/redis-server';
import { post, startWebhookApp, type WebhookTestApp } from '../support/webhook-test-app';

/** A V2 event with the fields PortOne's SDK declares for it (the module refuses one without them). */
const paidEvent = {
  type: 'Transaction.Paid',
  timestamp: '2026-11-29T00:00:00Z',
  data: { storeId: 's', paymentId: 'p', transactionId: 't' },
};

describe('RedisWebhookClaimStore against a real redis-server', () => {
  let server: TestRedisServer;
  let redis: Redis;

  beforeAll(async () => {
    server = await startRedisServer();
    redis = new Redis({ host: '127.0.0.1', port: server.port, maxRetriesPerRequest: 1, lazyConnect: false });
  });
  afterAll(async () => {
    await redis?.quit();
    await server?.stop();
  });

  describe('the store', () => {
    const store = () => new RedisWebhookClaimStore(redis, { keyPrefix: 'test:store:' });

    const tokenOf = (claim: PortOneWebhookClaim): string => {
      if (claim.state !== 'claimed') throw new Error(`expected a claim, got ${claim.state}`);
      return claim.token;
    };

    it('claims once, tells in progress from done, completes and releases only for the holder', async () => {
      const a = store();
      const b = store();
      const token = tokenOf(await a.claim('k1', 10_000));
      const running = await b.claim('k1', 10_000);
      expect(running).toEqual({ state: 'in-progress', retryAfterMs: expect.any(Number) });
      expect((running as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(9_000);
      expect((running as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(10_000);

      await b.release('k1', 'not-the-token');
      expect((await b.claim('k1', 10_000)).state).toBe('in-progress');
      await a.release('k1', token);
      const again = tokenOf(await b.claim('k1', 10_000));

      await b.complete('k1', again, 60_000);
      expect(await redis.pttl('test:store:k1')).toBeGreaterThan(10_000);
      expect(await a.claim('k1', 10_000)).toEqual({ state: 'done' });
      // A completed claim is no longer releasable with the old token by anyone else.
      await a.release('k1', 'x');
      expect(await a.claim('k1', 10_000)).toEqual({ state: 'done' });
    });

    it('a claim whose holder died expires after its ttl', async () => {
      const a = store();
      expect((await a.claim('k2', 50)).state).toBe('claimed');
      expect((await a.claim('k2', 50)).state).toBe('in-progress');
      await new Promise(resolve => setTimeout(resolve, 120));
      expect((await a.claim('k2', 50)).state).toBe('claimed');
    });

    it('concurrent claims of one key: exactly one wins, the others see it in progress', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => store().claim('k3', 10_000)));
      expect(results.filter(claim => claim.state === 'claimed')).toHaveLength(1);
      expect(results.filter(claim => claim.state === 'in-progress')).toHaveLength(19);
    });
  });

  describe('two app instances sharing the store', () => {
    let emulator: PortOneEmulator;
    let first: WebhookTestApp;
    let second: WebhookTestApp;

    function options(): PortOneModuleOptions {
      const base = emulatorOptions(emulator);
      return {
        ...base,
        v2: { ...base.v2!, webhookSecrets: [EMULATOR_WEBHOOK_SECRET] },
        webhookReceiver: { claimStore: new RedisWebhookClaimStore(redis, { keyPrefix: 'test:apps:' }) },
      };
    }

    beforeAll(async () => {
      emulator = await PortOneEmulator.start();
      first = await startWebhookApp(options());
      second = await startWebhookApp(options());
    });
    afterAll(async () => {
      await first?.close();
      await second?.close();
      await emulator?.close();
    });
    beforeEach(() => {
      first.handlers.reset();
      second.handlers.reset();
    });

    const dispatched = () => first.handlers.events.length + second.handlers.events.length;

    it('a V2 delivery sent to both instances at once is dispatched once', async () => {
      const signed = emulator.signWebhook(paidEvent, { id: 'wh-shared-1' });
      const headers = { 'content-type': 'application/json', ...signed.headers };
      const answers = await Promise.all([
        post(first.webhookUrl, signed.body, headers),
        post(second.webhookUrl, signed.body, headers),
      ]);
      // One copy is dispatched; the other is either told to retry (503: it arrived while the first ran) or,
      // had the first finished already, acknowledged as a duplicate. Once done, a retry is a duplicate.
      expect(answers.filter(a => a.status === 200 && a.body.duplicate === false)).toHaveLength(1);
      expect(answers.every(a => a.status === 200 || a.status === 503)).toBe(true);
      expect(dispatched()).toBe(1);
      const retry = await post(second.webhookUrl, signed.body, headers);
      expect(retry.status).toBe(200);
      expect(retry.body.duplicate).toBe(true);
      expect(dispatched()).toBe(1);
    });

    it('a V1 notice delivered to both instances is dispatched once', async () => {
      const issued = await first.app.get(CvsService).issue({
        channelKey: emulator.credentials.channelKeys.galaxia,
        merchantUid: 'shared-order-1',
        amount: 1000,
        noticeUrl: [first.webhookUrl, second.webhookUrl],
      });
      const result = await emulator.payAtStore(issued.impUid);
      expect(result.notices.map(n => n.status)).toEqual([200, 200]);
      expect(dispatched()).toBe(1);
    });

    it('a handler that throws on one instance releases the claim: the retry on the other is dispatched', async () => {
      first.handlers.failuresLeft = 1;
      const signed = emulator.signWebhook(paidEvent, { id: 'wh-shared-2' });
      const headers = { 'content-type': 'application/json', ...signed.headers };
      expect((await post(first.webhookUrl, signed.body, headers)).status).toBe(500);
      expect((await post(second.webhookUrl, signed.body, headers)).status).toBe(200);
      expect(second.handlers.events).toHaveLength(1);
      expect(dispatched()).toBe(1);
    });

    it('Redis down: 503 (PortOne retries) and nothing dispatched', async () => {
      // Never connected, no offline queue: every command fails at once, as with Redis unreachable.
      const broken = new Redis({
        host: '127.0.0.1',
        port: server.port,
        lazyConnect: true,
        enableOfflineQueue: false,
      });
      broken.on('error', () => undefined);
      const base = emulatorOptions(emulator);
      const app = await startWebhookApp({
        ...base,
        v2: { ...base.v2!, webhookSecrets: [EMULATOR_WEBHOOK_SECRET] },
        webhookReceiver: { claimStore: new RedisWebhookClaimStore(broken) },
      });
      try {
        const delivery = await emulator.sendV2Webhook(app.webhookUrl, paidEvent);
        expect(delivery.status).toBe(503);
        expect(app.handlers.events).toEqual([]);
      } finally {
        await app.close();
        broken.disconnect();
      }
    });
  });
});
