import { PortOneEmulator } from '../../lib/testing';
import {
  call,
  jsonInit,
  otpRequestBody,
  sendBody,
  uniqueId,
  v1Token,
  v2Auth,
  waitFor,
} from '../support/emulator-http';

describe('emulator fault injection', () => {
  let emulator: PortOneEmulator;
  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  const getToken = () =>
    call(
      `${emulator.v1BaseUrl}/users/getToken`,
      jsonInit('POST', {
        imp_key: emulator.credentials.v1.apiKey,
        imp_secret: emulator.credentials.v1.apiSecret,
      }),
    );
  const v2Get = (id: string) =>
    call(`${emulator.v2BaseUrl}/identity-verifications/${id}`, { headers: v2Auth(emulator) });

  it('answers with a status and a custom JSON body, once by default', async () => {
    emulator.injectFault({
      path: '/users/getToken',
      status: 429,
      body: { code: -1, message: 'slow down', response: null },
      headers: { 'Retry-After': '2' },
    });
    const faulted = await getToken();
    expect(faulted.status).toBe(429);
    expect(faulted.body).toEqual({ code: -1, message: 'slow down', response: null });
    expect(faulted.headers.get('retry-after')).toBe('2');
    expect(faulted.headers.get('x-request-id')).toMatch(/\S/);
    expect((await getToken()).status).toBe(200);
  });

  it('sends the API normal error body when only a status is given', async () => {
    emulator.injectFault({ api: 'v1', path: '/users/getToken', status: 503 });
    const v1 = await getToken();
    expect(v1.status).toBe(503);
    expect(v1.body).toEqual({ code: -1, message: 'Service Unavailable', response: null });
    emulator.injectFault({ api: 'v2', path: '/identity-verifications/x', status: 500 });
    const v2 = await v2Get('x');
    expect(v2.status).toBe(500);
    expect(v2.body).toEqual({ type: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error' });
    emulator.injectFault({ api: 'v2', path: '/identity-verifications/x', status: 401 });
    expect((await v2Get('x')).body.type).toBe('UNAUTHORIZED');
  });

  it('sends a string body as-is: HTML or malformed JSON', async () => {
    emulator.injectFault({
      path: '/users/getToken',
      status: 502,
      body: '<html><body>Bad Gateway</body></html>',
    });
    const html = await getToken();
    expect(html.status).toBe(502);
    expect(html.text).toBe('<html><body>Bad Gateway</body></html>');
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    emulator.injectFault({
      path: '/users/getToken',
      status: 200,
      body: '{"code":0,"resp',
      headers: { 'content-type': 'application/json' },
    });
    const truncated = await getToken();
    expect(truncated.status).toBe(200);
    expect(truncated.text).toBe('{"code":0,"resp');
    expect(truncated.headers.get('content-type')).toBe('application/json');
  });

  it('is checked before authentication and validation, and processes nothing', async () => {
    emulator.injectFault({ api: 'v1', method: 'post', path: '/certifications/otp/request', status: 500 });
    const res = await call(`${emulator.v1BaseUrl}/certifications/otp/request`, jsonInit('POST', {}));
    expect(res.status).toBe(500);
    const id = uniqueId('iv');
    emulator.injectFault({ api: 'v2', path: `/identity-verifications/${id}/send`, status: 504 });
    expect(
      (
        await call(
          `${emulator.v2BaseUrl}/identity-verifications/${id}/send`,
          jsonInit('POST', sendBody(emulator), v2Auth(emulator)),
        )
      ).status,
    ).toBe(504);
    expect(emulator.getIdentityVerification(id)).toBeUndefined();
    expect(emulator.lastOtp(id)).toBeUndefined();
  });

  it('matches api, method and a RegExp path', async () => {
    emulator.injectFault({ api: 'v2', path: '/users/getToken', status: 500 });
    emulator.injectFault({ method: 'GET', path: '/users/getToken', status: 500 });
    expect((await getToken()).status).toBe(200);
    emulator.clearFaults();
    emulator.injectFault({ api: 'v2', path: /^\/identity-verifications\/[^/]+$/, status: 418 });
    expect((await v2Get('abc')).status).toBe(418);
    expect((await v2Get('abc')).status).toBe(404);
  });

  it('honours times, including Infinity, and clearFaults', async () => {
    emulator.injectFault({ path: '/users/getToken', status: 500, times: 2 });
    expect([(await getToken()).status, (await getToken()).status, (await getToken()).status]).toEqual([
      500, 500, 200,
    ]);
    emulator.injectFault({ path: '/users/getToken', status: 503, times: Infinity });
    for (let i = 0; i < 5; i++) expect((await getToken()).status).toBe(503);
    emulator.clearFaults();
    expect((await getToken()).status).toBe(200);
  });

  it('applies faults in injection order', async () => {
    emulator.injectFault({ path: '/users/getToken', status: 500 });
    emulator.injectFault({ path: '/users/getToken', status: 502 });
    expect((await getToken()).status).toBe(500);
    expect((await getToken()).status).toBe(502);
  });

  it('delayMs alone delays the normal response after its side effects happened', async () => {
    const token = await v1Token(emulator);
    emulator.injectFault({ path: '/certifications/otp/request', delayMs: 300, headers: { 'x-slow': 'yes' } });
    const started = Date.now();
    const pending = call(
      `${emulator.v1BaseUrl}/certifications/otp/request`,
      jsonInit('POST', otpRequestBody(emulator), { authorization: `Bearer ${token}` }),
    );
    await waitFor(() => emulator.countRequests({ path: '/certifications/otp/request' }) === 1);
    // Processed already: the log shows no answer yet.
    expect(emulator.requests.at(-1)?.status).toBeUndefined();
    const res = await pending;
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-slow')).toBe('yes');
    expect(emulator.lastOtp(res.body.response.imp_uid)).toMatch(/^\d{6}$/);
    expect(emulator.requests.at(-1)?.status).toBe(200);
  });

  it('delayMs with a status waits, then sends the fault', async () => {
    emulator.injectFault({ path: '/users/getToken', status: 504, delayMs: 200 });
    const started = Date.now();
    const res = await getToken();
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    expect(res.status).toBe(504);
  });

  it('dropConnection resets the connection: fetch rejects, nothing is processed, the log has no status', async () => {
    const id = uniqueId('iv');
    emulator.injectFault({ api: 'v2', path: `/identity-verifications/${id}/send`, dropConnection: true });
    const failure = await fetch(
      `${emulator.v2BaseUrl}/identity-verifications/${id}/send`,
      jsonInit('POST', sendBody(emulator), v2Auth(emulator)),
    ).then(
      () => undefined,
      (error: Error & { cause?: { code?: string } }) => error,
    );
    // A TCP reset, as from a crashed proxy.
    expect(failure?.cause?.code).toBe('ECONNRESET');
    expect(emulator.getIdentityVerification(id)).toBeUndefined();
    const logged = emulator.requests.filter(r => r.path === `/identity-verifications/${id}/send`);
    expect(logged).toHaveLength(1);
    expect(logged[0].status).toBeUndefined();
    // The next request is served normally.
    expect((await v2Get(id)).status).toBe(404);
  });

  it('dropConnection after a delay', async () => {
    emulator.injectFault({ path: '/users/getToken', dropConnection: true, delayMs: 100 });
    const started = Date.now();
    await expect(getToken()).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('rejects invalid faults', () => {
    expect(() => emulator.injectFault({ path: '/x', times: 0 })).toThrow(RangeError);
    expect(() => emulator.injectFault({ path: '/x', times: 1.5 })).toThrow(RangeError);
    expect(() => emulator.injectFault({ path: '/x', status: 99 })).toThrow(RangeError);
    expect(() => emulator.injectFault({ path: '/x', delayMs: -1 })).toThrow(RangeError);
  });

  it('does not apply to the emulator control endpoints', async () => {
    emulator.injectFault({ path: /.*/, status: 500, times: Infinity });
    const res = await call(`http://127.0.0.1:${emulator.port}/emulator/otp/none`);
    expect(res.status).toBe(404);
  });
});
