import { Webhook } from 'standardwebhooks';
import { PortOneEmulator, type EmulatorWebhookDelivery } from '../../lib/testing';
import { call, cvsBody, jsonInit, v1Token } from '../support/emulator-http';
import { ScriptedServer } from '../support/scripted-server';

const MINUTE = 60;
/** PortOne V2's documented waits before the 2nd … 6th send. */
const V2_WAITS = [1, 4, 16, 64, 256].map(m => m * MINUTE);

/**
 * PortOne's webhook delivery schedules, played out attempt by attempt with `clock.advance`: nothing here waits
 * for real minutes. The app is a node:http server on a loopback port.
 */
describe('emulator webhook delivery schedules', () => {
  let emulator: PortOneEmulator;
  let app: ScriptedServer;
  /** Status per path; the default answers 200. */
  let answers: Map<string, number>;

  beforeEach(async () => {
    answers = new Map();
    app = await ScriptedServer.start(request => {
      if (request.path === '/hang') return new Promise(() => undefined);
      return { status: answers.get(request.path) ?? 200 };
    });
    emulator = await PortOneEmulator.start({ strict: true });
  });
  afterEach(async () => {
    await emulator.close();
    await app.close();
  });

  const issueBarcode = async (noticePath: string) => {
    const token = await v1Token(emulator);
    const res = await call(
      `${emulator.v1BaseUrl}/cvs`,
      jsonInit('POST', cvsBody(emulator, { notice_url: [`${app.baseUrl}${noticePath}`] }), {
        authorization: `Bearer ${token}`,
      }),
    );
    expect(res.status).toBe(200);
    return res.body.response.imp_uid as string;
  };
  const gapSeconds = (later: EmulatorWebhookDelivery, earlier: EmulatorWebhookDelivery) =>
    (later.sentAt.getTime() - earlier.sentAt.getTime()) / 1000;

  describe('V1 notices', () => {
    it('portone-v1-default (the default): one attempt, no retry after a 5xx, given up', async () => {
      answers.set('/notice', 500);
      const result = await emulator.payAtStore(await issueBarcode('/notice'));
      expect(result.notices).toHaveLength(1);
      expect(result.notices[0]).toMatchObject({ attempt: 1, maxAttempts: 1, status: 500, givenUp: true });
      expect(result.notices[0].nextAttemptAt).toBeUndefined();
      for (const step of [MINUTE, 10 * MINUTE, 24 * 60 * MINUTE]) {
        expect((await emulator.clock.advance(step)).attempts).toEqual([]);
      }
      expect(app.count('/notice')).toBe(1);
      expect(emulator.webhookHistory(result.notices[0].deliveryId)).toMatchObject({
        schedule: 'portone-v1-default',
        state: 'given-up',
        maxAttempts: 1,
      });
    });

    it('portone-v1-resend: 5 re-sends one minute apart after 5xx or no answer, then given up', async () => {
      answers.set('/notice', 503);
      const emulatorWithResends = emulator;
      emulatorWithResends.setWebhookDelivery({ v1: 'portone-v1-resend' });
      const result = await emulator.payAtStore(await issueBarcode('/notice'));
      const attempts = [result.notices[0]];
      for (let n = 2; n <= 6; n++) {
        expect((await emulator.clock.advance(MINUTE - 1)).attempts).toEqual([]);
        const { attempts: sent } = await emulator.clock.advance(1);
        expect(sent.map(a => [a.attempt, a.status])).toEqual([[n, 503]]);
        expect(gapSeconds(sent[0], attempts[attempts.length - 1])).toBeCloseTo(MINUTE, 0);
        attempts.push(sent[0]);
      }
      expect(attempts[5]).toMatchObject({ givenUp: true, maxAttempts: 6 });
      expect(attempts.slice(0, 5).every(a => a.nextAttemptAt instanceof Date && !a.givenUp)).toBe(true);
      expect((await emulator.clock.advance(3600)).attempts).toEqual([]);
      expect(app.count('/notice')).toBe(6);
    });

    it("'off' loses the notice: nothing is sent, the delivery is logged as off", async () => {
      emulator.setWebhookDelivery({ v1: 'off' });
      const impUid = await issueBarcode('/notice');
      const result = await emulator.payAtStore(impUid);
      expect(result.outcome).toBe('paid');
      expect(result.notices).toEqual([]);
      await emulator.clock.advance(3600);
      expect(app.count('/notice')).toBe(0);
      expect(emulator.webhookHistories).toEqual([
        expect.objectContaining({ kind: 'v1-notice', state: 'off', schedule: 'off', attempts: [] }),
      ]);
      emulator.reset();
      expect((await emulator.payAtStore(await issueBarcode('/after-reset'))).notices).toHaveLength(1);
    });

    it('a read timeout (30 s on the emulator clock) is a failed attempt', async () => {
      const paying = emulator.payAtStore(await issueBarcode('/hang'));
      await emulator.clock.advance(29);
      await emulator.clock.advance(2);
      const result = await paying;
      expect(result.notices[0]).toMatchObject({ attempt: 1, error: 'read timeout', givenUp: true });
      expect(result.notices[0].status).toBeUndefined();
    });
  });

  describe('V2 deliveries', () => {
    it('portone-v2 (the default): six sends at the documented waits (±20 % jitter), then given up', async () => {
      answers.set('/v2', 500);
      const first = await emulator.sendV2Webhook(`${app.baseUrl}/v2`, emulator.v2Event('Transaction.Paid'));
      expect(first).toMatchObject({ attempt: 1, maxAttempts: 6, status: 500 });
      const attempts = [first];
      /** Seconds from the emulator's now until `seconds` after the last attempt. */
      const until = (seconds: number) =>
        (attempts[attempts.length - 1].sentAt.getTime() + seconds * 1000 - emulator.clock.now().getTime()) /
        1000;
      for (const [index, wait] of V2_WAITS.entries()) {
        // Not before 80 % of the wait …
        expect((await emulator.clock.advance(until(wait * 0.8 - 1))).attempts).toEqual([]);
        // … and by 120 % of it.
        const { attempts: sent } = await emulator.clock.advance(until(wait * 1.2 + 1));
        expect(sent.map(a => a.attempt)).toEqual([index + 2]);
        const gap = gapSeconds(sent[0], attempts[attempts.length - 1]);
        expect(gap).toBeGreaterThanOrEqual(wait * 0.8 - 1);
        expect(gap).toBeLessThanOrEqual(wait * 1.2 + 1);
        attempts.push(sent[0]);
      }
      // The sends come at about 0, 1, 5, 21, 85 and 341 minutes.
      const minutes = attempts.map(a => gapSeconds(a, first) / MINUTE);
      [0, 1, 5, 21, 85, 341].forEach((expected, i) => {
        expect(minutes[i]).toBeGreaterThanOrEqual(expected * 0.8 - 0.1);
        expect(minutes[i]).toBeLessThanOrEqual(expected * 1.2 + 0.1);
      });
      expect(attempts[5]).toMatchObject({ attempt: 6, givenUp: true });
      expect(attempts[5].nextAttemptAt).toBeUndefined();
      expect((await emulator.clock.advance(24 * 3600)).attempts).toEqual([]);
      expect(app.count('/v2')).toBe(6);
      expect(emulator.webhookHistory(first.deliveryId)).toMatchObject({
        state: 'given-up',
        schedule: 'portone-v2',
      });
    });

    it('a retry that succeeds ends the delivery; every send has the same webhook-id and a signature the app accepts', async () => {
      answers.set('/v2', 503);
      const history = await emulator.deliverV2Webhook(
        `${app.baseUrl}/v2`,
        emulator.v2Event('Transaction.Paid'),
      );
      expect(history).toMatchObject({ state: 'retrying', attempts: [{ status: 503 }] });
      answers.set('/v2', 200);
      // Past the whole schedule: the second send succeeds and nothing follows.
      const later = await emulator.clock.advance(24 * 3600);
      expect(later.attempts.map(a => [a.attempt, a.status])).toEqual([[2, 200]]);
      expect(emulator.webhookHistory(history.deliveryId)).toMatchObject({ state: 'delivered' });
      const sends = app.requests.filter(r => r.path === '/v2');
      expect(new Set(sends.map(r => r.headers['webhook-id'])).size).toBe(1);
      // The app checks the timestamp against its own (real) clock: a retry after moved time still passes.
      for (const send of sends) {
        const headers = send.headers as Record<string, string>;
        expect(() =>
          new Webhook(emulator.webhookSecret).verify(JSON.stringify(send.body), headers),
        ).not.toThrow();
      }
    });

    it('a custom schedule and a connection refused count as failures', async () => {
      const history = await emulator.deliverV2Webhook(
        'http://127.0.0.1:9/nobody',
        emulator.v2Event('BillingKey.Issued'),
        {
          schedule: { attempts: 3, delaysSeconds: [10, 20] },
        },
      );
      expect(history.attempts[0].error).toEqual(expect.any(String));
      expect((await emulator.clock.advance(9)).attempts).toEqual([]);
      expect((await emulator.clock.advance(1)).attempts.map(a => a.attempt)).toEqual([2]);
      expect((await emulator.clock.advance(20)).attempts.map(a => [a.attempt, a.givenUp])).toEqual([
        [3, true],
      ]);
    });

    it('bad schedules are refused with the field and the rule', async () => {
      await expect(PortOneEmulator.start({ webhookDelivery: { v2: 'sometimes' as never } })).rejects.toThrow(
        /webhookDelivery\.v2 must be one of/,
      );
      await expect(PortOneEmulator.start({ webhookDelivery: { v1: { attempts: 3 } } })).rejects.toThrow(
        /webhookDelivery\.v1\.delaysSeconds must give at least one wait/,
      );
      expect(() => emulator.setWebhookDelivery({ v1: { attempts: -1 } })).toThrow(
        /webhookDelivery\.v1\.attempts/,
      );
      await expect(emulator.clock.advance(-1)).rejects.toThrow(/seconds must be a number from 0/);
    });
  });

  describe('over HTTP', () => {
    it('PUT /emulator/webhook-delivery, POST /emulator/clock/advance and GET /emulator/webhooks', async () => {
      answers.set('/notice', 502);
      const set = await call(
        `${emulator.origin}/emulator/webhook-delivery`,
        jsonInit('PUT', { v1: 'portone-v1-resend' }),
      );
      expect(set).toMatchObject({ status: 200, body: { v1: 'portone-v1-resend', v2: 'portone-v2' } });
      expect(
        (await call(`${emulator.origin}/emulator/webhook-delivery`, jsonInit('PUT', { v1: 'never' }))).status,
      ).toBe(400);
      await emulator.payAtStore(await issueBarcode('/notice'));
      const moved = await call(
        `${emulator.origin}/emulator/clock/advance`,
        jsonInit('POST', { seconds: 60 }),
      );
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ advancedSeconds: 60, attempts: [{ attempt: 2, status: 502 }] });
      const listed = await call(`${emulator.origin}/emulator/webhooks`);
      expect(listed.body.items).toEqual([
        expect.objectContaining({ state: 'retrying', attempts: [expect.anything(), expect.anything()] }),
      ]);
      expect(
        (await call(`${emulator.origin}/emulator/clock/advance`, jsonInit('POST', { seconds: 'x' }))).status,
      ).toBe(400);
    });
  });
});
