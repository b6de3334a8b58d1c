import { PortOneEmulator } from '../../lib/testing';
import { call, formInit, jsonInit, v1Token } from '../support/emulator-http';

describe('emulator V1 token (POST /users/getToken) and authentication', () => {
  let emulator: PortOneEmulator;
  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  const getToken = (body: unknown) => call(`${emulator.v1BaseUrl}/users/getToken`, jsonInit('POST', body));
  const credentials = () => ({
    imp_key: emulator.credentials.v1.apiKey,
    imp_secret: emulator.credentials.v1.apiSecret,
  });
  const getCert = (headers: Record<string, string>) =>
    call(`${emulator.v1BaseUrl}/certifications/imp_000000000000`, { headers });

  it('issues a 40-hex token with now and expired_at = now + 1800 in the envelope', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await getToken(credentials());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      code: 0,
      message: null,
      response: {
        access_token: expect.stringMatching(/^[0-9a-f]{40}$/),
        now: expect.any(Number),
        expired_at: expect.any(Number),
      },
    });
    expect(res.body.response.now).toBeGreaterThanOrEqual(before);
    expect(res.body.response.expired_at - res.body.response.now).toBe(1800);
  });

  it('answers wrong credentials with 401 and the envelope', async () => {
    const res = await getToken({ imp_key: emulator.credentials.v1.apiKey, imp_secret: 'wrong' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: -1, message: 'Unauthorized', response: null });
  });

  it('rejects a body the schema rejects with 400 and names the field', async () => {
    const res = await getToken({ imp_key: 'emulator_imp_key' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: -1, message: 'imp_secret is required', response: null });
    const wrongType = await getToken({ imp_key: 'emulator_imp_key', imp_secret: 12345 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toBe('imp_secret must be of type string');
    expect(wrongType.body.message).not.toContain('12345');
  });

  it('answers malformed JSON with 400', async () => {
    const res = await call(`${emulator.v1BaseUrl}/users/getToken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"imp_key":',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(-1);
  });

  it('accepts a form-encoded body', async () => {
    const res = await call(`${emulator.v1BaseUrl}/users/getToken`, formInit(credentials()));
    expect(res.status).toBe(200);
    expect(res.body.response.access_token).toMatch(/^[0-9a-f]{40}$/);
  });

  it('returns the same token and expiry before expiry', async () => {
    const first = (await getToken(credentials())).body.response;
    const second = (await getToken(credentials())).body.response;
    expect(second.access_token).toBe(first.access_token);
    expect(second.expired_at).toBe(first.expired_at);
  });

  it('extends the token by 300 s when asked within its last 60 s, once', async () => {
    const first = (await getToken(credentials())).body.response;
    emulator.setClockSkew(1800 - 30);
    const extended = (await getToken(credentials())).body.response;
    expect(extended.access_token).toBe(first.access_token);
    expect(extended.expired_at).toBe(first.expired_at + 300);
    // Now more than 60 s remain again: no further extension.
    const again = (await getToken(credentials())).body.response;
    expect(again.expired_at).toBe(extended.expired_at);
    // The token still works for API calls after its original expiry.
    emulator.setClockSkew(1800 + 60);
    expect((await getCert({ authorization: `Bearer ${first.access_token}` })).status).toBe(404);
  });

  it('issues a new token after expiry and refuses the expired one', async () => {
    const first = (await getToken(credentials())).body.response;
    emulator.setClockSkew(1801);
    expect((await getCert({ authorization: `Bearer ${first.access_token}` })).status).toBe(401);
    const second = (await getToken(credentials())).body.response;
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.expired_at - second.now).toBe(1800);
    expect((await getCert({ authorization: `Bearer ${second.access_token}` })).status).toBe(404);
  });

  it('expireTokens() expires issued tokens and the next getToken issues a new one', async () => {
    const token = await v1Token(emulator);
    emulator.expireTokens();
    const refused = await getCert({ authorization: `Bearer ${token}` });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ code: -1, message: 'Unauthorized', response: null });
    const fresh = await v1Token(emulator);
    expect(fresh).not.toBe(token);
    expect((await getCert({ authorization: `Bearer ${fresh}` })).status).toBe(404);
  });

  it('reflects clock skew in now, expired_at and the Date header', async () => {
    emulator.setClockSkew(3600);
    const res = await getToken(credentials());
    const realNow = Date.now() / 1000;
    expect(Math.abs(res.body.response.now - (realNow + 3600))).toBeLessThan(5);
    const date = Date.parse(res.headers.get('date') ?? '') / 1000;
    expect(Math.abs(date - (realNow + 3600))).toBeLessThan(5);
    emulator.setClockSkew(-7200);
    const back = await getToken(credentials());
    expect(Math.abs(back.body.response.now - (Date.now() / 1000 - 7200))).toBeLessThan(5);
  });

  it('honours a custom tokenTtlSeconds', async () => {
    const custom = await PortOneEmulator.start({
      strict: true,
      v1: { tokenTtlSeconds: 60, apiKey: 'k', apiSecret: 's' },
    });
    try {
      const res = await call(
        `${custom.v1BaseUrl}/users/getToken`,
        jsonInit('POST', { imp_key: 'k', imp_secret: 's' }),
      );
      expect(res.body.response.expired_at - res.body.response.now).toBe(60);
      const wrong = await call(`${custom.v1BaseUrl}/users/getToken`, jsonInit('POST', credentials()));
      expect(wrong.status).toBe(401);
    } finally {
      await custom.close();
    }
  });

  describe('sending the token', () => {
    it('accepts Bearer, a bare token and X-ImpTokenHeader; Authorization wins over X-ImpTokenHeader', async () => {
      const token = await v1Token(emulator);
      expect((await getCert({ authorization: `Bearer ${token}` })).status).toBe(404);
      expect((await getCert({ authorization: `bearer ${token}` })).status).toBe(404);
      expect((await getCert({ authorization: token })).status).toBe(404);
      expect((await getCert({ 'x-imptokenheader': token })).status).toBe(404);
      expect((await getCert({ authorization: 'Bearer nope', 'x-imptokenheader': token })).status).toBe(401);
    });

    it('refuses a missing, unknown or malformed token with 401', async () => {
      const variants: Array<Record<string, string>> = [
        {},
        { authorization: 'Bearer 0123' },
        { authorization: 'Basic a b' },
      ];
      for (const headers of variants) {
        const res = await getCert(headers);
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ code: -1, message: 'Unauthorized', response: null });
      }
    });

    it('checks a Tier header (3 chars [A-Z0-9]) and logs it either way', async () => {
      const token = await v1Token(emulator);
      expect((await getCert({ authorization: `Bearer ${token}`, tier: 'AB1' })).status).toBe(404);
      for (const tier of ['ab1', 'ABCD', 'A-1']) {
        const res = await getCert({ authorization: `Bearer ${token}`, tier });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe(-1);
      }
      const tiers = emulator.requests
        .filter(r => r.path.startsWith('/certifications/'))
        .map(r => r.headers.tier);
      expect(tiers).toEqual(['AB1', 'ab1', 'ABCD', 'A-1']);
    });
  });

  it('answers unknown V1 paths with a 404 envelope', async () => {
    const token = await v1Token(emulator);
    const res = await call(`${emulator.v1BaseUrl}/payments/imp_1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: -1, message: expect.any(String), response: null });
  });
});
