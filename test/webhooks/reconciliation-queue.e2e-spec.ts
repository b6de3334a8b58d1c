import { Queue } from 'bullmq';
import { BullMqWebhookQueue } from '../../lib/bullmq';
import { jobIdOf } from '../../lib/bullmq/bullmq-webhook-queue';
import { PortOneEmulator } from '../../lib/testing';
import { CapturingLogger } from '../support/capturing-logger';
import { waitFor } from '../support/emulator-http';
import { eventually } from '../support/webhook-delivery';
import { emulatorOptions } from '../support/portone-test-app';
import {
  betweenSweeps,
  deadUrl,
  gate,
  issueBarcode,
  nextSweeps,
  sweepLines,
  v1Events,
} from '../support/reconciliation-fixtures';
import { startRedisServer, type TestRedisServer } from '../support/redis-server';
import {
  PaidEvents,
  payUnnoticed,
  startTwoRegistrations,
  sweptBy,
} from '../support/two-registrations-reconciliation';
import { post, startWebhookApp, type WebhookTestApp } from '../support/webhook-test-app';

const INTERVAL_MS = 200;
const OVERLAP_MS = 1_000;
const QUEUE_NAME = 'reconciliation-queue-test';

/** An app in queue mode with reconciliation on, its own emulator and redis-server, and a queue inspector. */
interface QueueModeRig {
  emulator: PortOneEmulator;
  redisServer: TestRedisServer;
  inspector: Queue;
  web: WebhookTestApp;
  logger: CapturingLogger;
}

async function startRig(queueName: string): Promise<QueueModeRig> {
  const logger = new CapturingLogger();
  const [emulator, redisServer] = await Promise.all([
    PortOneEmulator.start({ strict: true }),
    startRedisServer(),
  ]);
  const queue = new BullMqWebhookQueue({
    connection: { host: '127.0.0.1', port: redisServer.port },
    queueName,
    backoffMs: 50,
    enqueueTimeoutMs: 500,
    closeTimeoutMs: 2_000,
  });
  const web = await startWebhookApp(
    { ...emulatorOptions(emulator, { logger }), webhookReceiver: { queue } },
    { reconcile: { intervalMs: INTERVAL_MS, overlapMs: OVERLAP_MS, lookBackMs: 60_000 } },
  );
  const inspector = new Queue(queueName, { connection: { host: '127.0.0.1', port: redisServer.port } });
  inspector.on('error', () => undefined);
  return { emulator, redisServer, inspector, web, logger };
}

async function stopRig(rig: QueueModeRig | undefined): Promise<void> {
  await rig?.web.close();
  await rig?.inspector.close();
  await rig?.redisServer.stop();
  await rig?.emulator.close();
}

/**
 * Reconciliation in queue mode (`webhookReceiver.queue`, BullMQ on a real redis-server): a sweep hands each
 * payment to the queue under its notice's delivery key instead of running the handlers itself, so the
 * worker runs them, and a notice and a sweep of the same payment make one job.
 */
describe('webhook reconciliation in queue mode (BullMQ, real redis-server)', () => {
  let rig: QueueModeRig;
  let emulator: PortOneEmulator;
  let inspector: Queue;
  let web: WebhookTestApp;
  let logger: CapturingLogger;

  beforeAll(async () => {
    rig = await startRig(QUEUE_NAME);
    ({ emulator, inspector, web, logger } = rig);
  }, 60_000);
  afterAll(() => stopRig(rig), 30_000);
  beforeEach(() => web.handlers.reset());

  /** Every job the queue holds, whatever its state (completed ones are kept: their ids deduplicate). */
  const jobCount = async (): Promise<number> =>
    Object.values(await inspector.getJobCounts()).reduce((sum, count) => sum + count, 0);
  const paidKey = (impUid: string): string => `v1:${impUid}:paid`;

  it('a lost notice: the sweep queues the payment and the worker runs the handler, once', async () => {
    const jobsBefore = await jobCount();
    const issued = await issueBarcode(web, emulator, await deadUrl());
    const paid = await emulator.payAtStore(issued.impUid);
    expect(paid.notices.map(notice => notice.status)).toEqual([undefined]); // nobody answered

    await waitFor(() => v1Events(web).length === 1, 10_000);
    expect(v1Events(web)[0]).toMatchObject({
      type: 'payment.paid',
      source: 'reconciliation',
      payment: { impUid: issued.impUid, status: 'paid' },
    });
    // Queued, not dispatched inline: the job under the notice's key, which the worker ran.
    const job = await inspector.getJob(jobIdOf(paidKey(issued.impUid)));
    expect(job?.data).toMatchObject({
      key: paidKey(issued.impUid),
      job: { kind: 'v1-payment', impUid: issued.impUid, source: 'reconciliation' },
    });
    await eventually(async () => (await job!.getState()) === 'completed', 'the job to complete', 5_000);
    expect(sweepLines(logger).some(line => /complete: .*dispatched=0 queued=[1-9]/.test(line))).toBe(true);
    expect(sweepLines(logger).every(line => !line.includes('dispatched=1'))).toBe(true);

    // Later sweeps list it again (overlap) and queue it again: the queue adds nothing, the handler ran once.
    await nextSweeps(logger, sweepLines(logger).length, 3);
    expect(web.handlers.started).toBe(1);
    expect(await jobCount()).toBe(jobsBefore + 1);
  }, 30_000);

  it('the notice first (its handler still running), then sweeps of the same payment: one job, one dispatch', async () => {
    const jobsBefore = await jobCount();
    const hold = gate();
    web.handlers.hold = hold.wait;
    const issued = await issueBarcode(web, emulator, web.webhookUrl);
    const paid = await emulator.payAtStore(issued.impUid);
    expect(paid.notices.map(notice => notice.status)).toEqual([200]); // queued
    await waitFor(() => web.handlers.started === 1, 10_000);

    // Sweeps meanwhile list it and queue it under the same key: nothing added, nothing run twice.
    const seen = sweepLines(logger).length;
    const during = await nextSweeps(logger, seen, 2);
    expect(during.at(-1)).toMatch(/complete: .*queued=[1-9].*cursor advanced/);
    hold.open();
    await waitFor(() => v1Events(web).length === 1, 10_000);
    await nextSweeps(logger, sweepLines(logger).length, 2);
    expect(web.handlers.started).toBe(1);
    expect(v1Events(web)[0]).toMatchObject({ source: 'notice', payment: { impUid: issued.impUid } });
    expect(await jobCount()).toBe(jobsBefore + 1);
  }, 30_000);

  it('the sweep first, then the notice arrives late: answered 200, one job, one dispatch', async () => {
    const jobsBefore = await jobCount();
    const issued = await issueBarcode(web, emulator, await deadUrl());
    emulator.markCvsPaid(issued.impUid);
    await waitFor(() => v1Events(web).length === 1, 10_000);

    const late = await post(
      web.webhookUrl,
      JSON.stringify({ imp_uid: issued.impUid, merchant_uid: issued.merchantUid, status: 'paid' }),
    );
    expect(late.status).toBe(200);
    await nextSweeps(logger, sweepLines(logger).length, 2);
    expect(web.handlers.started).toBe(1);
    expect(v1Events(web)[0].source).toBe('reconciliation');
    expect(await jobCount()).toBe(jobsBefore + 1);
  }, 30_000);

  it('notices and sweeps at the same moment, many times over: one job and one dispatch per payment', async () => {
    const jobsBefore = await jobCount();
    const payments = await Promise.all(
      Array.from({ length: 20 }, () => issueBarcode(web, emulator, web.webhookUrl)),
    );
    for (const payment of payments) emulator.markCvsPaid(payment.impUid);
    const answers = await Promise.all(
      payments.map(payment =>
        post(
          web.webhookUrl,
          JSON.stringify({ imp_uid: payment.impUid, merchant_uid: payment.merchantUid, status: 'paid' }),
        ),
      ),
    );
    expect(answers.map(answer => answer.status)).toEqual(payments.map(() => 200));
    await waitFor(() => v1Events(web).length >= 20, 15_000);
    await nextSweeps(logger, sweepLines(logger).length, 2);
    const ids = v1Events(web).map(event => event.payment.impUid);
    expect(ids).toHaveLength(20);
    expect(new Set(ids)).toEqual(new Set(payments.map(payment => payment.impUid)));
    expect(web.handlers.started).toBe(20);
    expect(await jobCount()).toBe(jobsBefore + 20);
  }, 40_000);
});

// Its own emulator and redis-server: the test redis-server keeps nothing across a restart, so payments of
// other tests still in the overlap would be queued (and run) again.
describe('webhook reconciliation in queue mode: Redis down', () => {
  let rig: QueueModeRig;
  let emulator: PortOneEmulator;
  let web: WebhookTestApp;
  let logger: CapturingLogger;

  beforeAll(async () => {
    rig = await startRig(`${QUEUE_NAME}-down`);
    ({ emulator, web, logger } = rig);
  }, 60_000);
  afterAll(() => stopRig(rig), 30_000);

  it('Redis down: the sweep stops handing on at the first payments it cannot queue and holds the cursor; back up, every payment is queued and run once', async () => {
    await betweenSweeps(logger);
    const port = rig.redisServer.port;
    await rig.redisServer.stop();
    // More than the sweep hands on at once (8): those after the first failures are not even tried.
    const lost = await deadUrl();
    const issued = await Promise.all(Array.from({ length: 12 }, () => issueBarcode(web, emulator, lost)));
    for (const payment of issued) emulator.markCvsPaid(payment.impUid);
    const paidAt = Math.min(...issued.map(payment => emulator.getPayment(payment.impUid)!.paid_at));

    // Down for longer than the overlap: a cursor moved past the payment would never list it again.
    const heldByQueue =
      /^warn webhook reconciliation incomplete: .*queued=0 .*cursor held: the webhook queue failed \(\w+\)$/;
    // The sweep running now may have listed before the payments: its line is not counted.
    const seen = sweepLines(logger).length + 1;
    const downSince = Date.now();
    const held = (): string[] =>
      sweepLines(logger)
        .slice(seen)
        .filter(line => heldByQueue.test(line));
    await waitFor(() => held().length >= 2 && Date.now() - downSince > OVERLAP_MS + 1_000, 15_000);
    expect(web.handlers.started).toBe(0);
    for (const line of held()) {
      const count = (name: string): number => Number(new RegExp(`${name}=(\\d+)`).exec(line)![1]);
      expect(count('listed')).toBeGreaterThanOrEqual(12);
      expect(count('failed')).toBeGreaterThanOrEqual(1);
      expect(count('failed')).toBeLessThanOrEqual(8);
    }

    const requestsBefore = emulator.requests.length;
    rig.redisServer = await startRedisServer(10_000, port);
    await waitFor(() => v1Events(web).length === 12, 30_000);
    expect(v1Events(web).every(event => event.source === 'reconciliation')).toBe(true);
    expect(new Set(v1Events(web).map(event => event.payment.impUid))).toEqual(
      new Set(issued.map(payment => payment.impUid)),
    );
    // The first sweep that could queue again listed from the cursor the failed ones left, before the payment.
    const lists = emulator.requests
      .slice(requestsBefore)
      .filter(request => request.path === '/payments/status/paid' && request.status === 200);
    expect(Number(lists[0].query.from)).toBeLessThanOrEqual(paidAt);
    await nextSweeps(logger, sweepLines(logger).length, 2);
    expect(web.handlers.started).toBe(12);
  }, 60_000);
});

describe('webhook reconciliation in queue mode: two registrations sharing one queue', () => {
  it("each registration's sweep queues its merchant's payments with the registration, and the worker reads them with that merchant's credentials", async () => {
    const [emulator, redisServer] = await Promise.all([
      PortOneEmulator.start({ strict: true, merchants: [{ name: 'agency' }] }),
      startRedisServer(),
    ]);
    const connection = { host: '127.0.0.1', port: redisServer.port };
    const queueName = `${QUEUE_NAME}-registrations`;
    // One queue for both registrations: the first registration's worker runs every job.
    const queue = new BullMqWebhookQueue({ connection, queueName, backoffMs: 50, closeTimeoutMs: 2_000 });
    const inspector = new Queue(queueName, { connection });
    inspector.on('error', () => undefined);
    const app = await startTwoRegistrations(emulator, { webhookReceiver: { queue } });
    try {
      const paid = await payUnnoticed(app, emulator, 'queued-sweep');
      const events = app.get(PaidEvents).events;
      await waitFor(() => events.length >= 2, 15_000);
      expect(sweptBy(events)).toEqual([
        ['agency', 'reconciliation', paid.agency],
        ['store', 'reconciliation', paid.store],
      ]);
      const agencyJob = await inspector.getJob(jobIdOf(`v1:${paid.agency}:paid`));
      expect(agencyJob?.data.job).toMatchObject({ registration: 'agency', source: 'reconciliation' });
    } finally {
      await app.close();
      await inspector.close();
      await redisServer.stop();
      await emulator.close();
    }
  }, 40_000);
});
