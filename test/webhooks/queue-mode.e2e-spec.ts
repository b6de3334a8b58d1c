import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { CvsService, PortOneModule, type PortOneModuleOptions } from '../../lib';
import { EMULATOR_WEBHOOK_SECRET, PortOneEmulator } from '../../lib/testing';
import { emulatorOptions } from '../support/portone-test-app';
import {
  eventually as waitFor,
  sendDelivery as send,
  type DeliveryAnswer,
} from '../support/webhook-delivery';
import { startRedisServer, type TestRedisServer } from '../support/redis-server';
import {
  startWebhookInstance,
  type InstanceFact,
  type WebhookInstanceProcess,
} from '../support/webhook-instance-process';

const QUEUE = {
  queueName: 'queue-mode-test',
  attempts: 3,
  backoffMs: 200,
  lockDurationMs: 2_000,
  concurrency: 5,
  enqueueTimeoutMs: 2_000,
  closeTimeoutMs: 5_000,
};
const BUYER = { name: '김결제', tel: '010-9876-5432' };

const json = { 'content-type': 'application/json' };

describe('queue mode (BullMQ): two app instances in separate processes, one real redis-server', () => {
  let emulator: PortOneEmulator;
  let redisServer: TestRedisServer;
  let inspector: Queue;
  let instances: WebhookInstanceProcess[] = [];
  /** Every instance started, killed ones included (their log lines count too). */
  let everyInstance: WebhookInstanceProcess[] = [];
  let deliveries = 0;
  const sentBodies: string[] = [];

  beforeAll(async () => {
    [emulator, redisServer] = await Promise.all([PortOneEmulator.start(), startRedisServer()]);
    const base = emulatorOptions(emulator);
    const options: PortOneModuleOptions = {
      ...base,
      v2: { ...base.v2!, webhookSecrets: [EMULATOR_WEBHOOK_SECRET] },
    };
    const plan = { options, redisPort: redisServer.port, keyPrefix: 'unused:', queue: QUEUE, handler: {} };
    instances = await Promise.all([startWebhookInstance(plan), startWebhookInstance(plan)]);
    everyInstance = [...instances];
    inspector = new Queue(QUEUE.queueName, { connection: { host: '127.0.0.1', port: redisServer.port } });
    inspector.on('error', () => undefined);
  }, 120_000);
  afterAll(async () => {
    await inspector?.close();
    await Promise.all(instances.map(instance => instance.stop()));
    await redisServer?.stop();
    await emulator?.close();
  }, 30_000);

  const eventually = (condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000) =>
    waitFor(condition, what, timeoutMs);

  const facts = (kind: string, id: string): InstanceFact[] =>
    instances.flatMap(instance => instance.facts).filter(fact => fact.kind === kind && fact.id === id);

  function v2Delivery(script: Record<string, unknown> = {}): {
    id: string;
    body: string;
    headers: Record<string, string>;
  } {
    deliveries += 1;
    const id = `wh-queue-${deliveries}`;
    const signed = emulator.signWebhook(
      {
        type: 'Transaction.Paid',
        timestamp: new Date().toISOString(),
        data: { paymentId: `p-${deliveries}`, script },
      },
      { id },
    );
    sentBodies.push(signed.body);
    return { id, body: signed.body, headers: { ...json, ...signed.headers } };
  }

  async function paidCvsPayment(): Promise<{ impUid: string; merchantUid: string }> {
    deliveries += 1;
    const client = await Test.createTestingModule({
      imports: [PortOneModule.forRoot(emulatorOptions(emulator))],
    }).compile();
    try {
      const issued = await client.get(CvsService).issue({
        channelKey: emulator.credentials.channelKeys.galaxia,
        merchantUid: `queue-order-${deliveries}`,
        amount: 1000,
        buyerName: BUYER.name,
        buyerTel: BUYER.tel,
      });
      emulator.markCvsPaid(issued.impUid);
      return { impUid: issued.impUid, merchantUid: issued.merchantUid };
    } finally {
      await client.close();
    }
  }

  it('a delivery whose handler takes 5 s is answered before its handler ends, then run once', async () => {
    const delivery = v2Delivery({ delayMs: 5_000 });
    const started = Date.now();
    const answer = await send(instances[0].webhookUrl, delivery.body, delivery.headers);
    const answeredAfterMs = Date.now() - started;
    expect(answer.status).toBe(200);
    expect(answer.body.queued).toBe(true);
    expect(facts('handler-done', delivery.id)).toHaveLength(0);
    // The handler alone takes 5 s: an answer that waited for it could not come sooner.
    expect(answeredAfterMs).toBeLessThan(2_500);
    await eventually(() => facts('handler-done', delivery.id).length === 1, 'the handler to finish');
    expect(facts('handler-start', delivery.id)).toHaveLength(1);
  }, 30_000);

  it('a handler that fails twice then succeeds runs three times and the job completes', async () => {
    const delivery = v2Delivery({ failTimes: 2 });
    expect((await send(instances[1].webhookUrl, delivery.body, delivery.headers)).status).toBe(200);
    await eventually(() => facts('handler-done', delivery.id).length === 1, 'the third run to succeed');
    expect(facts('handler-threw', delivery.id)).toHaveLength(2);
    expect(facts('handler-start', delivery.id)).toHaveLength(3);
    await eventually(
      async () => (await inspector.getJobState(`v2.${delivery.id}`)) === 'completed',
      'the job to be completed',
    );
  }, 30_000);

  it('50 concurrent copies to two instances make one job and one successful run', async () => {
    const delivery = v2Delivery();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send(instances[i % 2].webhookUrl, delivery.body, delivery.headers),
      ),
    );
    expect(answers.map(answer => answer.status)).toEqual(Array(50).fill(200));
    await eventually(() => facts('handler-done', delivery.id).length === 1, 'the one run');
    // Let any second job (there must be none) be picked up before counting.
    await new Promise(resolve => setTimeout(resolve, 500));
    expect(facts('handler-start', delivery.id)).toHaveLength(1);
    const jobs = await inspector.getJobs(['completed', 'active', 'waiting', 'delayed', 'failed']);
    expect(jobs.filter(job => (job.data as { key: string }).key === `v2:${delivery.id}`)).toHaveLength(1);
  }, 30_000);

  it("PortOne's GET /payments failing at notice time: the V1 notice is queued, then processed once PortOne answers", async () => {
    const { impUid, merchantUid } = await paidCvsPayment();
    emulator.injectFault({
      api: 'v1',
      method: 'GET',
      path: `/payments/${impUid}`,
      status: 503,
      times: Infinity,
    });
    const notice = JSON.stringify({ imp_uid: impUid, merchant_uid: merchantUid, status: 'paid' });
    sentBodies.push(notice);
    expect((await send(instances[0].webhookUrl, notice, json)).status).toBe(200);
    await eventually(
      () => emulator.requests.filter(r => r.path === `/payments/${impUid}`).length >= 3,
      'the worker to try PortOne',
    );
    expect(facts('handler-start', impUid)).toHaveLength(0);
    emulator.clearFaults();
    await eventually(() => facts('handler-done', impUid).length === 1, 'the notice to be processed', 20_000);
    expect(facts('handler-start', impUid)).toHaveLength(1);
    expect(facts('handler-done', impUid)[0].type).toBe('payment.paid');
  }, 40_000);

  it('a forged V1 notice (an imp_uid PortOne does not know) is acknowledged but dispatches nothing', async () => {
    const forged = JSON.stringify({ imp_uid: 'imp_000000000000', merchant_uid: 'x', status: 'paid' });
    expect((await send(instances[1].webhookUrl, forged, json)).status).toBe(200);
    await eventually(
      () =>
        instances.some(i =>
          i.facts.some(f => f.kind === 'log' && String(f.line).includes('dispatched nothing')),
        ),
      'the worker to re-read the notice',
    );
    expect(facts('handler-start', 'imp_000000000000')).toHaveLength(0);
    // A malformed imp_uid is refused at the route: nothing is stored.
    expect((await send(instances[1].webhookUrl, JSON.stringify({ imp_uid: 'a/b:c' }), json)).status).toBe(
      400,
    );
  }, 30_000);

  it('a job that fails every attempt stays in the failed set and is logged once (id, type, handler)', async () => {
    const delivery = v2Delivery({ failTimes: 99 });
    expect((await send(instances[0].webhookUrl, delivery.body, delivery.headers)).status).toBe(200);
    const jobId = `v2.${delivery.id}`;
    await eventually(
      async () => (await inspector.getJobState(jobId)) === 'failed',
      'the job to fail for good',
    );
    expect(facts('handler-start', delivery.id)).toHaveLength(QUEUE.attempts);
    await new Promise(resolve => setTimeout(resolve, 300));
    const lines = instances
      .flatMap(instance => instance.facts)
      .filter(fact => fact.kind === 'log' && String(fact.line).includes(jobId))
      .map(fact => String(fact.line));
    expect(lines).toEqual([
      `webhook job ${jobId} failed after 3 attempt(s): Transaction.Paid handler ScriptedHandler.onEvent threw Error`,
    ]);
    const failed = await inspector.getJob(jobId);
    expect(failed?.failedReason).toBe('Transaction.Paid handler ScriptedHandler.onEvent threw Error');
  }, 30_000);

  it('SIGKILL of the instance running a job: the other instance completes it within seconds of the lock expiring', async () => {
    const delivery = v2Delivery({ hangFirst: true });
    expect((await send(instances[0].webhookUrl, delivery.body, delivery.headers)).status).toBe(200);
    await eventually(() => facts('handler-start', delivery.id).length === 1, 'a worker to take the job');
    const holder = instances.find(instance =>
      instance.facts.some(f => f.kind === 'handler-start' && f.id === delivery.id),
    )!;
    const survivor = instances.find(instance => instance !== holder)!;
    await holder.kill();
    const killedAt = Date.now();
    instances = [survivor];
    await eventually(
      () => facts('handler-done', delivery.id).length === 1,
      'the survivor to run the job',
      20_000,
    );
    // lockDurationMs 2 s and a stalled check every 1 s: BullMQ's default (30 s check) could not make this.
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    expect(survivor.facts.filter(f => f.kind === 'handler-done' && f.id === delivery.id)).toHaveLength(1);
  }, 40_000);

  it('Redis stopped: non-2xx well within 30 s and no crash; restarted: the retried delivery is processed once', async () => {
    const [survivor] = instances;
    const port = redisServer.port;
    await redisServer.stop();
    const delivery = v2Delivery();
    const started = Date.now();
    const refused: DeliveryAnswer = await send(survivor.webhookUrl, delivery.body, delivery.headers);
    expect(refused.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(facts('handler-start', delivery.id)).toHaveLength(0);

    redisServer = await startRedisServer(10_000, port);
    // PortOne retries: the first retry after the instance has reconnected is stored and processed.
    let answer = refused;
    await eventually(
      async () => {
        answer = await send(survivor.webhookUrl, delivery.body, delivery.headers);
        return answer.status === 200;
      },
      'a retry to be stored',
      30_000,
    );
    await eventually(
      () => facts('handler-done', delivery.id).length === 1,
      'the retried delivery to run',
      20_000,
    );
    expect((await send(survivor.webhookUrl, delivery.body, delivery.headers)).status).toBe(200);
    await new Promise(resolve => setTimeout(resolve, 500));
    expect(facts('handler-start', delivery.id)).toHaveLength(1);
  }, 90_000);

  it('no log line holds a body, a secret or personal data', () => {
    const lines = everyInstance
      .flatMap(instance => instance.facts)
      .filter(fact => fact.kind === 'log')
      .map(fact => String(fact.line));
    expect(lines.length).toBeGreaterThan(0);
    const forbidden = [
      BUYER.name,
      BUYER.tel,
      BUYER.tel.replace(/-/g, ''),
      EMULATOR_WEBHOOK_SECRET,
      emulator.credentials.v1.apiSecret,
      emulator.credentials.v2.apiSecret,
      ...sentBodies,
      'script',
      'paymentId',
    ];
    for (const line of lines) for (const value of forbidden) expect(line).not.toContain(value);
  });
});
