import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { EMULATOR_WEBHOOK_SECRET, EmulatorStorePaymentError, type PortOneEmulator } from '../../lib/testing';
import { call, cvsBody, jsonInit, useV1Emulator } from '../support/emulator-http';

/** A node:http "merchant app" on a free loopback port that answers with scripted statuses. */
class ScriptedApp {
  readonly received: { path: string; contentType?: string; body: string }[] = [];
  /** Status per path, used in order; the last one repeats. */
  readonly script = new Map<string, number[]>();
  private server!: http.Server;

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', chunk => chunks.push(chunk as Buffer));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.received.push({
          path,
          contentType: req.headers['content-type'],
          body: Buffer.concat(chunks).toString(),
        });
        const statuses = this.script.get(path) ?? [200];
        res.statusCode = statuses.length > 1 ? statuses.shift()! : statuses[0];
        res.end('{}');
      });
    });
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise(resolve => this.server.close(() => resolve()));
  }
}

describe('emulator V1 payments: lookups and paying at the store', () => {
  let emulator: PortOneEmulator;
  let token: string;
  const merchant = new ScriptedApp();
  useV1Emulator(env => ({ emulator, token } = env));
  beforeAll(() => merchant.start());
  afterAll(() => merchant.close());
  beforeEach(() => {
    merchant.received.length = 0;
    merchant.script.clear();
  });

  const auth = () => ({ authorization: `Bearer ${token}` });
  const issue = async (overrides: Record<string, unknown> = {}) => {
    const res = await call(
      `${emulator.v1BaseUrl}/cvs`,
      jsonInit('POST', cvsBody(emulator, overrides), auth()),
    );
    expect(res.status).toBe(200);
    return res.body.response as { imp_uid: string; merchant_uid: string; vbank_num: string };
  };
  const get = (path: string) => call(`${emulator.v1BaseUrl}${path}`, { headers: auth() });

  describe('GET /payments/{imp_uid} and /payments/find/…', () => {
    it('finds a sandbox payment only with include_sandbox=true, as PortOne does', async () => {
      const issued = await issue();
      expect((await get(`/payments/${issued.imp_uid}`)).status).toBe(404);
      expect((await get(`/payments/${issued.imp_uid}?include_sandbox=false`)).status).toBe(404);
      const found = await get(`/payments/${issued.imp_uid}?include_sandbox=true`);
      expect(found.status).toBe(200);
      expect(found.body).toMatchObject({ code: 0, response: { imp_uid: issued.imp_uid, sandbox: true } });
    });

    it('answers 404 in the envelope for an unknown imp_uid and 401 without a token', async () => {
      const missing = await get('/payments/imps_000000000000?include_sandbox=true');
      expect(missing).toMatchObject({
        status: 404,
        body: { code: -1, message: '존재하지 않는 결제정보입니다.', response: null },
      });
      expect((await call(`${emulator.v1BaseUrl}/payments/x`)).status).toBe(401);
    });

    it.each([
      ['/payments/imps_1?include_sandbox=yes', 'include_sandbox'],
      ['/payments/find/order?sorting=newest&include_sandbox=true', 'sorting'],
      ['/payments/find/order/done?include_sandbox=true', 'payment_status'],
    ])('validates parameters against the spec: %s', async (path, name) => {
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(name);
    });

    it('find sorts by the spec’s sorting values and filters by status', async () => {
      const first = await issue({ merchant_uid: 'sorted-order' });
      emulator.setClockSkew(10);
      await call(`${emulator.v1BaseUrl}/cvs/${first.imp_uid}`, { method: 'DELETE', headers: auth() });
      const second = await issue({ merchant_uid: 'sorted-order' });
      const newest = await get('/payments/find/sorted-order?include_sandbox=true');
      const oldest = await get('/payments/find/sorted-order?include_sandbox=true&sorting=started');
      const ready = await get('/payments/find/sorted-order/ready?include_sandbox=true&sorting=started');
      expect(newest.body.response.imp_uid).toBe(second.imp_uid);
      expect(oldest.body.response.imp_uid).toBe(first.imp_uid);
      expect(ready.body.response.imp_uid).toBe(second.imp_uid);
      expect((await get('/payments/find/sorted-order/paid?include_sandbox=true')).status).toBe(404);
    });
  });

  describe('payAtStore', () => {
    it('without confirm_url pays at once and posts the notice to every notice URL', async () => {
      const issued = await issue({ notice_url: [merchant.url('/a'), merchant.url('/b')] });
      const result = await emulator.payAtStore(issued.imp_uid);
      expect(result.outcome).toBe('paid');
      expect(result.confirm).toBeUndefined();
      expect(result.notices.map(n => [n.url, n.status])).toEqual([
        [merchant.url('/a'), 200],
        [merchant.url('/b'), 200],
      ]);
      expect(merchant.received.map(r => JSON.parse(r.body))).toEqual([
        { imp_uid: issued.imp_uid, merchant_uid: issued.merchant_uid, status: 'paid' },
        { imp_uid: issued.imp_uid, merchant_uid: issued.merchant_uid, status: 'paid' },
      ]);
      expect(result.payment).toMatchObject({ status: 'paid', pay_method: 'cvs', amount: 15000 });
      expect(result.payment.paid_at).toBeGreaterThan(0);
    });

    it('a confirm answered with anything but 200 refuses: nothing changes, no notice', async () => {
      merchant.script.set('/confirm', [204]);
      const issued = await issue({
        confirm_url: merchant.url('/confirm'),
        notice_url: [merchant.url('/notice')],
      });
      const result = await emulator.payAtStore(issued.imp_uid);
      expect(result.outcome).toBe('refused');
      expect(result.confirm?.status).toBe(204);
      expect(merchant.received.map(r => r.path)).toEqual(['/confirm']);
      expect(emulator.getPayment(issued.imp_uid)?.status).toBe('ready');
    });

    it('an unreachable confirm_url refuses', async () => {
      const issued = await issue({ confirm_url: 'http://127.0.0.1:9/confirm' });
      const result = await emulator.payAtStore(issued.imp_uid);
      expect(result.outcome).toBe('refused');
      expect(result.confirm?.status).toBeUndefined();
      expect(result.confirm?.error).toEqual(expect.any(String));
    });

    it('sends the notice once by default (PortOne V1): a 5xx is not re-sent, even after an hour', async () => {
      merchant.script.set('/down', [503, 200]);
      const issued = await issue({ notice_url: [merchant.url('/down')] });
      const result = await emulator.payAtStore(issued.imp_uid);
      expect(result.notices.map(n => [n.attempt, n.status, n.maxAttempts, n.givenUp])).toEqual([
        [1, 503, 1, true],
      ]);
      await emulator.clock.advance(3600);
      expect(merchant.received).toHaveLength(1);
      expect(emulator.webhookHistory(result.notices[0].deliveryId)).toMatchObject({
        state: 'given-up',
        schedule: 'portone-v1-default',
      });
    });

    it('with re-sends on, re-sends after 5xx and network errors a minute apart, but not after 4xx', async () => {
      merchant.script.set('/flaky', [503, 500, 200]);
      merchant.script.set('/refuses', [400]);
      const issued = await issue({ notice_url: [merchant.url('/flaky'), merchant.url('/refuses')] });
      const result = await emulator.payAtStore(issued.imp_uid, { noticeDelivery: 'portone-v1-resend' });
      expect(result.notices.map(n => [new URL(n.url).pathname, n.attempt, n.status])).toEqual([
        ['/flaky', 1, 503],
        ['/refuses', 1, 400],
      ]);
      expect((await emulator.clock.advance(59)).attempts).toEqual([]);
      expect((await emulator.clock.advance(1)).attempts.map(a => a.status)).toEqual([500]);
      expect((await emulator.clock.advance(60)).attempts.map(a => a.status)).toEqual([200]);
      expect(emulator.webhookHistory(result.notices[0].deliveryId)?.state).toBe('delivered');
      expect(emulator.webhookHistory(result.notices[1].deliveryId)?.state).toBe('given-up');
      await emulator.clock.advance(600);
      expect(merchant.received).toHaveLength(4);
    });

    it('form-encodes the notice on request', async () => {
      const issued = await issue({ notice_url: [merchant.url('/form')] });
      await emulator.payAtStore(issued.imp_uid, { noticeFormat: 'form' });
      expect(merchant.received[0].contentType).toBe('application/x-www-form-urlencoded');
      expect(Object.fromEntries(new URLSearchParams(merchant.received[0].body))).toEqual({
        imp_uid: issued.imp_uid,
        merchant_uid: issued.merchant_uid,
        status: 'paid',
      });
    });

    it.each<[string, (impUid: string) => Promise<void>, string]>([
      ['already paid', async impUid => void (await emulator.payAtStore(impUid)), 'already_paid'],
      [
        'revoked',
        async impUid =>
          void (await call(`${emulator.v1BaseUrl}/cvs/${impUid}`, { method: 'DELETE', headers: auth() })),
        'cancelled',
      ],
      ['expired', () => Promise.resolve(emulator.setClockSkew(8 * 86_400)), 'expired'],
    ])('paying a barcode that is %s fails and calls nobody', async (_case, prepare, reason) => {
      const issued = await issue({ confirm_url: merchant.url('/confirm'), notice_url: [merchant.url('/n')] });
      await prepare(issued.imp_uid);
      merchant.received.length = 0;
      const error = await emulator.payAtStore(issued.imp_uid).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(EmulatorStorePaymentError);
      expect(error).toMatchObject({ reason });
      expect(merchant.received).toEqual([]);
    });

    it('is served over HTTP as POST /emulator/cvs/{imp_uid}/pay', async () => {
      const issued = await issue({ notice_url: [merchant.url('/http')] });
      const paid = await call(
        `${emulator.origin}/emulator/cvs/${issued.imp_uid}/pay`,
        jsonInit('POST', { payType: 'card' }),
      );
      expect(paid.status).toBe(200);
      expect(paid.body).toMatchObject({
        outcome: 'paid',
        payment: { status: 'paid' },
        notices: [{ status: 200 }],
      });
      const again = await call(`${emulator.origin}/emulator/cvs/${issued.imp_uid}/pay`, { method: 'POST' });
      expect(again).toMatchObject({ status: 409, body: { reason: 'already_paid' } });
      const unknown = await call(`${emulator.origin}/emulator/cvs/imps_0/pay`, { method: 'POST' });
      expect(unknown.status).toBe(404);
      const bad = await call(
        `${emulator.origin}/emulator/cvs/${issued.imp_uid}/pay`,
        jsonInit('POST', { payType: 'coins' }),
      );
      expect(bad.status).toBe(400);
    });
  });

  describe('V2 webhook signing', () => {
    it('signs with the documented test secret so that standardwebhooks verifies it', () => {
      const event = {
        type: 'Transaction.Paid',
        timestamp: '2026-01-01T00:00:00Z',
        data: { paymentId: 'p-1' },
      };
      const signed = emulator.signWebhook(event);
      expect(new Webhook(EMULATOR_WEBHOOK_SECRET).verify(signed.body, signed.headers)).toEqual(event);
      expect(emulator.webhookSecret).toBe(EMULATOR_WEBHOOK_SECRET);
    });

    it('reproduces the PORTONE-API.md 2.9 test vector', () => {
      const signed = emulator.signWebhook('{"test":"test payload"}', {
        id: 'dummy-webhook-id',
        timestamp: new Date(1714000000 * 1000),
        secret: 'pzQGE83cSIRKM4/WH5QY+g==',
      });
      expect(signed.headers).toEqual({
        'webhook-id': 'dummy-webhook-id',
        'webhook-timestamp': '1714000000',
        'webhook-signature': 'v1,6SQiykwF5BCGjyB/gmOFtXtMNwQBM7k/52nd+vdX6Z4=',
      });
    });

    it('sendV2Webhook posts the signed body and logs the delivery', async () => {
      const delivery = await emulator.sendV2Webhook(merchant.url('/v2'), {
        type: 'Transaction.Paid',
        data: {},
      });
      expect(delivery).toMatchObject({ kind: 'v2', status: 200, attempt: 1 });
      expect(JSON.parse(merchant.received[0].body)).toEqual({ type: 'Transaction.Paid', data: {} });
      expect(emulator.webhookDeliveries).toEqual([delivery]);
    });
  });
});
