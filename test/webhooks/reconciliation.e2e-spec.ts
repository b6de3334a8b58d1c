import { Test } from '@nestjs/testing';
import { PortOneConfigurationError, PortOneModule, type PortOneModuleOptions } from '../../lib';
import { PortOneEmulator } from '../../lib/testing';
import { CapturingLogger } from '../support/capturing-logger';
import { waitFor, sleep } from '../support/emulator-http';
import { emulatorOptions, rejectionOf } from '../support/portone-test-app';
import {
  betweenSweeps,
  deadUrl,
  gate,
  issueBarcode,
  nextSweeps,
  sweepLines,
  v1Events,
} from '../support/reconciliation-fixtures';
import { post, startWebhookApp, type WebhookTestApp } from '../support/webhook-test-app';

const INTERVAL_MS = 200;

/**
 * Reconciliation with the default (in-memory) claim store, one app: PortOne sends a V1 notice once, so a
 * lost notice is found in PortOne's records by the next sweep, and a payment is dispatched once whichever of
 * the notice and the sweep comes first.
 */
describe('webhook reconciliation: a paid barcode whose notice never came', () => {
  let emulator: PortOneEmulator;
  let web: WebhookTestApp;
  const logger = new CapturingLogger();

  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
    web = await startWebhookApp(emulatorOptions(emulator, { logger }), {
      reconcile: { intervalMs: INTERVAL_MS, overlapMs: 2_000, lookBackMs: 60_000 },
    });
  });
  afterAll(async () => {
    await web?.close();
    await emulator?.close();
  });
  beforeEach(() => {
    web.handlers.reset();
    emulator.clearFaults();
  });

  it('a notice lost (URL down, sent once) reaches payment.paid with the next sweep, once', async () => {
    const issued = await issueBarcode(web, emulator, await deadUrl());
    const before = sweepLines(logger).length;
    const paid = await emulator.payAtStore(issued.impUid);
    expect(paid.notices.map(notice => notice.status)).toEqual([undefined]); // nobody answered

    await waitFor(
      () =>
        sweepLines(logger)
          .slice(before)
          .some(line => /dispatched=1 /.test(line)),
      10_000,
    );
    // Dispatched by the sweep that was running when the customer paid, or the next one: within one interval.
    const lines = sweepLines(logger).slice(before);
    const dispatching = lines.findIndex(line => /dispatched=1 /.test(line));
    expect(dispatching).toBeGreaterThanOrEqual(0);
    expect(dispatching).toBeLessThanOrEqual(1);
    expect(v1Events(web)[0]).toMatchObject({
      api: 'v1',
      type: 'payment.paid',
      source: 'reconciliation',
      payment: { impUid: issued.impUid, status: 'paid', payMethod: 'cvs', amount: 4_500 },
    });

    await nextSweeps(logger, sweepLines(logger).length, 2);
    expect(v1Events(web)).toHaveLength(1);
    // The later sweeps listed it again (overlap) and recognised it as handled.
    expect(sweepLines(logger).at(-1)).toMatch(/already-handled=[1-9]/);
  });

  it('each sweep logs one line of counts, never a payment id or personal data', async () => {
    const issued = await issueBarcode(web, emulator, await deadUrl());
    await emulator.payAtStore(issued.impUid);
    await waitFor(() => v1Events(web).length === 1, 10_000);
    const lines = sweepLines(logger);
    expect(lines.at(-1)).toMatch(
      /^log webhook reconciliation complete: listed=\d+ dispatched=\d+ queued=0 already-handled=\d+ in-progress=0 failed=0 pages=2 \d+ms; cursor advanced$/,
    );
    for (const line of lines) {
      expect(line).not.toContain(issued.impUid);
      expect(line).not.toContain(issued.merchantUid);
      expect(line).not.toContain('이영희');
    }
  });

  it('the notice first, then sweeps: one dispatch (source notice)', async () => {
    const issued = await issueBarcode(web, emulator, web.webhookUrl);
    const paid = await emulator.payAtStore(issued.impUid);
    expect(paid.notices.map(notice => notice.status)).toEqual([200]);
    const seen = sweepLines(logger).length;
    await nextSweeps(logger, seen, 2);
    expect(v1Events(web)).toHaveLength(1);
    expect(v1Events(web)[0]).toMatchObject({ source: 'notice', payment: { impUid: issued.impUid } });
  });

  it('the sweep first, then the notice arrives late: one dispatch, the notice answered 200', async () => {
    const issued = await issueBarcode(web, emulator, await deadUrl());
    await emulator.payAtStore(issued.impUid);
    await waitFor(() => v1Events(web).length === 1, 10_000);

    const late = await post(
      web.webhookUrl,
      JSON.stringify({ imp_uid: issued.impUid, merchant_uid: issued.merchantUid, status: 'paid' }),
    );
    expect(late.status).toBe(200);
    expect(v1Events(web)).toHaveLength(1);
    expect(v1Events(web)[0].source).toBe('reconciliation');
  });

  it('a sweep during a running notice handler leaves it to the notice (cursor held), then one dispatch', async () => {
    const hold = gate();
    web.handlers.hold = hold.wait;
    const issued = await issueBarcode(web, emulator, web.webhookUrl);
    const paying = emulator.payAtStore(issued.impUid);
    await waitFor(() => web.handlers.started === 1, 5_000);

    // Sweeps meanwhile find its claim in progress: not dispatched again, and the cursor stays.
    const seen = sweepLines(logger).length;
    const during = await nextSweeps(logger, seen, 2);
    expect(during.join('\n')).toMatch(/in-progress=1 .*cursor held: a payment is still being handled/);
    expect(web.handlers.started).toBe(1);

    hold.open();
    expect((await paying).notices.map(notice => notice.status)).toEqual([200]);
    const after = await nextSweeps(logger, sweepLines(logger).length, 2);
    expect(after.at(-1)).toMatch(/complete: .*cursor advanced/);
    expect(v1Events(web)).toHaveLength(1);
    expect(v1Events(web)[0].source).toBe('notice');
    expect(web.handlers.started).toBe(1);
  });

  it('a notice during a running sweep dispatch is answered 503 (in progress), then one dispatch', async () => {
    const hold = gate();
    web.handlers.hold = hold.wait;
    const issued = await issueBarcode(web, emulator, await deadUrl());
    await emulator.payAtStore(issued.impUid);
    await waitFor(() => web.handlers.started === 1, 5_000); // the sweep's dispatch is running

    const notice = JSON.stringify({
      imp_uid: issued.impUid,
      merchant_uid: issued.merchantUid,
      status: 'paid',
    });
    expect((await post(web.webhookUrl, notice)).status).toBe(503);
    hold.open();
    await waitFor(() => v1Events(web).length === 1, 5_000);
    expect((await post(web.webhookUrl, notice)).status).toBe(200);
    expect(v1Events(web)[0].source).toBe('reconciliation');
    expect(web.handlers.started).toBe(1);
  });

  it('a notice and a sweep at the same moment, many times over: each payment dispatched once', async () => {
    const payments = await Promise.all(
      Array.from({ length: 20 }, () => issueBarcode(web, emulator, web.webhookUrl)),
    );
    // Paid without a notice, then the notices race whichever sweep is running.
    for (const payment of payments) emulator.markCvsPaid(payment.impUid);
    await Promise.all(
      payments.map(payment =>
        post(
          web.webhookUrl,
          JSON.stringify({ imp_uid: payment.impUid, merchant_uid: payment.merchantUid, status: 'paid' }),
        ),
      ),
    );
    await waitFor(() => v1Events(web).length >= 20, 10_000);
    await nextSweeps(logger, sweepLines(logger).length, 2);
    const ids = v1Events(web).map(event => event.payment.impUid);
    expect(ids).toHaveLength(20);
    expect(new Set(ids)).toEqual(new Set(payments.map(payment => payment.impUid)));
  });

  it('a cancelled payment whose notice was lost: payment.cancelled once, under the notice key', async () => {
    const issued = await issueBarcode(web, emulator, await deadUrl());
    emulator.markCvsPaid(issued.impUid);
    await waitFor(() => v1Events(web).length === 1, 10_000);
    const cancellation = emulator.cancelPayment(issued.impUid, 4_500);
    await waitFor(() => v1Events(web).length === 2, 10_000);
    expect(v1Events(web)[1]).toMatchObject({
      type: 'payment.cancelled',
      source: 'reconciliation',
      cancellationId: cancellation.cancellation_id,
      payment: { impUid: issued.impUid, status: 'cancelled' },
    });
    // PortOne's notice for that cancellation, arriving late, is the same delivery.
    const late = await post(
      web.webhookUrl,
      JSON.stringify({
        imp_uid: issued.impUid,
        merchant_uid: issued.merchantUid,
        status: 'cancelled',
        cancellation_id: cancellation.cancellation_id,
      }),
    );
    expect(late.status).toBe(200);
    await nextSweeps(logger, sweepLines(logger).length, 1);
    expect(v1Events(web)).toHaveLength(2);
  });

  it('PortOne answering 503 to the list: the sweep fails, the cursor stays, a later sweep dispatches it', async () => {
    await betweenSweeps(logger);
    // In the quiet time between two sweeps: every list fails from now on, and a barcode is paid, notice lost.
    emulator.injectFault({ api: 'v1', path: '/payments/status/paid', status: 503, times: Infinity });
    const issued = await issueBarcode(web, emulator, await deadUrl());
    emulator.markCvsPaid(issued.impUid);
    const seen = sweepLines(logger).length;
    const failed = await nextSweeps(logger, seen, 2);
    expect(
      failed.every(line => /^warn webhook reconciliation failed: .*cursor held: PortOneApiError$/.test(line)),
    ).toBe(true);
    expect(v1Events(web)).toHaveLength(0);

    emulator.clearFaults();
    await waitFor(() => v1Events(web).length === 1, 10_000);
    expect(v1Events(web)[0].payment.impUid).toBe(issued.impUid);
    // The sweep that found it listed from the cursor the failed ones left, which is before the payment.
    const paidAt = emulator.getPayment(issued.impUid)!.paid_at;
    const lists = emulator.requests.filter(r => r.path === '/payments/status/paid' && r.status === 200);
    expect(Number(lists.at(-1)!.query.from)).toBeLessThanOrEqual(paidAt);
  });

  it('a handler throwing: the sweep leaves the cursor, the next one dispatches it again, once', async () => {
    await betweenSweeps(logger);
    web.handlers.failuresLeft = 1;
    const issued = await issueBarcode(web, emulator, await deadUrl());
    emulator.markCvsPaid(issued.impUid);
    const seen = sweepLines(logger).length;
    await waitFor(() => v1Events(web).length === 1, 10_000);
    const lines = sweepLines(logger).slice(seen);
    expect(lines[0]).toMatch(
      /^warn webhook reconciliation incomplete: .*failed=1 .*cursor held: a handler failed$/,
    );
    expect(web.handlers.started).toBe(2);
    await nextSweeps(logger, sweepLines(logger).length, 1);
    expect(v1Events(web)).toHaveLength(1);
    expect(v1Events(web)[0].payment.impUid).toBe(issued.impUid);
  });
});

describe('webhook reconciliation: cold start, shutdown and configuration', () => {
  let emulator: PortOneEmulator;
  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
  });
  afterAll(() => emulator?.close());

  it('the first sweep after a cold start looks back lookBackMs, no further', async () => {
    const logger = new CapturingLogger();
    const issuer = await startWebhookApp(emulatorOptions(emulator));
    const old = await issueBarcode(issuer, emulator);
    const recent = await issueBarcode(issuer, emulator);
    await issuer.close();
    emulator.setClockSkew(-2 * 3_600);
    emulator.markCvsPaid(old.impUid); // paid two hours ago
    emulator.setClockSkew(-30 * 60);
    emulator.markCvsPaid(recent.impUid); // paid half an hour ago
    emulator.setClockSkew(0);

    const web = await startWebhookApp(emulatorOptions(emulator, { logger }), {
      reconcile: { intervalMs: INTERVAL_MS, lookBackMs: 3_600_000 },
    });
    try {
      await waitFor(() => v1Events(web).length === 1, 10_000);
      await nextSweeps(logger, sweepLines(logger).length, 2);
      expect(v1Events(web).map(event => event.payment.impUid)).toEqual([recent.impUid]);
    } finally {
      await web.close();
    }
  });

  it('app.close() waits for a running sweep, then no sweep starts', async () => {
    const logger = new CapturingLogger();
    const web = await startWebhookApp(emulatorOptions(emulator, { logger }), {
      reconcile: { intervalMs: INTERVAL_MS },
    });
    await betweenSweeps(logger); // the cold start's sweep dispatched what earlier tests paid
    web.handlers.reset();
    const hold = gate();
    web.handlers.hold = hold.wait;
    const issued = await issueBarcode(web, emulator);
    emulator.markCvsPaid(issued.impUid);
    await waitFor(() => web.handlers.started === 1, 10_000);

    let closed = false;
    const closing = web.close().then(() => (closed = true));
    try {
      await sleep(300);
      expect(closed).toBe(false);
    } finally {
      hold.open();
    }
    await closing;
    expect(sweepLines(logger).at(-1)).toMatch(/complete: .*dispatched=1 /);
    const lists = emulator.countRequests({ path: '/payments/status/paid' });
    await sleep(3 * INTERVAL_MS);
    expect(emulator.countRequests({ path: '/payments/status/paid' })).toBe(lists);
  });

  it('app.close() waits at most shutdownGraceMs for a sweep whose handler hangs', async () => {
    const logger = new CapturingLogger();
    const web = await startWebhookApp(emulatorOptions(emulator, { shutdownGraceMs: 300, logger }), {
      reconcile: { intervalMs: INTERVAL_MS },
    });
    await betweenSweeps(logger);
    web.handlers.reset();
    const hold = gate();
    web.handlers.hold = hold.wait;
    const issued = await issueBarcode(web, emulator);
    emulator.markCvsPaid(issued.impUid);
    await waitFor(() => web.handlers.started === 1, 10_000);
    try {
      let closed = false;
      const closing = web.close().then(() => (closed = true));
      await waitFor(() => closed, 5_000);
      await closing;
    } finally {
      hold.open();
    }
  });
});

describe('webhook reconciliation: configuration', () => {
  const v1 = { apiKey: 'key', apiSecret: 'secret', baseUrl: 'http://127.0.0.1:9' };

  /** The problems of the one PortOneConfigurationError a failed boot reports. */
  async function problemsOfBoot(
    options: Partial<PortOneModuleOptions>,
    reconcile: unknown,
  ): Promise<string[]> {
    // Nothing is thrown where the module is defined: option problems are reported at boot, all together.
    const imports = [PortOneModule.forRoot({ v1, ...options, webhook: { reconcile: reconcile as never } })];
    const error = await rejectionOf(Test.createTestingModule({ imports }).compile());
    expect(error).toBeInstanceOf(PortOneConfigurationError);
    return [...(error as PortOneConfigurationError).problems];
  }

  it.each<[string, unknown, RegExp]>([
    ['not an object', 'yes', /webhook\.reconcile must be true or an object/],
    [
      'an interval too short',
      { intervalMs: 5 },
      /webhook\.reconcile\.intervalMs must be an integer from 10 to 2147483647/,
    ],
    // Node fires a timer of 2^31 ms or more after 1 ms: the sweep would run without pause.
    [
      'an interval a timer cannot hold',
      { intervalMs: 2 ** 31 },
      /webhook\.reconcile\.intervalMs must be an integer from 10 to 2147483647/,
    ],
    [
      'a negative overlap',
      { overlapMs: -1 },
      /webhook\.reconcile\.overlapMs must be an integer of at least 0/,
    ],
    [
      'a look-back past 90 days',
      { lookBackMs: 91 * 86_400_000 },
      /webhook\.reconcile\.lookBackMs must be an integer from 1 to 7776000000/,
    ],
    ['an unknown option', { interval: 1_000 }, /webhook\.reconcile\.interval is not an option/],
  ])(
    '%s: the app does not start, PortOneConfigurationError naming the option and rule',
    async (_case, reconcile, message) => {
      expect(await problemsOfBoot({}, reconcile)).toEqual([expect.stringMatching(message)]);
    },
  );

  it("every problem of webhook.reconcile in the one error, beside the other options' problems", async () => {
    const problems = await problemsOfBoot(
      { v1: { ...v1, baseUrl: 'not a url' } },
      { intervalMs: 5, overlapMs: -1, lookBackMs: 0, interval: 1 },
    );
    expect(problems).toEqual([
      expect.stringContaining('v1.baseUrl'),
      expect.stringMatching(/webhook\.reconcile\.interval is not an option/),
      expect.stringMatching(/webhook\.reconcile\.intervalMs/),
      expect.stringMatching(/webhook\.reconcile\.overlapMs/),
      expect.stringMatching(/webhook\.reconcile\.lookBackMs/),
    ]);
  });

  it.each<[string, Partial<PortOneModuleOptions>, RegExp]>([
    [
      'a claim store without leases and cursors',
      {
        webhookReceiver: {
          claimStore: {
            claim: () => Promise.resolve({ state: 'done' as const }),
            complete: () => Promise.resolve(),
            release: () => Promise.resolve(),
          },
        },
      },
      /claimStore lacks acquireLease, renewLease, releaseLease, readCursor, writeCursor/,
    ],
    [
      'a look-back longer than the dedupe window',
      { webhookReceiver: { dedupeWindowMs: 3_600_000 } },
      /lookBackMs must not exceed webhookReceiver\.dedupeWindowMs/,
    ],
    ['no v1', { v1: undefined, v2: { apiSecret: 'x', baseUrl: 'http://127.0.0.1:9' } }, /needs v1/],
  ])('%s: the app does not start', async (_case, overrides, message) => {
    expect(await problemsOfBoot(overrides, true)).toEqual([expect.stringMatching(message)]);
  });
});
