import request from 'supertest';
import type { App } from 'supertest/types';
import { PortOneEmulator } from '../../lib/testing';
import { secretsOfExchange } from '../support/exchange-secrets';
import { freePort } from '../support/free-port';
import { emulatorOptions, newId, rejectionOf, sendRequest } from '../support/portone-test-app';
import { startHealthTestApp, type HealthTestApp } from '../support/health-test-app';

const PROBE_PATH = /health_probe$/;

/** A loopback port nothing listens on: connections to it are refused. */
const closedPort = freePort;

describe('PortOneHealthIndicator (Terminus, against the emulator)', () => {
  let emulator: PortOneEmulator;
  let subject: HealthTestApp | undefined;
  const health = (path = '/health') => request(subject!.app.getHttpServer() as App).get(path);

  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.clearFaults();
    emulator.clearRequests();
  });
  afterEach(async () => {
    await subject?.close();
    subject = undefined;
  });

  it('knowing nothing, probes each API once however often it is asked, and reports up', async () => {
    subject = await startHealthTestApp(emulatorOptions(emulator), { probeIntervalMs: 60_000 });

    const answers = await Promise.all(Array.from({ length: 10 }, () => health()));
    for (let i = 0; i < 5; i++) answers.push(await health());

    for (const answer of answers) expect(answer.status).toBe(200);
    expect(answers[0].body).toMatchObject({
      status: 'ok',
      info: {
        portone: {
          status: 'up',
          v1: {
            status: 'up',
            basis: 'probe',
            lastCall: { outcome: 'error', httpStatus: 404 },
            token: { state: 'valid' },
          },
          v2: { status: 'up', basis: 'probe', lastCall: { outcome: 'error', httpStatus: 404 } },
        },
      },
    });
    expect(emulator.countRequests({ api: 'v1', path: PROBE_PATH })).toBe(1);
    expect(emulator.countRequests({ api: 'v2', path: PROBE_PATH })).toBe(1);
    expect(emulator.countRequests({ api: 'v1', path: '/users/getToken' })).toBe(1);
  });

  it("answers from the app's own recent calls without sending anything", async () => {
    subject = await startHealthTestApp(emulatorOptions(emulator), { probeIntervalMs: 60_000 });
    await subject.identityVerifications.send(newId(), sendRequest(emulator.credentials.channelKeys.danal));
    await rejectionOf(subject.certifications.get('imp_000000000404'));
    emulator.clearRequests();

    const answer = await health().expect(200);

    expect(answer.body.info.portone.v2).toMatchObject({
      status: 'up',
      basis: 'recent-calls',
      lastCall: { outcome: 'success', httpStatus: 200 },
      recentCalls: { count: 1, failures: 0 },
    });
    // A 404 is PortOne answering with our credentials accepted.
    expect(answer.body.info.portone.v1).toMatchObject({ status: 'up', lastCall: { httpStatus: 404 } });
    expect(emulator.requests).toHaveLength(0);
  });

  it('is down while PortOne fails (a fault on every call), and says why', async () => {
    subject = await startHealthTestApp(emulatorOptions(emulator), { probeIntervalMs: 60_000 });
    emulator.injectFault({ api: 'v2', path: /^\/identity-verifications/, status: 503, times: Infinity });
    await rejectionOf(subject.identityVerifications.get(newId()));

    const answer = await health('/health/v2').expect(503);

    expect(answer.body.error.portone).toMatchObject({
      status: 'down',
      v2: {
        status: 'down',
        basis: 'recent-calls',
        lastCall: { outcome: 'error', errorClass: 'PortOneApiError', httpStatus: 503 },
        reason: 'the last call failed (PortOneApiError)',
      },
    });
    expect(answer.body.info.portone).toBeUndefined();
    expect(emulator.countRequests({ path: PROBE_PATH })).toBe(0);
  });

  it('is down, without throwing, when the connection is refused', async () => {
    const port = await closedPort();
    const options = emulatorOptions(emulator);
    subject = await startHealthTestApp(
      {
        ...options,
        v1: { ...options.v1!, baseUrl: `http://127.0.0.1:${port}` },
        v2: { ...options.v2!, baseUrl: `http://127.0.0.1:${port}` },
      },
      { probeIntervalMs: 60_000, probeTimeoutMs: 2_000 },
    );

    const direct = await subject.indicator.isHealthy('portone');
    const answer = await health().expect(503);

    expect(direct.portone.status).toBe('down');
    expect(answer.body.error.portone).toMatchObject({
      v1: {
        status: 'down',
        lastCall: { errorClass: 'PortOneAuthError' },
        token: { state: 'none', lastFetchFailure: 'PortOneAuthError' },
      },
      v2: { status: 'down', lastCall: { errorClass: 'PortOneNetworkError' } },
    });
  });

  it('recovers: down during an outage, up on the next probe after it ends', async () => {
    subject = await startHealthTestApp(emulatorOptions(emulator), { probeIntervalMs: 200 });
    emulator.injectFault({ api: 'v2', path: PROBE_PATH, status: 500, times: Infinity });

    await health('/health/v2').expect(503);
    emulator.clearFaults();
    // Within the interval the indicator keeps its answer and sends nothing.
    await health('/health/v2').expect(503);
    expect(emulator.countRequests({ api: 'v2', path: PROBE_PATH })).toBe(1);

    await new Promise(resolve => setTimeout(resolve, 250));
    const answer = await health('/health/v2').expect(200);
    expect(answer.body.info.portone.v2).toMatchObject({
      status: 'up',
      basis: 'probe',
      recentCalls: { count: 2, failures: 1 },
    });
    expect(emulator.countRequests({ api: 'v2', path: PROBE_PATH })).toBe(2);
  });

  it('is down for an API that is not configured', async () => {
    subject = await startHealthTestApp({ ...emulatorOptions(emulator), v2: undefined });
    const answer = await health('/health/v2').expect(503);
    expect(answer.body.error.portone.v2).toMatchObject({ status: 'down', reason: 'v2 is not configured' });
  });

  it('never shows a credential, a token or personal data', async () => {
    subject = await startHealthTestApp(
      emulatorOptions(emulator, { v2: { ...emulatorOptions(emulator).v2!, auth: 'token' } }),
      {
        probeIntervalMs: 60_000,
      },
    );
    const person = sendRequest(emulator.credentials.channelKeys.danal);
    await subject.identityVerifications.send(newId(), person);
    const answer = await health().expect(200);

    expect(answer.body.info.portone.v2.token).toMatchObject({ state: 'valid', ageSeconds: 0 });
    const text = answer.text;
    const secrets = [
      ...secretsOfExchange(emulator),
      person.customer.name,
      person.customer.phoneNumber,
      person.customer.identityNumber,
    ];
    expect(secrets.length).toBeGreaterThanOrEqual(6);
    expect(secrets.filter(secret => text.includes(secret))).toEqual([]);
  });

  it('rejects invalid options while the app boots', async () => {
    await expect(startHealthTestApp(emulatorOptions(emulator), { probeIntervalMs: 0 })).rejects.toThrow(
      'PortOneHealthModule: probeIntervalMs must be a positive integer (milliseconds)',
    );
  });
});
