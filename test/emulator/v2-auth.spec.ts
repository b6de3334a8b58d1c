import { PortOneEmulator } from '../../lib/testing';
import { call, decodeJwtPart, jsonInit } from '../support/emulator-http';

describe('emulator V2 authentication', () => {
  let emulator: PortOneEmulator;
  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  const login = (body: unknown = { apiSecret: emulator.credentials.v2.apiSecret }) =>
    call(`${emulator.v2BaseUrl}/login/api-secret`, jsonInit('POST', body));
  const refresh = (refreshToken: unknown) =>
    call(`${emulator.v2BaseUrl}/token/refresh`, jsonInit('POST', { refreshToken }));
  const getWith = (authorization: string | undefined) =>
    call(`${emulator.v2BaseUrl}/identity-verifications/nope`, {
      headers: authorization ? { authorization } : {},
    });

  it('logs in with the API secret and returns a real HS256 JWT plus a refresh token', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await login();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String) });
    const [header, payload, signature] = res.body.accessToken.split('.');
    expect(decodeJwtPart(header)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwtPart(payload);
    expect(claims).toMatchObject({
      sub: expect.any(String),
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect((claims.exp as number) - (claims.iat as number)).toBe(1800);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers a wrong secret with 401 UNAUTHORIZED and an invalid body with 400 INVALID_REQUEST', async () => {
    const wrong = await login({ apiSecret: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ type: 'UNAUTHORIZED', message: expect.any(String) });
    const invalid = await login({});
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual({ type: 'INVALID_REQUEST', message: 'apiSecret is required' });
    const malformed = await call(`${emulator.v2BaseUrl}/login/api-secret`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.type).toBe('INVALID_REQUEST');
  });

  it('accepts the access token as a Bearer credential and the secret with the PortOne scheme, case-insensitively', async () => {
    const { accessToken } = (await login()).body;
    const secret = emulator.credentials.v2.apiSecret;
    for (const authorization of [
      `Bearer ${accessToken}`,
      `bearer ${accessToken}`,
      `PortOne ${secret}`,
      `PORTONE ${secret}`,
    ]) {
      const res = await getWith(authorization);
      expect(res.status).toBe(404);
      expect(res.body.type).toBe('IDENTITY_VERIFICATION_NOT_FOUND');
    }
  });

  it('refuses anything else with 401 UNAUTHORIZED', async () => {
    const { accessToken } = (await login()).body;
    for (const authorization of [
      undefined,
      'PortOne wrong',
      `Basic ${accessToken}`,
      accessToken,
      'Bearer not-a-token',
      'PortOne',
    ]) {
      const res = await getWith(authorization);
      expect(res.status).toBe(401);
      expect(res.body.type).toBe('UNAUTHORIZED');
    }
  });

  it('rotates refresh tokens: a used refresh token is refused', async () => {
    const first = (await login()).body;
    const rotated = await refresh(first.refreshToken);
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
    expect(rotated.body.accessToken).not.toBe(first.accessToken);
    expect((await getWith(`Bearer ${rotated.body.accessToken}`)).status).toBe(404);
    const reused = await refresh(first.refreshToken);
    expect(reused.status).toBe(401);
    expect(reused.body.type).toBe('UNAUTHORIZED');
    expect((await refresh(rotated.body.refreshToken)).status).toBe(200);
  });

  it('a new login invalidates the previous refresh token', async () => {
    const first = (await login()).body;
    const second = (await login()).body;
    expect((await refresh(first.refreshToken)).status).toBe(401);
    expect((await refresh(second.refreshToken)).status).toBe(200);
  });

  it('refuses an unknown refresh token (401) and an invalid refresh body (400)', async () => {
    expect((await refresh('unknown')).status).toBe(401);
    const invalid = await refresh(42);
    expect(invalid.status).toBe(400);
    expect(invalid.body.type).toBe('INVALID_REQUEST');
  });

  it('expires access tokens after their TTL and refresh tokens after theirs', async () => {
    const { accessToken, refreshToken } = (await login()).body;
    emulator.setClockSkew(1801);
    expect((await getWith(`Bearer ${accessToken}`)).status).toBe(401);
    emulator.setClockSkew(86401);
    expect((await refresh(refreshToken)).status).toBe(401);
  });

  it('expireTokens() kills access tokens but not refresh tokens', async () => {
    const { accessToken, refreshToken } = (await login()).body;
    emulator.expireTokens();
    expect((await getWith(`Bearer ${accessToken}`)).status).toBe(401);
    const renewed = await refresh(refreshToken);
    expect(renewed.status).toBe(200);
    expect((await getWith(`Bearer ${renewed.body.accessToken}`)).status).toBe(404);
  });

  it('puts the skewed clock into iat and exp', async () => {
    emulator.setClockSkew(-3600);
    const claims = decodeJwtPart((await login()).body.accessToken.split('.')[1]);
    expect(Math.abs((claims.iat as number) - (Date.now() / 1000 - 3600))).toBeLessThan(5);
  });

  it('honours custom V2 credentials and TTLs', async () => {
    const custom = await PortOneEmulator.start({
      strict: true,
      v2: {
        apiSecret: 'custom-secret',
        storeId: 'store-custom',
        accessTokenTtlSeconds: 60,
        refreshTokenTtlSeconds: 120,
      },
    });
    try {
      expect(custom.credentials.v2).toEqual({ apiSecret: 'custom-secret', storeId: 'store-custom' });
      const res = await call(
        `${custom.v2BaseUrl}/login/api-secret`,
        jsonInit('POST', { apiSecret: 'custom-secret' }),
      );
      const claims = decodeJwtPart(res.body.accessToken.split('.')[1]);
      expect((claims.exp as number) - (claims.iat as number)).toBe(60);
      custom.setClockSkew(121);
      const expired = await call(
        `${custom.v2BaseUrl}/token/refresh`,
        jsonInit('POST', { refreshToken: res.body.refreshToken }),
      );
      expect(expired.status).toBe(401);
    } finally {
      await custom.close();
    }
  });
});
