import { PortOneEmulator } from '../../lib/testing';
import { PortOneHealthIndicator, PortOneHealthModule } from '../../lib/health';
import { CapturingLogger } from '../support/capturing-logger';
import { waitFor } from '../support/emulator-http';
import { InMemoryTelemetry } from '../support/in-memory-telemetry';
import { createPortOneTestApp, emulatorOptions } from '../support/portone-test-app';
import { nextSweeps, sweepLines, v1Events } from '../support/reconciliation-fixtures';
import { startWebhookApp } from '../support/webhook-test-app';

describe('webhook reconciliation: 2,500 paid payments, health and metrics', () => {
  let emulator: PortOneEmulator;
  let telemetry: InMemoryTelemetry;

  beforeAll(async () => {
    telemetry = InMemoryTelemetry.install();
    emulator = await PortOneEmulator.start({ strict: true });
  });
  afterAll(async () => {
    await emulator?.close();
    await telemetry.uninstall();
  });

  it('2,500 paid payments across three pages: all dispatched, once; metrics count them', async () => {
    const issuer = await createPortOneTestApp(emulatorOptions(emulator));
    const ids: string[] = [];
    try {
      for (let batch = 0; batch < 50; batch++) {
        const issued = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            issuer.cvs.issue({
              channelKey: emulator.credentials.channelKeys.galaxia,
              merchantUid: `bulk-${batch}-${i}`,
              amount: 1_000,
            }),
          ),
        );
        for (const payment of issued) {
          emulator.markCvsPaid(payment.impUid);
          ids.push(payment.impUid);
        }
      }
    } finally {
      await issuer.close();
    }
    emulator.clearRequests();

    const logger = new CapturingLogger();
    const web = await startWebhookApp(emulatorOptions(emulator, { logger }), {
      reconcile: { intervalMs: 300, overlapMs: 1_000 },
    });
    try {
      await waitFor(() => sweepLines(logger).length >= 1, 60_000);
      expect(sweepLines(logger)[0]).toMatch(
        /^log webhook reconciliation complete: listed=2500 dispatched=2500 queued=0 already-handled=0 in-progress=0 failed=0 pages=4 /,
      );
      const lists = emulator.requests.filter(request => request.path === '/payments/status/paid');
      expect(lists.slice(0, 3).map(request => request.query)).toEqual([
        expect.objectContaining({ page: '1', limit: '1000', sorting: 'paid' }),
        expect.objectContaining({ page: '2', limit: '1000', sorting: 'paid' }),
        expect.objectContaining({ page: '3', limit: '1000', sorting: 'paid' }),
      ]);
      await nextSweeps(logger, sweepLines(logger).length, 1);
      const dispatched = v1Events(web).map(event => event.payment.impUid);
      expect(dispatched).toHaveLength(2_500);
      expect(new Set(dispatched)).toEqual(new Set(ids));
      expect(v1Events(web).every(event => event.source === 'reconciliation')).toBe(true);

      const metrics = await telemetry.metrics();
      expect(metrics.get('portone.webhook.reconciliation.payments')).toContainEqual(
        expect.objectContaining({
          attributes: { 'portone.reconciliation.result': 'dispatched' },
          value: 2_500,
        }),
      );
      expect(
        metrics
          .get('portone.webhook.reconciliation.sweeps')
          ?.find(point => point.attributes['portone.outcome'] === 'complete')?.value,
      ).toBeGreaterThanOrEqual(2);
      expect(metrics.get('portone.webhook.reconciliation.sweep.duration')).toBeDefined();
    } finally {
      await web.close();
    }
  }, 120_000); // 2,500 barcodes issued over HTTP first: slow on a loaded machine

  it('sweeps that keep failing turn the health indicator degraded, then down; a complete one, up', async () => {
    const logger = new CapturingLogger();
    const web = await startWebhookApp(emulatorOptions(emulator, { logger }), {
      reconcile: { intervalMs: 100, overlapMs: 1_000 },
      imports: [PortOneHealthModule],
    });
    const indicator = web.app.get(PortOneHealthIndicator);
    try {
      await waitFor(() => sweepLines(logger).length >= 1, 30_000);
      await expect(indicator.isHealthy('portone')).resolves.toMatchObject({
        portone: { status: 'up', reconciliation: { status: 'up', consecutiveFailures: 0 } },
      });

      emulator.injectFault({ api: 'v1', path: '/payments/status/paid', status: 503, times: Infinity });
      const seen = sweepLines(logger).length;
      await nextSweeps(logger, seen, 1);
      await waitFor(() => sweepLines(logger).at(-1)!.includes('failed:'), 10_000);
      // (The V1 API itself reports down too: its recent calls failed.)
      const degraded = await indicator.isHealthy('portone');
      expect(degraded.portone.reconciliation).toMatchObject({
        status: expect.stringMatching(/degraded|down/),
        lastOutcome: 'failed',
      });

      await waitFor(
        () =>
          sweepLines(logger)
            .slice(seen)
            .filter(line => line.includes('failed:')).length >= 3,
        10_000,
      );
      const down = await indicator.isHealthy('portone');
      expect(down.portone).toMatchObject({
        status: 'down',
        reconciliation: { status: 'down', lastOutcome: 'failed' },
      });
      expect(JSON.stringify(down)).not.toMatch(/imps_|bulk-/);

      emulator.clearFaults();
      await waitFor(() => sweepLines(logger).at(-1)!.includes('complete:'), 10_000);
      await expect(indicator.isHealthy('portone')).resolves.toMatchObject({
        portone: { status: 'up', reconciliation: { status: 'up', consecutiveFailures: 0 } },
      });
    } finally {
      emulator.clearFaults();
      await web.close();
    }
  });
});
