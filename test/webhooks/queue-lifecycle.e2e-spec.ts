import Redis from 'ioredis';
import { CvsService, PortOneConfigurationError, type PortOneModuleOptions } from '../../lib';
import { resolveModuleOptions } from '../../lib/options/resolve-options';
import { BullMqWebhookQueue } from '../../lib/bullmq';
import { EMULATOR_WEBHOOK_SECRET, PortOneEmulator } from '../../lib/testing';
import { emulatorOptions } from '../support/portone-test-app';
import { eventually } from '../support/webhook-delivery';
import { startRedisServer, type TestRedisServer } from '../support/redis-server';
import { post, startWebhookApp, type WebhookTestApp } from '../support/webhook-test-app';

describe('queue mode in one process: shutdown, connections, CVS confirm, options', () => {
  let emulator: PortOneEmulator;
  let redisServer: TestRedisServer;
  let redis: Redis;
  let queues = 0;

  beforeAll(async () => {
    [emulator, redisServer] = await Promise.all([PortOneEmulator.start(), startRedisServer()]);
    redis = new Redis({ host: '127.0.0.1', port: redisServer.port });
  });
  afterAll(async () => {
    await redis?.quit();
    await redisServer?.stop();
    await emulator?.close();
  });

  const connectedClients = async (): Promise<number> =>
    String(await redis.client('LIST'))
      .split('\n')
      .filter(line => line.trim() !== '').length;

  function options(queue: BullMqWebhookQueue): PortOneModuleOptions {
    const base = emulatorOptions(emulator);
    return {
      ...base,
      v2: { ...base.v2!, webhookSecrets: [EMULATOR_WEBHOOK_SECRET] },
      webhookReceiver: { queue },
    };
  }

  function queueOn(
    connection: ConstructorParameters<typeof BullMqWebhookQueue>[0]['connection'],
    closeTimeoutMs = 5_000,
  ) {
    queues += 1;
    return new BullMqWebhookQueue({
      connection,
      queueName: `lifecycle-${queues}`,
      closeTimeoutMs,
      backoffMs: 50,
    });
  }

  function signed(id: string) {
    const delivery = emulator.signWebhook({ type: 'Transaction.Paid', data: { paymentId: id } }, { id });
    return { body: delivery.body, headers: { 'content-type': 'application/json', ...delivery.headers } };
  }

  it('app.close() waits for a running handler, then closes the Redis connections it opened', async () => {
    const before = await connectedClients();
    const web = await startWebhookApp(options(queueOn({ host: '127.0.0.1', port: redisServer.port })));
    let letGo!: () => void;
    web.handlers.hold = () => new Promise<void>(resolve => (letGo = resolve));
    const delivery = signed('wh-close-1');
    expect((await post(web.webhookUrl, delivery.body, delivery.headers)).status).toBe(200);
    await eventually(() => web.handlers.started === 1, 'the worker to run the handler');
    expect(await connectedClients()).toBeGreaterThan(before);

    const closing = web.close();
    let closed = false;
    void closing.then(() => (closed = true));
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(closed).toBe(false);
    letGo();
    await closing;
    expect(web.handlers.events).toHaveLength(1);
    await eventually(async () => (await connectedClients()) === before, 'the queue connections to close');
  });

  it('app.close() is bounded: a handler that never ends is abandoned after closeTimeoutMs', async () => {
    const web = await startWebhookApp(options(queueOn({ host: '127.0.0.1', port: redisServer.port }, 300)));
    web.handlers.hold = () => new Promise<void>(() => undefined);
    const delivery = signed('wh-close-2');
    expect((await post(web.webhookUrl, delivery.body, delivery.headers)).status).toBe(200);
    await eventually(() => web.handlers.started === 1, 'the worker to run the handler');
    const started = Date.now();
    await web.close();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('with an app-owned ioredis instance: the app keeps its connection, the worker duplicate is closed', async () => {
    const appRedis = new Redis({ host: '127.0.0.1', port: redisServer.port });
    try {
      await appRedis.ping();
      const before = await connectedClients();
      const web = await startWebhookApp(options(queueOn(appRedis)));
      const delivery = signed('wh-owned-1');
      expect((await post(web.webhookUrl, delivery.body, delivery.headers)).status).toBe(200);
      await eventually(() => web.handlers.events.length === 1, 'the worker to dispatch');
      await web.close();
      expect(appRedis.status).toBe('ready');
      await eventually(async () => (await connectedClients()) === before, 'the worker connections to close');
    } finally {
      await appRedis.quit();
    }
  });

  it('the CVS confirm call stays synchronous in queue mode; the paid notice is queued and dispatched', async () => {
    const web: WebhookTestApp = await startWebhookApp(
      options(queueOn({ host: '127.0.0.1', port: redisServer.port })),
    );
    try {
      const issue = (merchantUid: string) =>
        web.app.get(CvsService).issue({
          channelKey: emulator.credentials.channelKeys.galaxia,
          merchantUid,
          amount: 1000,
          confirmUrl: `${web.webhookUrl}/cvs-confirm`,
          noticeUrl: [web.webhookUrl],
        });
      web.handlers.decide = () => false;
      const refused = await emulator.payAtStore((await issue('queue-confirm-1')).impUid);
      expect(refused.outcome).toBe('refused');
      expect(refused.confirm?.status).toBe(403);
      expect(web.handlers.confirms).toHaveLength(1);

      web.handlers.decide = () => true;
      const paid = await emulator.payAtStore((await issue('queue-confirm-2')).impUid);
      expect(paid.outcome).toBe('paid');
      expect(paid.notices.map(n => n.status)).toEqual([200]);
      await eventually(() => web.handlers.events.length === 1, 'the worker to dispatch the notice');
      expect(web.handlers.events[0]).toMatchObject({ api: 'v1', type: 'payment.paid' });
    } finally {
      await web.close();
    }
  });

  it('bad options: a typed error naming each option and rule, before any connection', () => {
    expect(
      () =>
        new BullMqWebhookQueue({
          connection: { port: 1 },
          attempts: 0,
          lockDurationMs: 1.5,
          queueName: 'a:b',
        }),
    ).toThrow(PortOneConfigurationError);
    try {
      new BullMqWebhookQueue({ connection: { port: 1 }, attempts: 0, lockDurationMs: 1.5, queueName: 'a:b' });
    } catch (error) {
      expect((error as PortOneConfigurationError).problems).toEqual([
        "BullMqWebhookQueue queueName must be 1 to 100 letters, digits, '_', '.' or '-'",
        'BullMqWebhookQueue attempts must be a positive integer',
        'BullMqWebhookQueue lockDurationMs must be a positive integer',
      ]);
    }
    expect(() =>
      resolveModuleOptions({ ...emulatorOptions(emulator), webhookReceiver: { queue: {} } }),
    ).toThrow(/webhookReceiver\.queue must implement enqueue, start and close/);
  });
});
