import Redis from 'ioredis';
import { RedisWebhookClaimStore } from '../../lib/redis';
import { InMemoryWebhookClaimStore, type PortOneReconciliationStore } from '../../lib';
import { PortOneEmulator } from '../../lib/testing';
import { CapturingLogger } from '../support/capturing-logger';
import { sleep, waitFor } from '../support/emulator-http';
import { createPortOneTestApp, emulatorOptions } from '../support/portone-test-app';
import { deadUrl, issueBarcode, nextSweeps, sweepLines, v1Events } from '../support/reconciliation-fixtures';
import { startRedisServer, type TestRedisServer } from '../support/redis-server';
import { startWebhookApp, type WebhookTestApp } from '../support/webhook-test-app';

const INTERVAL_MS = 150;
const PREFIX = 'test:reconcile:';

/** The Redis store, counting how many instances hold the sweep lease at once (all instances share the count). */
class CountingRedisStore extends RedisWebhookClaimStore {
  static holding = 0;
  static mostAtOnce = 0;
  static acquired = 0;

  override async acquireLease(name: string, ttlMs: number): Promise<string | undefined> {
    const token = await super.acquireLease(name, ttlMs);
    if (token !== undefined) {
      CountingRedisStore.acquired += 1;
      CountingRedisStore.holding += 1;
      CountingRedisStore.mostAtOnce = Math.max(CountingRedisStore.mostAtOnce, CountingRedisStore.holding);
    }
    return token;
  }

  override async releaseLease(name: string, token: string): Promise<void> {
    CountingRedisStore.holding -= 1;
    await super.releaseLease(name, token);
  }
}

describe.each([
  ['RedisWebhookClaimStore', 'redis'],
  ['InMemoryWebhookClaimStore', 'memory'],
] as const)('%s as a reconciliation store', (_name, kind) => {
  let server: TestRedisServer | undefined;
  let redis: Redis | undefined;
  let store: PortOneReconciliationStore;

  beforeAll(async () => {
    if (kind === 'redis') {
      server = await startRedisServer();
      redis = new Redis({ host: '127.0.0.1', port: server.port, maxRetriesPerRequest: 1 });
      store = new RedisWebhookClaimStore(redis, { keyPrefix: 'test:lease:' });
    } else {
      store = new InMemoryWebhookClaimStore();
    }
  });
  afterAll(async () => {
    await redis?.quit();
    await server?.stop();
  });

  it('one lease holder at a time; only the holder renews, releases and writes the cursor', async () => {
    const token = await store.acquireLease('a', 10_000);
    expect(token).toEqual(expect.any(String));
    expect(await store.acquireLease('a', 10_000)).toBeUndefined();
    expect(await store.renewLease('a', 'someone-else', 10_000)).toBe(false);
    expect(await store.renewLease('a', token!, 10_000)).toBe(true);

    expect(await store.readCursor('a')).toBeUndefined();
    expect(await store.writeCursor('a', 1_700_000_000_000, 'someone-else')).toBe(false);
    expect(await store.readCursor('a')).toBeUndefined();
    expect(await store.writeCursor('a', 1_700_000_000_000, token!)).toBe(true);
    expect(await store.readCursor('a')).toBe(1_700_000_000_000);

    await store.releaseLease('a', 'someone-else');
    expect(await store.acquireLease('a', 10_000)).toBeUndefined();
    await store.releaseLease('a', token!);
    const next = await store.acquireLease('a', 10_000);
    expect(next).toEqual(expect.any(String));
    // The lease is gone with its holder: the old token writes nothing.
    expect(await store.writeCursor('a', 1, token!)).toBe(false);
    expect(await store.readCursor('a')).toBe(1_700_000_000_000);
  });

  it('a lease whose holder died expires after its ttl', async () => {
    expect(await store.acquireLease('b', 50)).toEqual(expect.any(String));
    expect(await store.acquireLease('b', 50)).toBeUndefined();
    await sleep(120);
    expect(await store.acquireLease('b', 50)).toEqual(expect.any(String));
  });

  it('concurrent acquisitions: exactly one wins', async () => {
    const tokens = await Promise.all(Array.from({ length: 20 }, () => store.acquireLease('c', 10_000)));
    expect(tokens.filter(token => token !== undefined)).toHaveLength(1);
  });
});

describe('webhook reconciliation: two app instances sharing Redis', () => {
  let server: TestRedisServer;
  let emulator: PortOneEmulator;
  const clients: Redis[] = [];

  async function instance(logger: CapturingLogger): Promise<WebhookTestApp> {
    const redis = new Redis({ host: '127.0.0.1', port: server.port, maxRetriesPerRequest: 1 });
    clients.push(redis);
    return startWebhookApp(
      emulatorOptions(emulator, {
        logger,
        webhookReceiver: { claimStore: new CountingRedisStore(redis, { keyPrefix: PREFIX }) },
      }),
      { reconcile: { intervalMs: INTERVAL_MS, overlapMs: 1_000, lookBackMs: 3_600_000 } },
    );
  }

  beforeAll(async () => {
    server = await startRedisServer();
    emulator = await PortOneEmulator.start({ strict: true });
  });
  afterAll(async () => {
    await Promise.all(clients.map(client => client.quit()));
    await emulator?.close();
    await server?.stop();
  });

  it('one sweep at a time, each payment dispatched once, and a restarted instance resumes from the shared cursor', async () => {
    const loggerA = new CapturingLogger();
    const loggerB = new CapturingLogger();
    const a = await instance(loggerA);
    const b = await instance(loggerB);
    const lost = await deadUrl();
    const paid: string[] = [];
    try {
      for (let round = 0; round < 6; round++) {
        const batch = await Promise.all(Array.from({ length: 5 }, () => issueBarcode(a, emulator, lost)));
        for (const payment of batch) {
          await emulator.payAtStore(payment.impUid);
          paid.push(payment.impUid);
        }
        await sleep(INTERVAL_MS);
      }
      const dispatched = () => [...v1Events(a), ...v1Events(b)].map(event => event.payment.impUid);
      await waitFor(() => dispatched().length >= paid.length, 15_000);
      // A few more intervals: nothing dispatched twice by either instance.
      await nextSweeps(loggerA, sweepLines(loggerA).length, 1);
      await nextSweeps(loggerB, sweepLines(loggerB).length, 1);
      expect(dispatched().sort()).toEqual([...paid].sort());
      expect(v1Events(a).every(event => event.source === 'reconciliation')).toBe(true);
      // Both instances swept (each logged a sweep above), taking turns, never two at once.
      expect(CountingRedisStore.acquired).toBeGreaterThan(2);
      expect(CountingRedisStore.mostAtOnce).toBe(1);
    } finally {
      await a.close();
      await b.close();
    }

    // Both are gone; a barcode is paid meanwhile, its notice lost. A new instance carries on from the cursor.
    const cursor = await new RedisWebhookClaimStore(clients[0], { keyPrefix: PREFIX }).readCursor('default');
    expect(cursor).toEqual(expect.any(Number));
    const issuer = await createPortOneTestApp(emulatorOptions(emulator));
    const whileDown = await issuer.cvs.issue({
      channelKey: emulator.credentials.channelKeys.galaxia,
      merchantUid: 'paid-while-down',
      amount: 7_000,
      noticeUrl: [lost],
    });
    await issuer.close();
    emulator.markCvsPaid(whileDown.impUid);
    emulator.clearRequests();

    const loggerC = new CapturingLogger();
    const c = await instance(loggerC);
    try {
      await waitFor(() => v1Events(c).length === 1, 10_000);
      expect(v1Events(c)[0].payment.impUid).toBe(whileDown.impUid);
      const firstList = emulator.requests.find(request => request.path === '/payments/status/paid')!;
      // From the shared cursor minus the overlap, not from lookBackMs (an hour) ago.
      expect(Number(firstList.query.from)).toBe(Math.floor((cursor! - 1_000) / 1000));
    } finally {
      await c.close();
    }
  });
});
