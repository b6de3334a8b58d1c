import { Injectable, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import {
  CvsService,
  OnPortOneWebhook,
  PortOneModule,
  getPortOneToken,
  type PortOneV1PaymentEvent,
} from '../../lib';
import { BullMqWebhookQueue } from '../../lib/bullmq';
import { PortOneEmulator } from '../../lib/testing';
import { createHttpAdapter } from '../support/http-adapter';
import { startRedisServer, type TestRedisServer } from '../support/redis-server';
import { eventually } from '../support/webhook-delivery';
import { post } from '../support/webhook-test-app';

// Queue mode with two registrations sharing one queue (one BullMQ worker per app instance): the worker that
// takes a merchant's V1 notice is whichever registration started it, so the job must say whose notice it is,
// to re-read the payment with that merchant's credentials and dispatch to that registration's handlers.

const QUEUE_NAME = 'several-merchants';

@Injectable()
class PaidHandlers {
  readonly store: PortOneV1PaymentEvent[] = [];
  readonly agency: PortOneV1PaymentEvent[] = [];

  @OnPortOneWebhook('payment.paid', { registration: 'store' })
  onStore(event: PortOneV1PaymentEvent): void {
    this.store.push(event);
  }

  @OnPortOneWebhook('payment.paid', { registration: 'agency' })
  onAgency(event: PortOneV1PaymentEvent): void {
    this.agency.push(event);
  }
}

describe('queue mode with two merchants sharing one queue (real redis-server)', () => {
  let emulator: PortOneEmulator;
  let redisServer: TestRedisServer;
  let app: INestApplication;
  let baseUrl: string;
  let inspector: Queue;

  beforeAll(async () => {
    [emulator, redisServer] = await Promise.all([
      PortOneEmulator.start({ strict: true, merchants: [{ name: 'agency' }] }),
      startRedisServer(),
    ]);
    const queue = new BullMqWebhookQueue({
      connection: { host: '127.0.0.1', port: redisServer.port },
      queueName: QUEUE_NAME,
      attempts: 2,
      backoffMs: 100,
      closeTimeoutMs: 5_000,
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        PortOneModule.forRoot({
          ...emulator.merchant('default').moduleOptions(),
          name: 'store',
          webhook: { path: 'store/webhook' },
          webhookReceiver: { queue },
        }),
        PortOneModule.forRoot({
          ...emulator.merchant('agency').moduleOptions(),
          name: 'agency',
          webhook: { path: 'agency/webhook' },
          webhookReceiver: { queue },
        }),
      ],
      providers: [PaidHandlers],
    }).compile();
    app = moduleRef.createNestApplication(createHttpAdapter(), { logger: false });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    baseUrl = `http://127.0.0.1:${port}`;
    inspector = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redisServer.port } });
    inspector.on('error', () => undefined);
  }, 60_000);
  afterAll(async () => {
    await inspector?.close();
    await app?.close();
    await redisServer?.stop();
    await emulator?.close();
  }, 30_000);

  async function paidBarcode(registration: 'store' | 'agency', merchant: 'default' | 'agency') {
    const issued = await app.get<CvsService>(getPortOneToken(CvsService, registration)).issue({
      channelKey: emulator.merchant(merchant).credentials.channelKeys.galaxia,
      merchantUid: `${registration}-queued-order`,
      amount: 1000,
    });
    emulator.markCvsPaid(issued.impUid);
    return issued;
  }

  it("each merchant's V1 notice is queued with its registration, re-read with that merchant's credentials and dispatched to its handler", async () => {
    const agency = await paidBarcode('agency', 'agency');
    const store = await paidBarcode('store', 'default');
    const notice = (impUid: string, merchantUid: string) =>
      JSON.stringify({ imp_uid: impUid, merchant_uid: merchantUid, status: 'paid' });

    const agencyAnswer = await post(`${baseUrl}/agency/webhook`, notice(agency.impUid, agency.merchantUid));
    const storeAnswer = await post(`${baseUrl}/store/webhook`, notice(store.impUid, store.merchantUid));
    expect([agencyAnswer.status, agencyAnswer.body.queued]).toEqual([200, true]);
    expect([storeAnswer.status, storeAnswer.body.queued]).toEqual([200, true]);

    await eventually(
      () => app.get(PaidHandlers).agency.length === 1 && app.get(PaidHandlers).store.length === 1,
      'both notices to be dispatched',
      15_000,
    );
    const handlers = app.get(PaidHandlers);
    expect(handlers.agency.map(e => [e.registration, e.payment.impUid])).toEqual([['agency', agency.impUid]]);
    expect(handlers.store.map(e => [e.registration, e.payment.impUid])).toEqual([['store', store.impUid]]);

    // One worker took both jobs (the queue is shared): the agency's job carried its registration, and only the
    // ids of the notice, never the payment.
    const jobs = await inspector.getJobs(['completed'], 0, 10);
    const agencyJob = jobs.find(
      job => (job.data as { job: { impUid: string } }).job.impUid === agency.impUid,
    );
    expect(agencyJob?.data.job).toEqual({
      kind: 'v1-payment',
      registration: 'agency',
      impUid: agency.impUid,
      merchantUid: agency.merchantUid,
    });
  }, 30_000);
});
