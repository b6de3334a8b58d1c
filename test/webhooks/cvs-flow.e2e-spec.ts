import { PortOneEmulator } from '../../lib/testing';
import { emulatorOptions } from '../support/portone-test-app';
import { post, startWebhookApp, type WebhookTestApp } from '../support/webhook-test-app';
import { CapturingLogger } from '../support/capturing-logger';
import { CvsService, type PortOneV1PaymentEvent } from '../../lib';

describe('CVS flow end to end: issue, confirm, paid notice, re-read', () => {
  let emulator: PortOneEmulator;
  let web: WebhookTestApp;
  const logger = new CapturingLogger();
  let orders = 0;

  beforeAll(async () => {
    emulator = await PortOneEmulator.start();
    web = await startWebhookApp(emulatorOptions(emulator, { logger }));
  });
  afterAll(async () => {
    await web?.close();
    await emulator?.close();
  });
  beforeEach(() => web.handlers.reset());

  async function issue(overrides: Record<string, unknown> = {}) {
    orders += 1;
    return web.app.get(CvsService).issue({
      channelKey: emulator.credentials.channelKeys.galaxia,
      merchantUid: `flow-order-${orders}`,
      amount: 12_000,
      buyerName: '홍길동',
      buyerTel: '010-2345-6789',
      confirmUrl: `${web.webhookUrl}/cvs-confirm`,
      noticeUrl: [web.webhookUrl],
      ...overrides,
    });
  }

  it('pays at the store: confirm allowed, notice re-read, handler sees the paid payment', async () => {
    const issued = await issue();
    const result = await emulator.payAtStore(issued.impUid, { payType: 'card' });

    expect(result.outcome).toBe('paid');
    expect(result.confirm?.status).toBe(200);
    expect(JSON.parse(result.confirm!.body)).toEqual({
      event: 'Galaxia.Cvs.Confirm',
      imp_uid: issued.impUid,
      merchant_uid: issued.merchantUid,
      status: 'ready',
      extra: { barcode: issued.vbankNum, payType: 'card' },
    });
    expect(web.handlers.confirms).toEqual([
      {
        impUid: issued.impUid,
        merchantUid: issued.merchantUid,
        status: 'ready',
        barcode: issued.vbankNum,
        payType: 'card',
      },
    ]);
    expect(result.notices.map(n => n.status)).toEqual([200]);
    expect(web.handlers.events).toHaveLength(1);
    const event = web.handlers.events[0] as PortOneV1PaymentEvent;
    expect(event.api).toBe('v1');
    expect(event.type).toBe('payment.paid');
    expect(event.payment.impUid).toBe(issued.impUid);
    expect(event.payment.status).toBe('paid');
    expect(event.payment.payMethod).toBe('cvs');
    expect(event.payment.amount).toBe(12_000);
    expect(event.payment.paidAt).toBeInstanceOf(Date);
    // The notice was re-read with GET /payments/{imp_uid}, sandbox included.
    const reread = emulator.requests.filter(
      r => r.method === 'GET' && r.path === `/payments/${issued.impUid}`,
    );
    expect(reread).toHaveLength(1);
    expect(reread[0].query).toEqual({ include_sandbox: 'true' });
    expect(emulator.webhookDeliveries.slice(-2).map(d => d.kind)).toEqual(['cvs-confirm', 'v1-notice']);
  });

  it('a refused confirm leaves the payment unpaid and sends no notice', async () => {
    const issued = await issue();
    web.handlers.decide = () => false;
    const before = emulator.webhookDeliveries.length;
    const result = await emulator.payAtStore(issued.impUid);

    expect(result.outcome).toBe('refused');
    expect(result.confirm?.status).toBe(403);
    expect(result.notices).toEqual([]);
    expect(emulator.getPayment(issued.impUid)?.status).toBe('ready');
    expect(emulator.webhookDeliveries.slice(before).map(d => d.kind)).toEqual(['cvs-confirm']);
    expect(web.handlers.events).toEqual([]);
  });

  it('a confirm handler that throws refuses', async () => {
    const issued = await issue();
    web.handlers.decide = () => {
      throw new Error('stock service down');
    };
    const result = await emulator.payAtStore(issued.impUid);
    expect(result.outcome).toBe('refused');
    expect(emulator.getPayment(issued.impUid)?.status).toBe('ready');
  });

  it('form-encoded notices work as JSON ones do', async () => {
    const issued = await issue();
    const result = await emulator.payAtStore(issued.impUid, { noticeFormat: 'form' });
    expect(result.notices[0].contentType).toBe('application/x-www-form-urlencoded');
    expect(result.notices[0].status).toBe(200);
    expect(web.handlers.events.map(e => e.type)).toEqual(['payment.paid']);
  });

  it('a duplicate notice is dispatched once', async () => {
    const issued = await issue();
    await emulator.payAtStore(issued.impUid);
    const notice = JSON.stringify({
      imp_uid: issued.impUid,
      merchant_uid: issued.merchantUid,
      status: 'paid',
    });
    const again = await post(web.webhookUrl, notice);
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(web.handlers.events).toHaveLength(1);
  });

  it('a throwing handler answers 5xx, releases the claim, and the re-send is dispatched', async () => {
    const issued = await issue();
    web.handlers.failuresLeft = 2;
    const result = await emulator.payAtStore(issued.impUid, { noticeDelivery: 'portone-v1-resend' });
    expect(result.notices.map(n => n.status)).toEqual([500]);
    const resent = await emulator.clock.advance(120);
    expect(resent.attempts.map(n => n.status)).toEqual([500, 200]);
    expect(web.handlers.events.map(e => e.type)).toEqual(['payment.paid']);
  });

  describe('forged notices', () => {
    it('an unknown imp_uid is 404 and dispatches nothing', async () => {
      const answer = await post(
        web.webhookUrl,
        JSON.stringify({ imp_uid: 'imps_000000000000', merchant_uid: 'x', status: 'paid' }),
      );
      expect(answer.status).toBe(404);
      expect(web.handlers.events).toEqual([]);
    });

    it('a mismatching merchant_uid is 400 and dispatches nothing', async () => {
      const issued = await issue();
      await emulator.payAtStore(issued.impUid);
      web.handlers.reset();
      const answer = await post(
        web.webhookUrl,
        JSON.stringify({ imp_uid: issued.impUid, merchant_uid: 'someone-else', status: 'paid' }),
      );
      expect(answer.status).toBe(400);
      expect(web.handlers.events).toEqual([]);
    });

    it('"paid" for an unpaid payment dispatches the real status', async () => {
      const issued = await issue();
      const answer = await post(
        web.webhookUrl,
        JSON.stringify({ imp_uid: issued.impUid, merchant_uid: issued.merchantUid, status: 'paid' }),
      );
      expect(answer.status).toBe(200);
      expect(web.handlers.events.map(e => e.type)).toEqual(['payment.ready']);
      expect((web.handlers.events[0] as PortOneV1PaymentEvent).payment.status).toBe('ready');
    });

    it('a body without imp_uid is 400', async () => {
      const answer = await post(web.webhookUrl, 'status=paid', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(answer.status).toBe(400);
      expect(web.handlers.events).toEqual([]);
    });
  });

  it('never logs bodies or personal data', () => {
    const joined = logger.lines.join('\n');
    expect(logger.lines.some(line => line.includes('webhook 200'))).toBe(true);
    for (const forbidden of [
      '홍길동',
      '010-2345-6789',
      '01023456789',
      'Galaxia.Cvs.Confirm',
      '"imp_uid"',
      emulator.credentials.v1.apiSecret,
    ]) {
      expect(joined).not.toContain(forbidden);
    }
  });
});
