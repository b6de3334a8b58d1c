import * as http from 'node:http';
import { EMULATOR_DEFAULTS, PortOneEmulator } from '../../lib/testing';
import {
  call,
  formInit,
  jsonInit,
  otpRequestBody,
  rawRequest,
  sendBody,
  v1Token,
  v2Auth,
} from '../support/emulator-http';
import { freePort } from '../support/free-port';

describe('emulator controls, request log and lifecycle', () => {
  let emulator: PortOneEmulator;
  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('exposes URLs, port and the documented default credentials', () => {
    expect(emulator.port).toBeGreaterThan(0);
    expect(emulator.v1BaseUrl).toBe(`http://127.0.0.1:${emulator.port}/v1`);
    expect(emulator.v2BaseUrl).toBe(`http://127.0.0.1:${emulator.port}/v2`);
    expect(emulator.credentials).toEqual({
      v1: { apiKey: 'emulator_imp_key', apiSecret: 'emulator_imp_secret' },
      v2: { apiSecret: 'emulator-v2-api-secret', storeId: 'store-00000000-0000-0000-0000-000000000000' },
      channelKeys: {
        identityVerification: 'channel-key-emulator-danal',
        identityVerificationApp: 'channel-key-emulator-kcp-v2',
        cvs: 'channel-key-emulator-galaxia',
        danal: 'channel-key-emulator-danal',
        kcpV2: 'channel-key-emulator-kcp-v2',
        galaxia: 'channel-key-emulator-galaxia',
      },
    });
    expect(EMULATOR_DEFAULTS.v1.tokenTtlSeconds).toBe(1800);
    expect(EMULATOR_DEFAULTS.v2.refreshTokenTtlSeconds).toBe(86400);
    expect(EMULATOR_DEFAULTS.channels.map(c => [c.v1PgProvider, c.v2PgProvider])).toEqual([
      ['danal', 'DANAL'],
      ['kcp_v2', 'KCP_V2'],
      ['galaxia', 'GALAXIA'],
    ]);
  });

  it('logs every request in order with api, method, path, query, headers, body, status and receivedAt', async () => {
    const token = await v1Token(emulator);
    await call(`${emulator.v1BaseUrl}/certifications/imp_1?x=1&x=2&y=3`, {
      headers: { authorization: `Bearer ${token}`, 'X-Custom': 'A' },
    });
    await call(
      `${emulator.v1BaseUrl}/cvs`,
      formInit({ merchant_uid: 'm', amount: '5' }, { authorization: `Bearer ${token}` }),
    );
    await call(`${emulator.v2BaseUrl}/identity-verifications/a/send`, {
      method: 'POST',
      headers: { ...v2Auth(emulator), 'content-type': 'text/plain' },
      body: 'not json',
    });
    await call(`http://127.0.0.1:${emulator.port}/emulator/otp/none`);

    const [tokenReq, getReq, cvsReq, v2Req, controlReq] = emulator.requests;
    expect(emulator.requests).toHaveLength(5);
    expect(tokenReq).toMatchObject({
      api: 'v1',
      method: 'POST',
      path: '/users/getToken',
      status: 200,
      body: { imp_key: 'emulator_imp_key' },
    });
    expect(getReq).toMatchObject({
      api: 'v1',
      method: 'GET',
      path: '/certifications/imp_1',
      query: { x: ['1', '2'], y: '3' },
      status: 400, // strict mode: x and y are not parameters of this operation
    });
    expect(getReq.headers['x-custom']).toBe('A');
    expect(getReq.body).toBeUndefined();
    expect(getReq.receivedAt).toBeInstanceOf(Date);
    expect(Math.abs(getReq.receivedAt.getTime() - Date.now())).toBeLessThan(5000);
    expect(cvsReq).toMatchObject({
      api: 'v1',
      method: 'POST',
      path: '/cvs',
      body: { merchant_uid: 'm', amount: '5' },
      status: 400,
    });
    expect(v2Req).toMatchObject({
      api: 'v2',
      path: '/identity-verifications/a/send',
      body: 'not json',
      status: 400,
    });
    expect(controlReq).toMatchObject({ api: 'emulator', method: 'GET', path: '/otp/none', status: 404 });
  });

  it('stamps receivedAt with the emulator clock', async () => {
    emulator.setClockSkew(86400);
    await call(`${emulator.v1BaseUrl}/nowhere`);
    expect(emulator.requests[0].receivedAt.getTime() - Date.now()).toBeGreaterThan(86000 * 1000);
  });

  it('counts requests by api, method and path, and clears the log', async () => {
    await v1Token(emulator);
    await v1Token(emulator);
    await call(`${emulator.v2BaseUrl}/identity-verifications/a`, { headers: v2Auth(emulator) });
    await call(`${emulator.v2BaseUrl}/identity-verifications/b`, { headers: v2Auth(emulator) });
    expect(emulator.countRequests()).toBe(4);
    expect(emulator.countRequests({ api: 'v1' })).toBe(2);
    expect(emulator.countRequests({ method: 'get' })).toBe(2);
    expect(emulator.countRequests({ path: '/users/getToken' })).toBe(2);
    expect(emulator.countRequests({ api: 'v2', path: /^\/identity-verifications\// })).toBe(2);
    expect(emulator.countRequests({ api: 'v1', method: 'GET' })).toBe(0);
    const before = emulator.requests;
    emulator.clearRequests();
    expect(emulator.requests).toHaveLength(0);
    expect(before).toHaveLength(4);
  });

  it('keeps no log when logRequests is false', async () => {
    const quiet = await PortOneEmulator.start({ strict: true, logRequests: false });
    try {
      expect((await call(`${quiet.v1BaseUrl}/users/getToken`, jsonInit('POST', {}))).status).toBe(400);
      expect(quiet.requests).toHaveLength(0);
      expect(quiet.countRequests()).toBe(0);
    } finally {
      await quiet.close();
    }
  });

  it('counts TCP connections: keep-alive reuses one, fresh connections each count', async () => {
    await call(`${emulator.v1BaseUrl}/warm-up`);
    const before = emulator.connectionsOpened;
    for (let i = 0; i < 10; i++) await call(`${emulator.v1BaseUrl}/keep-alive-${i}`);
    expect(emulator.connectionsOpened - before).toBeLessThanOrEqual(1);
    const beforeFresh = emulator.connectionsOpened;
    for (let i = 0; i < 3; i++) await rawRequest(`${emulator.v1BaseUrl}/fresh-${i}`, { method: 'GET' });
    expect(emulator.connectionsOpened - beforeFresh).toBe(3);
  });

  it('serves the OTP to humans at GET /emulator/otp/:id', async () => {
    const token = await v1Token(emulator);
    const res = await call(
      `${emulator.v1BaseUrl}/certifications/otp/request`,
      jsonInit('POST', otpRequestBody(emulator), { authorization: `Bearer ${token}` }),
    );
    const impUid = res.body.response.imp_uid;
    const otp = await call(`http://127.0.0.1:${emulator.port}/emulator/otp/${impUid}`);
    expect(otp.status).toBe(200);
    expect(otp.body).toEqual({ id: impUid, otp: emulator.lastOtp(impUid) });
    await call(
      `${emulator.v2BaseUrl}/identity-verifications/iv-otp/send`,
      jsonInit('POST', sendBody(emulator), v2Auth(emulator)),
    );
    expect((await call(`http://127.0.0.1:${emulator.port}/emulator/otp/iv-otp`)).body).toEqual({
      id: 'iv-otp',
      otp: emulator.lastOtp('iv-otp'),
    });
    const missing = await call(`http://127.0.0.1:${emulator.port}/emulator/otp/nope`);
    expect(missing.status).toBe(404);
    expect((await call(`http://127.0.0.1:${emulator.port}/emulator/other`)).status).toBe(404);
    expect((await call(`http://127.0.0.1:${emulator.port}/elsewhere`)).status).toBe(404);
  });

  it('puts a fresh x-request-id and an emulator-clock Date on every response', async () => {
    emulator.setClockSkew(-86400);
    const responses = [
      await call(`${emulator.v1BaseUrl}/users/getToken`, jsonInit('POST', {})),
      await call(`${emulator.v2BaseUrl}/identity-verifications/x`),
      await call(`http://127.0.0.1:${emulator.port}/emulator/otp/x`),
    ];
    const ids = responses.map(r => r.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(3);
    for (const r of responses) {
      const date = Date.parse(r.headers.get('date') ?? '');
      expect(Math.abs(date - (Date.now() - 86400_000))).toBeLessThan(5000);
    }
  });

  it('reset() clears records, tokens, OTPs, faults, the log and the skew', async () => {
    const token = await v1Token(emulator);
    const impUid = (
      await call(
        `${emulator.v1BaseUrl}/certifications/otp/request`,
        jsonInit('POST', otpRequestBody(emulator), { authorization: `Bearer ${token}` }),
      )
    ).body.response.imp_uid;
    emulator.seedIdentityVerification({ id: 'seeded' });
    emulator.injectFault({ path: '/users/getToken', status: 500, times: Infinity });
    emulator.setClockSkew(100000);
    emulator.setNextPgError({ pgCode: 'x', pgMessage: 'y' });

    emulator.reset();
    expect(emulator.requests).toHaveLength(0);
    expect(emulator.lastOtp(impUid)).toBeUndefined();
    expect(emulator.getCertification(impUid)).toBeUndefined();
    expect(emulator.getIdentityVerification('seeded')).toBeUndefined();
    const stale = await call(`${emulator.v1BaseUrl}/certifications/${impUid}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(stale.status).toBe(401);
    const fresh = await call(
      `${emulator.v1BaseUrl}/users/getToken`,
      jsonInit('POST', { imp_key: 'emulator_imp_key', imp_secret: 'emulator_imp_secret' }),
    );
    expect(fresh.status).toBe(200);
    expect(Math.abs(fresh.body.response.now - Date.now() / 1000)).toBeLessThan(5);
    const otpRequest = await call(
      `${emulator.v1BaseUrl}/certifications/otp/request`,
      jsonInit('POST', otpRequestBody(emulator), {
        authorization: `Bearer ${fresh.body.response.access_token}`,
      }),
    );
    expect(otpRequest.status).toBe(200);
  });

  it('answers 413 for oversized bodies', async () => {
    const res = await call(
      `${emulator.v1BaseUrl}/users/getToken`,
      jsonInit('POST', { imp_key: 'x'.repeat(1024 * 1024 + 1) }),
    );
    expect(res.status).toBe(413);
  });

  it('accepts custom channels and reports their keys', async () => {
    const custom = await PortOneEmulator.start({
      strict: true,
      channels: [
        {
          key: 'my-danal',
          v1PgProvider: 'danal',
          v2PgProvider: 'DANAL',
          name: 'Mine',
          pgMerchantId: 'CPID1',
        },
      ],
    });
    try {
      expect(custom.credentials.channelKeys.danal).toBe('my-danal');
      // Not configured: the default key, which this emulator does not know.
      expect(custom.credentials.channelKeys.galaxia).toBe('channel-key-emulator-galaxia');
      const res = await call(
        `${custom.v2BaseUrl}/identity-verifications/c1/send`,
        jsonInit('POST', sendBody(custom), v2Auth(custom)),
      );
      expect(res.status).toBe(200);
      expect(custom.getIdentityVerification('c1')?.channel).toMatchObject({
        key: 'my-danal',
        name: 'Mine',
        pgMerchantId: 'CPID1',
      });
      const galaxia = await call(
        `${custom.v2BaseUrl}/identity-verifications/c2/send`,
        jsonInit(
          'POST',
          sendBody(custom, { channelKey: custom.credentials.channelKeys.galaxia }),
          v2Auth(custom),
        ),
      );
      expect(galaxia.body.type).toBe('CHANNEL_NOT_FOUND');
    } finally {
      await custom.close();
    }
  });

  it('rejects invalid options', async () => {
    await expect(PortOneEmulator.start({ port: -1 })).rejects.toThrow(RangeError);
    await expect(PortOneEmulator.start({ v1: { tokenTtlSeconds: 0 } })).rejects.toThrow(RangeError);
    await expect(
      PortOneEmulator.start({
        strict: true,
        channels: [
          { key: 'a', v1PgProvider: 'danal', v2PgProvider: 'DANAL' },
          { key: 'a', v1PgProvider: 'kcp_v2', v2PgProvider: 'KCP_V2' },
        ],
      }),
    ).rejects.toThrow(/Duplicate/);
    expect(() => emulator.setClockSkew(Number.NaN)).toThrow(RangeError);
  });

  it('listens on a requested port, on 127.0.0.1 only', async () => {
    const port = await freePort();
    const fixed = await PortOneEmulator.start({ strict: true, port });
    try {
      expect(fixed.port).toBe(port);
      expect((await call(`http://127.0.0.1:${port}/emulator/otp/x`)).status).toBe(404);
      await expect(PortOneEmulator.start({ strict: true, port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await fixed.close();
    }
  });

  it('close() destroys keep-alive sockets and pending delayed responses; a second close is harmless', async () => {
    const short = await PortOneEmulator.start({ strict: true });
    // An idle keep-alive connection.
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      http
        .get(`${short.v1BaseUrl}/idle`, { agent }, res => {
          res.resume();
          res.on('end', () => resolve());
        })
        .on('error', reject);
    });
    // A response held by a long delay fault.
    short.injectFault({ path: '/users/getToken', delayMs: 60_000 });
    const held = fetch(`${short.v1BaseUrl}/users/getToken`, jsonInit('POST', {}));
    await new Promise(resolve => setTimeout(resolve, 50));
    const started = Date.now();
    await short.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(held).rejects.toThrow();
    await short.close();
    await expect(fetch(`${short.v1BaseUrl}/users/getToken`)).rejects.toThrow();
    agent.destroy();
  });
});
