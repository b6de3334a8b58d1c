import Redis from 'ioredis';
import { CvsService, type PortOneModuleOptions, type PortOneV1PaymentEvent } from '../../lib';
import { RedisWebhookClaimStore } from '../../lib/redis';
import { EMULATOR_WEBHOOK_SECRET, PortOneEmulator } from '../../lib/testing';
import { emulatorOptions } from '../support/portone-test-app';
import { startRedisServer, type TestRedisServer } from '../support/redis-server';
import { eventually, sendDelivery } from '../support/webhook-delivery';
import { startWebhookApp, type WebhookTestApp } from '../support/webhook-test-app';

const send = (url: string, delivery: Delivery) => sendDelivery(url, delivery.body, delivery.headers);

/** A delivery as PortOne sends it: the same bytes and headers on every retry. */
interface Delivery {
  readonly body: string;
  readonly headers: Record<string, string>;
}

describe('inline mode never acknowledges a delivery whose handler is still running', () => {
  let emulator: PortOneEmulator;
  let redisServer: TestRedisServer;
  let redis: Redis;
  let orders = 0;

  beforeAll(async () => {
    [emulator, redisServer] = await Promise.all([PortOneEmulator.start(), startRedisServer()]);
    redis = new Redis({ host: '127.0.0.1', port: redisServer.port, maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    await redis?.quit();
    await redisServer?.stop();
    await emulator?.close();
  });

  function options(claimStore?: RedisWebhookClaimStore): PortOneModuleOptions {
    const base = emulatorOptions(emulator);
    return {
      ...base,
      v2: { ...base.v2!, webhookSecrets: [EMULATOR_WEBHOOK_SECRET] },
      ...(claimStore && { webhookReceiver: { claimStore } }),
    };
  }

  /** A V1 notice for a CVS payment the customer has just paid (the emulator's state says `paid`). */
  async function paidV1Notice(app: WebhookTestApp): Promise<Delivery> {
    orders += 1;
    const issued = await app.app.get(CvsService).issue({
      channelKey: emulator.credentials.channelKeys.galaxia,
      merchantUid: `in-progress-order-${orders}`,
      amount: 1000,
    });
    emulator.markCvsPaid(issued.impUid);
    return {
      body: JSON.stringify({ imp_uid: issued.impUid, merchant_uid: issued.merchantUid, status: 'paid' }),
      headers: { 'content-type': 'application/json' },
    };
  }

  function signedV2Delivery(): Delivery {
    orders += 1;
    const signed = emulator.signWebhook(
      {
        type: 'Transaction.Paid',
        timestamp: new Date().toISOString(),
        // The fields PortOne's SDK declares for Transaction.Paid (the module refuses a body without them).
        data: { paymentId: `pay-${orders}`, storeId: 'store-1', transactionId: `tx-${orders}` },
      },
      { id: `wh-in-progress-${orders}` },
    );
    return { body: signed.body, headers: { 'content-type': 'application/json', ...signed.headers } };
  }

  /**
   * The first attempt's handler is held running; a retry meanwhile must get a non-2xx with Retry-After and
   * dispatch nothing; the handler then throws (500) and the next retry is dispatched, once.
   */
  async function retryDuringRunningHandlerThatThrows(
    first: WebhookTestApp,
    other: WebhookTestApp,
    delivery: Delivery,
  ): Promise<void> {
    let letGo!: () => void;
    const held = new Promise<void>(resolve => (letGo = resolve));
    first.handlers.hold = () => held;
    first.handlers.failuresLeft = 1;

    const firstAttempt = send(first.webhookUrl, delivery);
    await eventually(() => first.handlers.started === 1, 'the first attempt to reach its handler');

    const duringHandler = await send(other.webhookUrl, delivery);
    expect(duringHandler.status).toBe(503);
    expect(Number(duringHandler.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(duringHandler.body.ok).toBe(false);

    first.handlers.hold = undefined;
    letGo();
    expect((await firstAttempt).status).toBe(500);
    expect(first.handlers.events).toHaveLength(0);

    const afterFailure = await send(other.webhookUrl, delivery);
    expect(afterFailure.status).toBe(200);
    expect(afterFailure.body.duplicate).toBe(false);
    const afterSuccess = await send(first.webhookUrl, delivery);
    expect(afterSuccess.status).toBe(200);
    expect(afterSuccess.body.duplicate).toBe(true);
    expect(first.handlers.events.length + (other === first ? 0 : other.handlers.events.length)).toBe(1);
  }

  describe('in-memory claim store (one instance)', () => {
    let app: WebhookTestApp;
    beforeAll(async () => (app = await startWebhookApp(options())));
    afterAll(async () => app?.close());
    beforeEach(() => app.handlers.reset());

    it('V2: a retry during a running handler that then throws is dispatched again', async () => {
      await retryDuringRunningHandlerThatThrows(app, app, signedV2Delivery());
    });

    it('V1: a retry during a running handler that then throws is dispatched again', async () => {
      await retryDuringRunningHandlerThatThrows(app, app, await paidV1Notice(app));
    });
  });

  describe('Redis claim store shared by two instances', () => {
    let first: WebhookTestApp;
    let second: WebhookTestApp;
    beforeAll(async () => {
      first = await startWebhookApp(options(new RedisWebhookClaimStore(redis, { keyPrefix: 'inflight:' })));
      second = await startWebhookApp(options(new RedisWebhookClaimStore(redis, { keyPrefix: 'inflight:' })));
    });
    afterAll(async () => {
      await first?.close();
      await second?.close();
    });
    beforeEach(() => {
      first.handlers.reset();
      second.handlers.reset();
    });

    it('V2: a retry to the other instance during a running handler that then throws is dispatched again', async () => {
      await retryDuringRunningHandlerThatThrows(first, second, signedV2Delivery());
    });

    it('V1: a retry to the other instance during a running handler that then throws is dispatched again', async () => {
      await retryDuringRunningHandlerThatThrows(first, second, await paidV1Notice(first));
    });
  });

  describe('partial cancellations (V1: the payment stays paid)', () => {
    let app: WebhookTestApp;
    beforeAll(async () => (app = await startWebhookApp(options())));
    afterAll(async () => app?.close());
    beforeEach(() => app.handlers.reset());

    it('each partial cancellation notice is dispatched once, with its cancellationId', async () => {
      const paid = await paidV1Notice(app);
      const { imp_uid: impUid, merchant_uid: merchantUid } = JSON.parse(paid.body) as Record<string, string>;
      const headers = { 'content-type': 'application/json' };
      const cancellationNotice = (cancellationId: string): Delivery => ({
        body: JSON.stringify({
          imp_uid: impUid,
          merchant_uid: merchantUid,
          status: 'cancelled',
          cancellation_id: cancellationId,
        }),
        headers,
      });
      expect((await send(app.webhookUrl, paid)).body.duplicate).toBe(false);

      const firstCancel = emulator.cancelPayment(impUid, 300);
      const a = await send(app.webhookUrl, cancellationNotice(firstCancel.cancellation_id));
      expect([a.status, a.body.duplicate]).toEqual([200, false]);
      const aAgain = await send(app.webhookUrl, cancellationNotice(firstCancel.cancellation_id));
      expect([aAgain.status, aAgain.body.duplicate]).toEqual([200, true]);

      const secondCancel = emulator.cancelPayment(impUid, 200);
      const b = await send(app.webhookUrl, cancellationNotice(secondCancel.cancellation_id));
      expect([b.status, b.body.duplicate]).toEqual([200, false]);

      const rest = emulator.cancelPayment(impUid, 500);
      const c = await send(app.webhookUrl, cancellationNotice(rest.cancellation_id));
      expect([c.status, c.body.duplicate]).toEqual([200, false]);

      const events = app.handlers.events as PortOneV1PaymentEvent[];
      expect(events.map(event => [event.type, event.cancellationId, event.payment.cancelAmount])).toEqual([
        ['payment.paid', undefined, 0],
        ['payment.paid', firstCancel.cancellation_id, 300],
        ['payment.paid', secondCancel.cancellation_id, 500],
        ['payment.cancelled', rest.cancellation_id, 1000],
      ]);
    });

    it('a cancellation_id the payment does not have is not trusted: no cancellationId, deduped by amount', async () => {
      const paid = await paidV1Notice(app);
      const { imp_uid: impUid, merchant_uid: merchantUid } = JSON.parse(paid.body) as Record<string, string>;
      await send(app.webhookUrl, paid);
      emulator.cancelPayment(impUid, 100);
      const forged = {
        body: JSON.stringify({
          imp_uid: impUid,
          merchant_uid: merchantUid,
          cancellation_id: 'cancel_forged',
        }),
        headers: { 'content-type': 'application/json' },
      };
      expect((await send(app.webhookUrl, forged)).body.duplicate).toBe(false);
      expect((await send(app.webhookUrl, forged)).body.duplicate).toBe(true);
      const events = app.handlers.events as PortOneV1PaymentEvent[];
      expect(events.map(event => [event.cancellationId, event.payment.cancelAmount])).toEqual([
        [undefined, 0],
        [undefined, 100],
      ]);
    });
  });
});
