import request from 'supertest';
import { sendBody, startSampleApp, uniqueId, V1_PERSON, type SampleApp } from '../support/sample-app';

const UPSTREAM_FAILURE = {
  statusCode: 502,
  error: 'Bad Gateway',
  message: 'PortOne could not complete the request. Try again later.',
};

describe('sample: PortOne failures become 502 Bad Gateway', () => {
  let sample: SampleApp;

  beforeAll(async () => {
    sample = await startSampleApp();
  });
  afterAll(() => sample.close());
  beforeEach(() => {
    sample.emulator.clearFaults();
    sample.emulator.clearRequests();
  });

  const http = () => request(sample.server);

  async function sentVerification(): Promise<string> {
    const id = uniqueId('iv');
    await http().post(`/identity-verifications/${id}/send`).send(sendBody()).expect(201);
    return id;
  }

  it('answers 502 when PortOne keeps failing with 5xx, after the module retried the read', async () => {
    const id = await sentVerification();
    const path = `/identity-verifications/${id}`;
    sample.emulator.injectFault({ api: 'v2', method: 'GET', path, status: 503, times: Infinity });

    const res = await http().get(path).expect(502);
    expect(res.body).toMatchObject({ ...UPSTREAM_FAILURE, portOne: { requestId: expect.any(String) } });
    // The first attempt and the module's two retries (a GET is safe to repeat).
    expect(sample.emulator.countRequests({ api: 'v2', method: 'GET', path })).toBe(3);

    sample.emulator.clearFaults();
    await http().get(path).expect(200);
  });

  it('answers 502 when the connection drops, without re-sending a V1 OTP request', async () => {
    sample.emulator.injectFault({ api: 'v1', path: '/certifications/otp/request', dropConnection: true });

    const res = await http().post('/certifications/otp').send(V1_PERSON).expect(502);
    expect(res.body).toMatchObject(UPSTREAM_FAILURE);
    // V1 has no idempotency: a blind retry could text the person twice.
    expect(sample.emulator.countRequests({ api: 'v1', path: '/certifications/otp/request' })).toBe(1);
  });

  it('answers 502 when a CVS issue fails upstream', async () => {
    sample.emulator.injectFault({ api: 'v1', path: '/cvs', status: 500 });

    const res = await http()
      .post('/cvs')
      .send({ merchantUid: uniqueId('order'), amount: 1000 })
      .expect(502);
    expect(res.body).toMatchObject(UPSTREAM_FAILURE);
    expect(sample.emulator.countRequests({ api: 'v1', path: '/cvs' })).toBe(1);
  });

  it('answers 502 when a proxy answers with an HTML error page', async () => {
    sample.emulator.injectFault({
      api: 'v1',
      path: /^\/certifications\//,
      status: 502,
      body: '<html><body>502 Bad Gateway</body></html>',
      times: Infinity,
    });

    const res = await http().get('/certifications/imp_000000000001').expect(502);
    expect(res.body).toMatchObject(UPSTREAM_FAILURE);
    expect(res.text).not.toContain('<html>');
  });

  it('answers 502 when PortOne refuses the server credentials, without revealing them', async () => {
    const id = await sentVerification();
    sample.emulator.injectFault({ api: 'v2', path: `/identity-verifications/${id}`, status: 401 });

    const res = await http().get(`/identity-verifications/${id}`).expect(502);
    expect(res.body).toMatchObject(UPSTREAM_FAILURE);
    expect(res.text).not.toContain(sample.emulator.credentials.v2.apiSecret);
  });

  it('answers 502 with the PG code when the PG rejects a send, and changes nothing', async () => {
    const id = uniqueId('iv');
    sample.emulator.setNextPgError({ pgCode: 'DANAL_9999', pgMessage: 'carrier unavailable' });

    const res = await http().post(`/identity-verifications/${id}/send`).send(sendBody()).expect(502);
    expect(res.body).toMatchObject({
      statusCode: 502,
      error: 'Bad Gateway',
      message: 'carrier unavailable',
      portOne: { type: 'PG_PROVIDER', pgCode: 'DANAL_9999' },
    });
    await http().get(`/identity-verifications/${id}`).expect(404);
  });
});
