import { PortOneEmulator, EMULATOR_WEBHOOK_SECRET } from '../../lib/testing';
import {
  PORTONE_V2_WEBHOOK_EVENT_TYPES,
  type PortOneModuleOptions,
  type PortOneV2WebhookEvent,
  type PortOneV2WebhookEventType,
} from '../../lib';
import { V2_WEBHOOK_DATA_FIELDS } from '../../lib/webhooks/events/v2-webhook-data';
import { CapturingLogger } from '../support/capturing-logger';
import { currentHttpAdapter } from '../support/http-adapter';
import { spyOn, type Spy } from '../support/spy';
import { emulatorOptions } from '../support/portone-test-app';
import {
  post,
  startWebhookApp,
  type WebhookAppSettings,
  type WebhookTestApp,
} from '../support/webhook-test-app';

const OTHER_SECRET = 'whsec_' + Buffer.from('another-secret-another-secret-32').toString('base64');
const ROTATED_SECRET = 'whsec_' + Buffer.from('rotated-secret-rotated-secret-32').toString('base64');
const SDK_TEST_SECRET = 'pzQGE83cSIRKM4/WH5QY+g==';

/**
 * Controls the clock `standardwebhooks` reads (`Date.now`) and nothing else: timers and sockets stay real.
 * Runner-neutral (the suite runs under jest and Vitest).
 */
function setClock(epochSeconds: number): Spy<[]> {
  return spyOn(Date, 'now', () => epochSeconds * 1000);
}

describe('V2 webhook deliveries', () => {
  const onFastify = currentHttpAdapter() === 'fastify';
  let emulator: PortOneEmulator;
  beforeAll(async () => {
    emulator = await PortOneEmulator.start();
  });
  afterAll(() => emulator?.close());

  function options(secrets: string[], logger?: CapturingLogger): PortOneModuleOptions {
    const base = emulatorOptions(emulator, logger ? { logger } : {});
    return { ...base, v2: { ...base.v2!, webhookSecrets: secrets } };
  }

  const paid = {
    type: 'Transaction.Paid',
    timestamp: '2026-11-29T00:00:00Z',
    data: { storeId: 's', paymentId: 'p-1', transactionId: 't-1' },
  };

  describe('with the emulator secret', () => {
    let web: WebhookTestApp;
    const logger = new CapturingLogger();
    beforeAll(async () => {
      web = await startWebhookApp(options([EMULATOR_WEBHOOK_SECRET], logger));
    });
    afterAll(() => web?.close());
    beforeEach(() => web.handlers.reset());

    it('verifies and dispatches a signed delivery with PortOne’s type and data', async () => {
      const delivery = await emulator.sendV2Webhook(web.webhookUrl, paid, { id: 'wh-paid-1' });
      expect(delivery.status).toBe(200);
      expect(web.handlers.events).toEqual<PortOneV2WebhookEvent[]>([
        {
          api: 'v2',
          type: 'Transaction.Paid',
          timestamp: paid.timestamp,
          webhookId: 'wh-paid-1',
          data: paid.data,
          body: paid,
        },
      ]);
    });

    it('dispatches unknown event types as they are', async () => {
      const event = { type: 'Something.New', timestamp: '2026-11-29T00:00:00Z', data: { x: 1 } };
      expect((await emulator.sendV2Webhook(web.webhookUrl, event)).status).toBe(200);
      expect(web.handlers.events.map(e => e.type)).toEqual(['Something.New']);
    });

    it('dispatches a duplicate webhook-id once', async () => {
      const signed = emulator.signWebhook(paid, { id: 'wh-dup-1' });
      const first = await post(web.webhookUrl, signed.body, {
        'content-type': 'application/json',
        ...signed.headers,
      });
      const second = await post(web.webhookUrl, signed.body, {
        'content-type': 'application/json',
        ...signed.headers,
      });
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.body.duplicate).toBe(true);
      expect(web.handlers.events).toHaveLength(1);
    });

    it('a throwing handler answers 500 and the retry of the same delivery is dispatched', async () => {
      web.handlers.failuresLeft = 1;
      const signed = emulator.signWebhook(paid, { id: 'wh-retry-1' });
      const headers = { 'content-type': 'application/json', ...signed.headers };
      expect((await post(web.webhookUrl, signed.body, headers)).status).toBe(500);
      expect(web.handlers.events).toEqual([]);
      expect((await post(web.webhookUrl, signed.body, headers)).status).toBe(200);
      expect(web.handlers.events).toHaveLength(1);
    });

    it.each<[string, () => { body: string; headers: Record<string, string> }, number]>([
      ['a wrong secret', () => sign(paid, { secret: OTHER_SECRET }), 401],
      [
        'a tampered body',
        () => ({ ...sign(paid), body: JSON.stringify({ ...paid, type: 'Transaction.Cancelled' }) }),
        401,
      ],
      ['a stale timestamp (310 s old)', () => sign(paid, { timestamp: new Date(Date.now() - 310_000) }), 401],
      [
        'a timestamp 310 s in the future',
        () => sign(paid, { timestamp: new Date(Date.now() + 310_000) }),
        401,
      ],
      ['no webhook-id', () => without(sign(paid), 'webhook-id'), 400],
      ['no webhook-timestamp', () => without(sign(paid), 'webhook-timestamp'), 400],
      ['no webhook-signature', () => without(sign(paid), 'webhook-signature'), 400],
      ['a non-numeric timestamp', () => withHeader(sign(paid), 'webhook-timestamp', '17x'), 401],
      [
        'a v2, signature only',
        () =>
          withHeader(
            sign(paid),
            'webhook-signature',
            sign(paid).headers['webhook-signature'].replace('v1,', 'v2,'),
          ),
        401,
      ],
    ])('%s: rejected with the expected 4xx, nothing dispatched', async (_case, make, status) => {
      const { body, headers } = make();
      const answer = await post(web.webhookUrl, body, { 'content-type': 'application/json', ...headers });
      expect(answer.status).toBe(status);
      expect(web.handlers.events).toEqual([]);
    });

    it('accepts a delivery when any of several v1 signatures matches', async () => {
      const good = sign(paid);
      const bad = sign(paid, { secret: OTHER_SECRET });
      const headers = {
        ...good.headers,
        'webhook-signature': `${bad.headers['webhook-signature']} ${good.headers['webhook-signature']}`,
      };
      expect(
        (await post(web.webhookUrl, good.body, { 'content-type': 'application/json', ...headers })).status,
      ).toBe(200);
    });

    it('never logs bodies, secrets or signatures', () => {
      const joined = logger.lines.join('\n');
      expect(logger.lines.length).toBeGreaterThan(5);
      for (const forbidden of [
        EMULATOR_WEBHOOK_SECRET,
        EMULATOR_WEBHOOK_SECRET.slice(6),
        'p-1',
        'paymentId',
        'v1,',
        'whsec_',
      ]) {
        expect(joined).not.toContain(forbidden);
      }
    });

    function sign(body: unknown, opts: Parameters<PortOneEmulator['signWebhook']>[1] = {}) {
      const signed = emulator.signWebhook(body, opts);
      return { body: signed.body, headers: { ...signed.headers } as Record<string, string> };
    }
  });

  it('rotation: either of two secrets verifies, a third does not', async () => {
    const web = await startWebhookApp(options([EMULATOR_WEBHOOK_SECRET, ROTATED_SECRET]));
    try {
      expect(
        (await emulator.sendV2Webhook(web.webhookUrl, paid, { secret: EMULATOR_WEBHOOK_SECRET })).status,
      ).toBe(200);
      expect((await emulator.sendV2Webhook(web.webhookUrl, paid, { secret: ROTATED_SECRET })).status).toBe(
        200,
      );
      expect((await emulator.sendV2Webhook(web.webhookUrl, paid, { secret: OTHER_SECRET })).status).toBe(401);
      expect(web.handlers.events).toHaveLength(2);
    } finally {
      await web.close();
    }
  });

  it('more than two secrets, or a secret that is not base64, stop the boot', async () => {
    await expect(
      startWebhookApp(options([EMULATOR_WEBHOOK_SECRET, ROTATED_SECRET, OTHER_SECRET])),
    ).rejects.toThrow(/webhookSecrets/);
    await expect(startWebhookApp(options(['whsec_***not base64***']))).rejects.toThrow(/webhookSecrets/);
  });

  it('no secret configured: a V2 delivery is 401 and nothing dispatched', async () => {
    const web = await startWebhookApp(options([]));
    try {
      expect((await emulator.sendV2Webhook(web.webhookUrl, paid)).status).toBe(401);
      expect(web.handlers.events).toEqual([]);
    } finally {
      await web.close();
    }
  });

  describe('the PORTONE-API.md 2.9 test vector, with a controlled clock', () => {
    let web: WebhookTestApp;
    const vector = {
      body: '{"test":"test payload"}',
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'dummy-webhook-id',
        'webhook-timestamp': '1714000000',
        'webhook-signature': 'v1,6SQiykwF5BCGjyB/gmOFtXtMNwQBM7k/52nd+vdX6Z4=',
      },
    };
    beforeAll(async () => {
      web = await startWebhookApp(options([SDK_TEST_SECRET]));
    });
    afterAll(() => web?.close());
    let clock: Spy<[]> | undefined;
    afterEach(() => clock?.restore());

    it('verifies at 1714000000 + 299 s', async () => {
      clock = setClock(1714000000 + 299);
      const answer = await post(web.webhookUrl, vector.body, vector.headers);
      expect(answer.status).toBe(200);
      expect(web.handlers.events).toEqual([
        {
          api: 'v2',
          type: 'unknown',
          webhookId: 'dummy-webhook-id',
          data: {},
          body: { test: 'test payload' },
        },
      ]);
    });

    it('is too new at 1714000000 - 301 s', async () => {
      web.handlers.reset();
      clock = setClock(1714000000 - 301);
      const answer = await post(web.webhookUrl, vector.body, {
        ...vector.headers,
        'webhook-id': 'other-id-2',
      });
      expect(answer).toMatchObject({ status: 401, body: { reason: 'TIMESTAMP_TOO_NEW' } });
      expect(web.handlers.events).toEqual([]);
    });

    it('is stale at 1714000000 + 301 s', async () => {
      web.handlers.reset();
      clock = setClock(1714000000 + 301);
      const answer = await post(web.webhookUrl, vector.body, { ...vector.headers, 'webhook-id': 'other-id' });
      expect(answer).toMatchObject({ status: 401, body: { reason: 'TIMESTAMP_TOO_OLD' } });
      expect(web.handlers.events).toEqual([]);
    });
  });

  describe('typed events (the union of the event types PortOne’s SDK declares)', () => {
    let web: WebhookTestApp;
    const logger = new CapturingLogger();
    beforeAll(async () => {
      web = await startWebhookApp(options([EMULATOR_WEBHOOK_SECRET], logger));
    });
    afterAll(() => web?.close());
    beforeEach(() => web.handlers.reset());

    /** A body for `type` whose data has every declared field, each of its declared JSON type. */
    function declaredEvent(type: PortOneV2WebhookEventType) {
      const data = Object.fromEntries(
        Object.entries(V2_WEBHOOK_DATA_FIELDS[type]).map(([field, kind]) => [
          field,
          kind === 'number' ? 1000 : `${field}-1`,
        ]),
      );
      return { type, timestamp: '2026-12-01T00:00:00Z', data };
    }

    it('dispatches each declared type with its timestamp and data', async () => {
      for (const type of PORTONE_V2_WEBHOOK_EVENT_TYPES) {
        const body = declaredEvent(type);
        expect({ type, status: (await emulator.sendV2Webhook(web.webhookUrl, body)).status }).toEqual({
          type,
          status: 200,
        });
      }
      expect(web.handlers.events.map(e => [e.type, 'timestamp' in e && e.timestamp])).toEqual(
        PORTONE_V2_WEBHOOK_EVENT_TYPES.map(type => [type, '2026-12-01T00:00:00Z']),
      );
      const confirm = web.handlers.events.find(e => e.type === 'Transaction.Confirm');
      expect(confirm?.type === 'Transaction.Confirm' && confirm.data.totalAmount).toBe(1000);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['no paymentId', { storeId: 's', transactionId: 't' }, 'data.paymentId is not a string'],
      ['a numeric transactionId', { storeId: 's', paymentId: 'p', transactionId: 7 }, 'data.transactionId'],
    ])(
      'a declared type with %s: dispatched all the same (PortOne signed it), the log line names the field',
      async (_case, data, problem) => {
        const body = { type: 'Transaction.Paid', timestamp: '2026-12-01T00:00:00Z', data };
        const delivery = await emulator.sendV2Webhook(web.webhookUrl, body);
        expect(delivery.status).toBe(200);
        expect(web.handlers.events.map(e => e.type)).toEqual(['Transaction.Paid']);
        expect(logger.lines.at(-1)).toContain(problem);
      },
    );

    it('a declared type without timestamp: dispatched, the log line says so', async () => {
      const { timestamp: _omitted, ...body } = declaredEvent('BillingKey.Issued');
      const delivery = await emulator.sendV2Webhook(web.webhookUrl, body);
      expect(delivery.status).toBe(200);
      expect(web.handlers.events).toHaveLength(1);
      expect(logger.lines.at(-1)).toContain('BillingKey.Issued (timestamp is not a string)');
    });

    it('an unknown type, or none, is dispatched as an unrecognized event whatever its data', async () => {
      await emulator.sendV2Webhook(web.webhookUrl, {
        type: 'Transaction.SomethingNew',
        data: 'not an object',
      });
      await emulator.sendV2Webhook(web.webhookUrl, { payment_id: 'p', tx_id: 't', status: 'Paid' });
      expect(web.handlers.events.map(e => [String(e.type), e.api === 'v2' && e.data])).toEqual([
        ['Transaction.SomethingNew', {}],
        ['unknown', {}],
      ]);
    });
  });

  describe('the raw body, whatever the app’s body parser does', () => {
    const cases: [string, WebhookAppSettings][] = [
      ['NestFactory, default parsers (the module captures the bytes)', {}],
      ['NestFactory behind a global prefix', { globalPrefix: 'api' }],
      ['a testing module with rawBody: true', { via: 'testing-module', rawBody: true }],
      ['a testing module with bodyParser: false', { via: 'testing-module', bodyParser: false }],
    ];
    // Fastify parses JSON itself even with bodyParser: false; there, rawBody: true is the way (README, Fastify).
    it.each(cases.filter(([, settings]) => settings.bodyParser !== false || !onFastify))(
      '%s: verifies',
      async (_case, settings) => {
        const web = await startWebhookApp(options([EMULATOR_WEBHOOK_SECRET]), settings);
        try {
          // Whitespace that a re-serialised parsed body would lose: only the exact bytes verify.
          const delivery = await emulator.sendV2Webhook(
            web.webhookUrl,
            '{ "type" : "Transaction.Paid", "data": {} }',
          );
          expect(delivery.status).toBe(200);
          expect(web.handlers.events.map(e => e.type)).toEqual(['Transaction.Paid']);
        } finally {
          await web.close();
        }
      },
    );

    it('a testing module whose JSON parser consumed the body: a clear 500, nothing dispatched', async () => {
      const logger = new CapturingLogger();
      const web = await startWebhookApp(options([EMULATOR_WEBHOOK_SECRET], logger), {
        via: 'testing-module',
      });
      try {
        const signed = emulator.signWebhook(paid);
        const answer = await post(web.webhookUrl, signed.body, {
          'content-type': 'application/json',
          ...signed.headers,
        });
        expect(answer.status).toBe(500);
        expect(answer.body.message).toContain('rawBody: true');
        // The fix in the form of the adapter in use.
        expect(answer.body.message).toContain(
          onFastify
            ? 'NestFactory.create(AppModule, new FastifyAdapter(), { rawBody: true })'
            : 'NestFactory.create(AppModule, { rawBody: true })',
        );
        expect(logger.lines.some(line => line.startsWith('error') && line.includes('rawBody: true'))).toBe(
          true,
        );
        expect(web.handlers.events).toEqual([]);
      } finally {
        await web.close();
      }
    });
  });
});

function without(signed: { body: string; headers: Record<string, string> }, name: string) {
  const headers = { ...signed.headers };
  delete headers[name];
  return { body: signed.body, headers };
}

function withHeader(signed: { body: string; headers: Record<string, string> }, name: string, value: string) {
  return { body: signed.body, headers: { ...signed.headers, [name]: value } };
}
