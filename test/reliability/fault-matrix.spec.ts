import { performance } from 'node:perf_hooks';
import { PortOneApiError, PortOneAuthError, PortOneNetworkError, PortOneTimeoutError } from '../../lib';
import { PortOneEmulator, type EmulatorFault } from '../../lib/testing';
import {
  createPortOneTestApp,
  emulatorOptions,
  otpRequest,
  rejectionOf,
  type PortOneTestApp,
} from '../support/portone-test-app';

/**
 * One row per fault: what the emulator does, what the caller sees, and how many requests reached the
 * emulator. GETs are retried (2 retries); V1 POSTs never are.
 */
describe('fault matrix', () => {
  let emulator: PortOneEmulator;
  let app: PortOneTestApp;
  let impUid: string;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    emulator = await PortOneEmulator.start({ strict: true });
    app = await createPortOneTestApp(
      emulatorOptions(emulator, {
        timeoutMs: 150,
        retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 1_500 },
      }),
    );
    ({ impUid } = await app.certifications.requestOtp(otpRequest(emulator.credentials.channelKeys.danal)));
  });
  afterAll(async () => {
    await app.close();
    await emulator.close();
    process.off('unhandledRejection', onUnhandled);
  });
  beforeEach(() => {
    emulator.clearFaults();
    emulator.clearRequests();
  });
  afterEach(async () => {
    // Let late answers to abandoned requests arrive, then check nothing was left unhandled.
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
  });

  const getPath = () => `/certifications/${impUid}`;
  /** Makes sure the client holds a valid token, then forgets the requests that took. */
  const primeToken = async () => {
    await app.certifications.get(impUid);
    emulator.clearRequests();
  };
  const get = () => app.certifications.get(impUid);
  const count = (path: string | RegExp) => emulator.countRequests({ api: 'v1', path });
  const inject = (fault: EmulatorFault) => emulator.injectFault({ api: 'v1', ...fault });

  it('token endpoint 5xx: the call is retried with a fresh token request and succeeds', async () => {
    await primeToken();
    emulator.expireTokens();
    inject({ path: '/users/getToken', status: 503 });
    await expect(get()).resolves.toMatchObject({ impUid });
    expect(count('/users/getToken')).toBe(2);
    expect(count(getPath())).toBe(2); // the 401 that revealed the expiry, then the successful replay
  });

  it('token endpoint timeout: PortOneAuthError is retryable; the retry succeeds', async () => {
    await primeToken();
    emulator.expireTokens();
    inject({ path: '/users/getToken', delayMs: 400 });
    await expect(get()).resolves.toMatchObject({ impUid });
    expect(count('/users/getToken')).toBe(2);
  });

  it('token endpoint down for good: PortOneAuthError after every retry, the API call never sent again', async () => {
    await primeToken();
    emulator.expireTokens();
    inject({ path: '/users/getToken', status: 500, times: Infinity });
    const error = await rejectionOf(get());
    expect(error).toBeInstanceOf(PortOneAuthError);
    expect(error).toMatchObject({ status: 500, retryable: true });
    expect(count('/users/getToken')).toBe(3);
  });

  it('401 mid-life: one refresh, one replay, success', async () => {
    await primeToken();
    emulator.expireTokens();
    await expect(get()).resolves.toMatchObject({ impUid });
    expect(count(getPath())).toBe(2);
    expect(count('/users/getToken')).toBe(1);
  });

  it('401 twice: PortOneAuthError after exactly one replay', async () => {
    inject({ path: getPath(), status: 401, times: 2 });
    await expect(get()).rejects.toBeInstanceOf(PortOneAuthError);
    expect(count(getPath())).toBe(2);
  });

  it('GET 5xx: retried, succeeds', async () => {
    inject({ path: getPath(), status: 503 });
    await expect(get()).resolves.toMatchObject({ impUid });
    expect(count(getPath())).toBe(2);
  });

  it('GET 5xx every time: PortOneApiError after 1 + 2 retries, retryable', async () => {
    inject({ path: getPath(), status: 500, times: Infinity });
    await expect(get()).rejects.toMatchObject({ name: 'PortOneApiError', status: 500, retryable: true });
    expect(count(getPath())).toBe(3);
  });

  it('POST 5xx (OTP request): not retried, PortOneApiError with retryable false', async () => {
    inject({ path: '/certifications/otp/request', status: 500 });
    const error = await rejectionOf(
      app.certifications.requestOtp(otpRequest(emulator.credentials.channelKeys.danal)),
    );
    expect(error).toBeInstanceOf(PortOneApiError);
    expect(error).toMatchObject({ status: 500, retryable: false });
    expect(count('/certifications/otp/request')).toBe(1);
  });

  it('429 with Retry-After: waits as told, then succeeds', async () => {
    inject({ path: getPath(), status: 429, headers: { 'Retry-After': '1' } });
    const startedAt = performance.now();
    await expect(get()).resolves.toMatchObject({ impUid });
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(950);
    expect(count(getPath())).toBe(2);
  });

  it('429 with a Retry-After longer than maxDelayMs: not waited for, the error says so', async () => {
    inject({ path: getPath(), status: 429, headers: { 'Retry-After': '30' } });
    await expect(get()).rejects.toMatchObject({ status: 429, retryable: true });
    expect(count(getPath())).toBe(1);
  });

  it('connection reset on a GET: retried, succeeds', async () => {
    inject({ path: getPath(), dropConnection: true });
    await expect(get()).resolves.toMatchObject({ impUid });
    expect(count(getPath())).toBe(2);
  });

  it('connection reset on a V1 POST: PortOneNetworkError, not retried (it may have been processed)', async () => {
    inject({ path: '/certifications/otp/request', dropConnection: true });
    const error = await rejectionOf(
      app.certifications.requestOtp(otpRequest(emulator.credentials.channelKeys.danal)),
    );
    expect(error).toBeInstanceOf(PortOneNetworkError);
    expect(error).toMatchObject({ failure: 'connection', retryable: false });
    expect(count('/certifications/otp/request')).toBe(1);
  });

  it('response slower than the timeout: PortOneTimeoutError after every retry', async () => {
    inject({ path: getPath(), delayMs: 300, times: Infinity });
    const error = await rejectionOf(get());
    expect(error).toBeInstanceOf(PortOneTimeoutError);
    expect(error).toMatchObject({ failure: 'timeout', timeoutMs: 150, retryable: true });
    expect((error as Error).message).toContain('timed out after 150 ms');
    expect(count(getPath())).toBe(3);
  });

  it('a per-call timeout overrides the module timeout', async () => {
    inject({ path: getPath(), delayMs: 100 });
    await expect(app.certifications.get(impUid, { timeoutMs: 1_000 })).resolves.toMatchObject({ impUid });
    expect(count(getPath())).toBe(1);
  });

  it('an AbortSignal aborts the call, including the backoff wait', async () => {
    inject({ path: getPath(), status: 503, times: Infinity, headers: { 'Retry-After': '1' } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const startedAt = performance.now();
    await expect(app.certifications.get(impUid, { signal: controller.signal })).rejects.toMatchObject({
      name: 'PortOneAbortedError',
      retryable: false,
    });
    expect(performance.now() - startedAt).toBeLessThan(900);
    expect(count(getPath())).toBe(1);
  });

  it('an already aborted signal sends nothing', async () => {
    await expect(app.certifications.get(impUid, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'PortOneAbortedError',
    });
    expect(count(getPath())).toBe(0);
  });

  it.each<[string, EmulatorFault['body'], number]>([
    ['malformed JSON', '{"code":0,"response":', 200],
    ['an HTML error page', '<html><body>502 Bad Gateway</body></html>', 502],
    ['an empty body', '', 200],
  ])(
    '%s: PortOneNetworkError (invalid-response); a GET retries and succeeds',
    async (_name, body, status) => {
      inject({ path: getPath(), status, body });
      await expect(get()).resolves.toMatchObject({ impUid });
      expect(count(getPath())).toBe(2);
    },
  );

  it.each<[string, EmulatorFault['body'], number]>([
    ['malformed JSON', '{"code":0,"response":', 200],
    ['an HTML error page', '<html><body>502 Bad Gateway</body></html>', 502],
    ['an empty body', '', 500],
  ])('%s on a V1 POST: PortOneNetworkError, not retried', async (_name, body, status) => {
    inject({ path: '/certifications/otp/request', status, body });
    const error = await rejectionOf(
      app.certifications.requestOtp(otpRequest(emulator.credentials.channelKeys.danal)),
    );
    expect(error).toBeInstanceOf(PortOneNetworkError);
    expect(error).toMatchObject({ failure: 'invalid-response', status, retryable: false });
    expect(count('/certifications/otp/request')).toBe(1);
  });

  it('connection refused: PortOneNetworkError, retryable because nothing was sent', async () => {
    const closed = await PortOneEmulator.start({ strict: true });
    const baseUrl = closed.v1BaseUrl;
    await closed.close();
    const offline = await createPortOneTestApp(
      emulatorOptions(emulator, {
        v1: { apiKey: 'k', apiSecret: 's', baseUrl },
        retry: false,
      }),
    );
    try {
      const error = await rejectionOf(offline.certifications.get('imp_1'));
      // The token request is what meets the closed port first.
      expect(error).toBeInstanceOf(PortOneAuthError);
      expect(error).toMatchObject({ retryable: true });
    } finally {
      await offline.close();
    }
  });
});
