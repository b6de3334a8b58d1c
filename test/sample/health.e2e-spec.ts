import request from 'supertest';
import { secretsOfExchange } from '../support/exchange-secrets';
import { sendBody, startSampleApp, uniqueId, type SampleApp } from '../support/sample-app';

const PROBE_PATH = /health_probe$/;

describe('sample: GET /health/portone (Terminus + nestjs-portone/health)', () => {
  let sample: SampleApp;
  const http = () => request(sample.server);

  beforeEach(async () => {
    sample = await startSampleApp();
  });
  afterEach(() => sample.close());

  it('is up, probing each API once, then answers from what it knows', async () => {
    const first = await http().get('/health/portone').expect(200);
    await http().get('/health/portone').expect(200);

    expect(first.body).toMatchObject({
      status: 'ok',
      info: { portone: { status: 'up', v1: { status: 'up' }, v2: { status: 'up' } } },
    });
    expect(sample.emulator.countRequests({ api: 'v1', path: PROBE_PATH })).toBe(1);
    expect(sample.emulator.countRequests({ api: 'v2', path: PROBE_PATH })).toBe(1);
  });

  it("is down (503) after the app's own V2 calls failed, and shows nothing secret or personal", async () => {
    const body = sendBody();
    sample.emulator.injectFault({
      api: 'v2',
      path: /^\/identity-verifications\//,
      status: 503,
      times: Infinity,
    });
    await http()
      .post(`/identity-verifications/${uniqueId('iv')}/send`)
      .send(body)
      .expect(502);

    const res = await http().get('/health/portone').expect(503);

    expect(res.body.error.portone.v2).toMatchObject({
      status: 'down',
      basis: 'recent-calls',
      lastCall: { outcome: 'error', errorClass: 'PortOneApiError', httpStatus: 503 },
    });
    expect(sample.emulator.countRequests({ api: 'v2', path: PROBE_PATH })).toBe(0);
    const forbidden = [...secretsOfExchange(sample.emulator), ...Object.values(body.customer)];
    expect(forbidden.filter(secret => res.text.includes(secret))).toEqual([]);
  });
});
