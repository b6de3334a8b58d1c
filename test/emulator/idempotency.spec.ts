import { PortOneEmulator } from '../../lib/testing';
import { call, jsonInit, sendBody, uniqueId, v2Auth, waitFor } from '../support/emulator-http';

describe('emulator V2 Idempotency-Key', () => {
  let emulator: PortOneEmulator;
  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  const key = () => `key-${uniqueId()}-0123456789`;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    call(`${emulator.v2BaseUrl}${path}`, jsonInit('POST', body, { ...v2Auth(emulator), ...headers }));
  const send = (id: string, idempotencyKey: string, body: unknown = sendBody(emulator)) =>
    post(`/identity-verifications/${id}/send`, body, { 'idempotency-key': idempotencyKey });

  it('replays a finished request exactly, with Idempotent-Replayed, and sends no second OTP', async () => {
    const id = uniqueId('iv');
    const k = key();
    const first = await send(id, `"${k}"`);
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const otp = emulator.lastOtp(id);
    const record = emulator.getIdentityVerification(id);

    // The bare form of the same key is the same key.
    const replay = await send(id, k);
    expect(replay.status).toBe(200);
    expect(replay.text).toBe(first.text);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(emulator.lastOtp(id)).toBe(otp);
    expect(emulator.otpsSent(id)).toBe(1);
    expect(emulator.getIdentityVerification(id)).toEqual(record);
  });

  it('replays a confirm without verifying twice, and a resend without a new OTP', async () => {
    const id = uniqueId('iv');
    await send(id, key());
    const resendKey = key();
    await post(`/identity-verifications/${id}/resend`, undefined, { 'idempotency-key': resendKey });
    expect(emulator.otpsSent(id)).toBe(2);
    await post(`/identity-verifications/${id}/resend`, undefined, { 'idempotency-key': resendKey });
    expect(emulator.otpsSent(id)).toBe(2);

    const confirmKey = key();
    const first = await post(
      `/identity-verifications/${id}/confirm`,
      { otp: emulator.lastOtp(id) },
      { 'idempotency-key': confirmKey },
    );
    expect(first.status).toBe(200);
    const replay = await post(
      `/identity-verifications/${id}/confirm`,
      { otp: emulator.lastOtp(id) },
      { 'idempotency-key': confirmKey },
    );
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    const fresh = await post(
      `/identity-verifications/${id}/confirm`,
      { otp: emulator.lastOtp(id) },
      { 'idempotency-key': key() },
    );
    expect(fresh.status).toBe(409);
  });

  it('stores handler errors too: a 400 replays as 400 even when the retry is valid', async () => {
    const id = uniqueId('iv');
    const k = key();
    const invalid = await send(id, k, { channelKey: 'x' });
    expect(invalid.status).toBe(400);
    const retry = await send(id, k);
    expect(retry.status).toBe(400);
    expect(retry.text).toBe(invalid.text);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(emulator.getIdentityVerification(id)).toBeUndefined();
  });

  it('answers 409 IDEMPOTENCY_OUTSTANDING_REQUEST while the first request is in flight', async () => {
    const id = uniqueId('iv');
    const k = key();
    emulator.injectFault({ api: 'v2', path: `/identity-verifications/${id}/send`, delayMs: 300 });
    const first = send(id, k);
    await waitFor(
      () => emulator.countRequests({ api: 'v2', path: `/identity-verifications/${id}/send` }) === 1,
    );
    const concurrent = await send(id, k);
    expect(concurrent.status).toBe(409);
    expect(concurrent.body).toEqual({ type: 'IDEMPOTENCY_OUTSTANDING_REQUEST', message: expect.any(String) });
    // The side effect already happened, only the answer is late.
    expect(emulator.otpsSent(id)).toBe(1);
    const firstResult = await first;
    expect(firstResult.status).toBe(200);
    const after = await send(id, k);
    expect(after.status).toBe(200);
    expect(after.headers.get('idempotent-replayed')).toBe('true');
    expect(emulator.otpsSent(id)).toBe(1);
  });

  it('a fault with a status releases the key: the retry is processed normally', async () => {
    const id = uniqueId('iv');
    const k = key();
    emulator.injectFault({ api: 'v2', path: `/identity-verifications/${id}/send`, status: 503 });
    expect((await send(id, k)).status).toBe(503);
    expect(emulator.otpsSent(id)).toBe(0);
    const retry = await send(id, k);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(emulator.otpsSent(id)).toBe(1);
  });

  it('rejects malformed keys with 400 INVALID_REQUEST and does nothing', async () => {
    for (const bad of [
      'short',
      '"short"',
      'x'.repeat(257),
      '"unterminated-but-long-enough',
      'has spaces but is long enough',
    ]) {
      const id = uniqueId('iv');
      const res = await send(id, bad);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('INVALID_REQUEST');
      expect(emulator.lastOtp(id)).toBeUndefined();
    }
  });

  it('scopes keys to the credential: the same key with a bearer token is a different key', async () => {
    const login = await call(
      `${emulator.v2BaseUrl}/login/api-secret`,
      jsonInit('POST', { apiSecret: emulator.credentials.v2.apiSecret }),
    );
    const bearer = { authorization: `Bearer ${login.body.accessToken}` };
    const k = key();
    const [a, b] = [uniqueId('iv'), uniqueId('iv')];
    expect((await send(a, k)).status).toBe(200);
    const viaBearer = await call(
      `${emulator.v2BaseUrl}/identity-verifications/${b}/send`,
      jsonInit('POST', sendBody(emulator), { ...bearer, 'idempotency-key': k }),
    );
    expect(viaBearer.headers.get('idempotent-replayed')).toBeNull();
    expect(emulator.getIdentityVerification(b)).toBeDefined();
  });

  it('replays a refresh whose answer was lost, scoped by the refresh token it presented', async () => {
    const login = await call(
      `${emulator.v2BaseUrl}/login/api-secret`,
      jsonInit('POST', { apiSecret: emulator.credentials.v2.apiSecret }),
    );
    const k = key();
    const refresh = () =>
      call(
        `${emulator.v2BaseUrl}/token/refresh`,
        jsonInit('POST', { refreshToken: login.body.refreshToken }, { 'idempotency-key': k }),
      );
    const first = await refresh();
    expect(first.status).toBe(200);
    const again = await refresh();
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('forgets keys after 3 hours', async () => {
    const id = uniqueId('iv');
    const k = key();
    await send(id, k);
    emulator.setClockSkew(3 * 3600 + 1);
    const later = await send(id, k);
    expect(later.status).toBe(409);
    expect(later.body.type).toBe('IDENTITY_VERIFICATION_ALREADY_SENT');
  });

  it('ignores the header on GET', async () => {
    const res = await call(`${emulator.v2BaseUrl}/identity-verifications/x`, {
      headers: { ...v2Auth(emulator), 'idempotency-key': 'bad' },
    });
    expect(res.status).toBe(404);
  });
});
