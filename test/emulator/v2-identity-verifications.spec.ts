import { PortOneEmulator } from '../../lib/testing';
import { call, jsonInit, sendBody, uniqueId, v2Auth } from '../support/emulator-http';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('emulator V2 identity verifications', () => {
  let emulator: PortOneEmulator;
  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  const url = (id: string, action = '') =>
    `${emulator.v2BaseUrl}/identity-verifications/${encodeURIComponent(id)}${action}`;
  const send = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    call(url(id, '/send'), jsonInit('POST', body, { ...v2Auth(emulator), ...headers }));
  const confirm = (id: string, body: unknown = {}) =>
    call(url(id, '/confirm'), jsonInit('POST', body, v2Auth(emulator)));
  const resend = (id: string, query = '') =>
    call(`${url(id, '/resend')}${query}`, { method: 'POST', headers: v2Auth(emulator) });
  const get = (id: string, query = '') => call(`${url(id)}${query}`, { headers: v2Auth(emulator) });
  const sent = async (overrides: Record<string, unknown> = {}): Promise<string> => {
    const id = uniqueId('iv');
    const res = await send(id, sendBody(emulator, overrides));
    expect(res.status).toBe(200);
    return id;
  };

  it('send answers {} and creates a READY record with the requested customer and channel', async () => {
    const id = uniqueId('iv');
    const res = await send(id, sendBody(emulator, { customData: '{"order":1}' }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect(emulator.lastOtp(id)).toMatch(/^\d{6}$/);
    const record = await get(id);
    expect(record.status).toBe(200);
    expect(record.body).toEqual({
      status: 'READY',
      id,
      channel: {
        type: 'TEST',
        id: expect.any(String),
        key: emulator.credentials.channelKeys.danal,
        name: expect.any(String),
        pgProvider: 'DANAL',
        pgMerchantId: expect.any(String),
      },
      requestedCustomer: {
        id: 'user-42',
        name: '김영희',
        phoneNumber: '01098765432',
        birthYear: '2002',
        birthMonth: '03',
        birthDay: '04',
      },
      customData: '{"order":1}',
      requestedAt: expect.stringMatching(RFC3339),
      updatedAt: expect.stringMatching(RFC3339),
      statusChangedAt: expect.stringMatching(RFC3339),
      pgTxId: expect.any(String),
      version: 'V2',
    });
    expect(emulator.getIdentityVerification(id)).toEqual(record.body);
  });

  it('confirm with the OTP answers the VERIFIED record with CI/DI', async () => {
    const id = await sent();
    const res = await confirm(id, { otp: emulator.lastOtp(id) });
    expect(res.status).toBe(200);
    const verification = res.body.identityVerification;
    expect(verification).toEqual({
      status: 'VERIFIED',
      id,
      channel: expect.objectContaining({ type: 'TEST', pgProvider: 'DANAL' }),
      verifiedCustomer: {
        id: 'user-42',
        name: '김영희',
        operator: 'KT',
        phoneNumber: '01098765432',
        birthDate: '2002-03-04',
        gender: 'FEMALE',
        isForeigner: false,
        ci: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
        di: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      requestedAt: expect.stringMatching(RFC3339),
      updatedAt: expect.stringMatching(RFC3339),
      statusChangedAt: expect.stringMatching(RFC3339),
      verifiedAt: expect.stringMatching(RFC3339),
      pgTxId: expect.any(String),
      pgRawResponse: expect.any(String),
      version: 'V2',
    });
    expect(() => JSON.parse(verification.pgRawResponse)).not.toThrow();
    expect((await get(id)).body).toEqual(verification);
  });

  it('matches the V1 CI for the same person (CI is per person, not per API)', async () => {
    const id = await sent({
      customer: {
        name: '홍길동',
        phoneNumber: '01012345678',
        identityNumber: '9001011',
        ipAddress: '1.1.1.1',
      },
    });
    const v2 = (await confirm(id, { otp: emulator.lastOtp(id) })).body.identityVerification.verifiedCustomer;
    expect(v2).toMatchObject({ birthDate: '1990-01-01', gender: 'MALE' });
    const again = await sent({
      channelKey: emulator.credentials.channelKeys.kcpV2,
      customer: {
        name: '홍길동',
        phoneNumber: '01012345678',
        identityNumber: '9001011',
        ipAddress: '1.1.1.1',
      },
    });
    const viaKcp = (await confirm(again, { otp: emulator.lastOtp(again) })).body.identityVerification
      .verifiedCustomer;
    expect(viaKcp.ci).toBe(v2.ci);
    expect(viaKcp.di).not.toBe(v2.di);
  });

  it('marks foreigners from the 7th identity digit', async () => {
    const id = await sent({
      customer: { name: 'John', phoneNumber: '01011112222', identityNumber: '0501017', ipAddress: '1.1.1.1' },
    });
    const customer = (await confirm(id, { otp: emulator.lastOtp(id) })).body.identityVerification
      .verifiedCustomer;
    expect(customer).toMatchObject({ birthDate: '2005-01-01', gender: 'MALE', isForeigner: true });
  });

  it('accepts the JSON body without a Content-Type, as the official SDK sends it', async () => {
    const id = uniqueId('iv');
    const res = await call(url(id, '/send'), {
      method: 'POST',
      headers: v2Auth(emulator),
      body: JSON.stringify(sendBody(emulator)),
    });
    expect(res.status).toBe(200);
    expect(emulator.lastOtp(id)).toBeDefined();
  });

  it('APP method needs no identity number and no OTP', async () => {
    const id = await sent({
      method: 'APP',
      channelKey: emulator.credentials.channelKeys.kcpV2,
      customer: { name: '김영희', phoneNumber: '01098765432', ipAddress: '1.1.1.1' },
    });
    expect(emulator.lastOtp(id)).toBeUndefined();
    expect((await get(id)).body.requestedCustomer).toEqual({ name: '김영희', phoneNumber: '01098765432' });
    const res = await confirm(id);
    expect(res.status).toBe(200);
    expect(res.body.identityVerification.status).toBe('VERIFIED');
    // The spec: birthDate is always present for V2 verifications, and KCP always reports gender and
    // nationality. Without an identity number the emulator invents them, the same for the same person.
    const customer = res.body.identityVerification.verifiedCustomer;
    expect(customer).toMatchObject({
      birthDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      gender: expect.stringMatching(/^(MALE|FEMALE)$/),
      isForeigner: false,
    });
    expect(customer.ci).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    const again = await sent({
      method: 'APP',
      channelKey: emulator.credentials.channelKeys.kcpV2,
      customer: { name: '김영희', phoneNumber: '01098765432', ipAddress: '1.1.1.1' },
    });
    const second = (await confirm(again)).body.identityVerification.verifiedCustomer;
    expect(second).toMatchObject({ birthDate: customer.birthDate, gender: customer.gender, ci: customer.ci });
  });

  describe('send errors', () => {
    it('400 INVALID_REQUEST for schema violations, with no record and no OTP', async () => {
      const bodies = [
        sendBody(emulator, { customer: undefined }),
        sendBody(emulator, { operator: 'LGT' }),
        sendBody(emulator, { method: 'EMAIL' }),
        sendBody(emulator, { customer: { name: 'a', phoneNumber: '01012345678' } }),
        sendBody(emulator, { bypass: 'not-an-object' }),
        [],
      ];
      for (const body of bodies) {
        const id = uniqueId('iv');
        const res = await send(id, body);
        expect(res.status).toBe(400);
        expect(res.body).toEqual({ type: 'INVALID_REQUEST', message: expect.any(String) });
        expect(emulator.lastOtp(id)).toBeUndefined();
        expect((await get(id)).status).toBe(404);
      }
    });

    it('400 for SMS without identityNumber, a phone with separators, or a bad identityNumber', async () => {
      const customers = [
        { name: 'a', phoneNumber: '01012345678', ipAddress: '1.1.1.1' },
        { name: 'a', phoneNumber: '010-1234-5678', identityNumber: '9001011', ipAddress: '1.1.1.1' },
        { name: 'a', phoneNumber: '01012345678', identityNumber: '900101', ipAddress: '1.1.1.1' },
        { name: 'a', phoneNumber: '01012345678', identityNumber: '9013011', ipAddress: '1.1.1.1' },
        { name: 'a', phoneNumber: '01012345678', identityNumber: '9001019', ipAddress: '1.1.1.1' },
      ];
      for (const customer of customers) {
        const id = uniqueId('iv');
        const res = await send(id, sendBody(emulator, { customer }));
        expect(res.status).toBe(400);
        expect(res.body.type).toBe('INVALID_REQUEST');
        expect(res.body.message).not.toContain(customer.phoneNumber);
        expect((await get(id)).status).toBe(404);
      }
    });

    it('404 CHANNEL_NOT_FOUND for an unknown channel; 400 for a channel that cannot verify identities', async () => {
      const unknown = await send(uniqueId('iv'), sendBody(emulator, { channelKey: 'channel-key-nope' }));
      expect(unknown.status).toBe(404);
      expect(unknown.body.type).toBe('CHANNEL_NOT_FOUND');
      const galaxia = await send(
        uniqueId('iv'),
        sendBody(emulator, { channelKey: emulator.credentials.channelKeys.galaxia }),
      );
      expect(galaxia.status).toBe(400);
      expect(galaxia.body.type).toBe('INVALID_REQUEST');
    });

    it('409 ALREADY_SENT for a second send and ALREADY_VERIFIED after confirmation', async () => {
      const id = await sent();
      const otp = emulator.lastOtp(id);
      const again = await send(id, sendBody(emulator));
      expect(again.status).toBe(409);
      expect(again.body.type).toBe('IDENTITY_VERIFICATION_ALREADY_SENT');
      expect(emulator.lastOtp(id)).toBe(otp);
      await confirm(id, { otp });
      const afterVerify = await send(id, sendBody(emulator));
      expect(afterVerify.status).toBe(409);
      expect(afterVerify.body.type).toBe('IDENTITY_VERIFICATION_ALREADY_VERIFIED');
    });

    it('502 PG_PROVIDER with pgCode/pgMessage from setNextPgError, creating nothing', async () => {
      const id = uniqueId('iv');
      emulator.setNextPgError({ pgCode: 'DN001', pgMessage: '통신사 점검' });
      const res = await send(id, sendBody(emulator));
      expect(res.status).toBe(502);
      expect(res.body).toEqual({
        type: 'PG_PROVIDER',
        message: expect.any(String),
        pgCode: 'DN001',
        pgMessage: '통신사 점검',
      });
      expect((await get(id)).status).toBe(404);
      expect((await send(id, sendBody(emulator))).status).toBe(200);
    });

    it('403 FORBIDDEN for another storeId', async () => {
      const res = await send(uniqueId('iv'), sendBody(emulator, { storeId: 'store-other' }));
      expect(res.status).toBe(403);
      expect(res.body.type).toBe('FORBIDDEN');
      const own = await send(
        uniqueId('iv'),
        sendBody(emulator, { storeId: emulator.credentials.v2.storeId }),
      );
      expect(own.status).toBe(200);
    });
  });

  describe('confirm errors', () => {
    it('404 IDENTITY_VERIFICATION_NOT_FOUND for an unknown id', async () => {
      const res = await confirm('never-sent', { otp: '123456' });
      expect(res.status).toBe(404);
      expect(res.body.type).toBe('IDENTITY_VERIFICATION_NOT_FOUND');
    });

    it('502 PG_PROVIDER OTP_MISMATCH for a wrong or missing OTP; the record stays READY', async () => {
      const id = await sent();
      const wrong = emulator.lastOtp(id) === '000000' ? '000001' : '000000';
      for (const body of [{ otp: wrong }, {}]) {
        const res = await confirm(id, body);
        expect(res.status).toBe(502);
        expect(res.body).toEqual({
          type: 'PG_PROVIDER',
          message: expect.any(String),
          pgCode: 'OTP_MISMATCH',
          pgMessage: '인증번호가 일치하지 않습니다.',
        });
        expect(res.text).not.toContain(wrong);
      }
      expect((await get(id)).body.status).toBe('READY');
      expect((await confirm(id, { otp: emulator.lastOtp(id) })).status).toBe(200);
    });

    it('409 ALREADY_VERIFIED on a second confirm', async () => {
      const id = await sent();
      await confirm(id, { otp: emulator.lastOtp(id) });
      const res = await confirm(id, { otp: emulator.lastOtp(id) });
      expect(res.status).toBe(409);
      expect(res.body.type).toBe('IDENTITY_VERIFICATION_ALREADY_VERIFIED');
    });

    it('400 for an invalid body, 403 for another store, 502 for a PG error', async () => {
      const id = await sent();
      const invalid = await confirm(id, { otp: 123456 });
      expect(invalid.status).toBe(400);
      expect(invalid.body.type).toBe('INVALID_REQUEST');
      const forbidden = await confirm(id, { storeId: 'store-other', otp: emulator.lastOtp(id) });
      expect(forbidden.status).toBe(403);
      emulator.setNextPgError({ pgCode: 'E', pgMessage: 'm' });
      expect((await confirm(id, { otp: emulator.lastOtp(id) })).status).toBe(502);
      expect((await get(id)).body.status).toBe('READY');
    });
  });

  describe('resend', () => {
    it('sends a new OTP and answers {}', async () => {
      const id = await sent();
      const before = (await get(id)).body.updatedAt;
      await new Promise(resolve => setTimeout(resolve, 5));
      const res = await resend(id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({});
      expect(emulator.otpsSent(id)).toBe(2);
      expect((await get(id)).body.updatedAt > before).toBe(true);
      expect((await confirm(id, { otp: emulator.lastOtp(id) })).status).toBe(200);
    });

    it('404 NOT_FOUND, 409 ALREADY_VERIFIED, 403 for another store, 502 for a PG error', async () => {
      expect((await resend('never-sent')).body.type).toBe('IDENTITY_VERIFICATION_NOT_FOUND');
      const id = await sent();
      const forbidden = await resend(id, '?storeId=store-other');
      expect(forbidden.status).toBe(403);
      expect((await resend(id, `?storeId=${emulator.credentials.v2.storeId}`)).status).toBe(200);
      emulator.setNextPgError({ pgCode: 'E', pgMessage: 'm' });
      expect((await resend(id)).status).toBe(502);
      expect(emulator.otpsSent(id)).toBe(2);
      await confirm(id, { otp: emulator.lastOtp(id) });
      const verified = await resend(id);
      expect(verified.status).toBe(409);
      expect(verified.body.type).toBe('IDENTITY_VERIFICATION_ALREADY_VERIFIED');
    });
  });

  describe('seeded records (created outside the API)', () => {
    it('confirm and resend answer 404 IDENTITY_VERIFICATION_NOT_SENT', async () => {
      const seeded = emulator.seedIdentityVerification({ id: 'seeded-1' });
      expect(seeded).toMatchObject({ status: 'READY', id: 'seeded-1', version: 'V2' });
      expect((await get('seeded-1')).body).toEqual(seeded);
      for (const res of [await confirm('seeded-1', { otp: '123456' }), await resend('seeded-1')]) {
        expect(res.status).toBe(404);
        expect(res.body.type).toBe('IDENTITY_VERIFICATION_NOT_SENT');
      }
      const verified = emulator.seedIdentityVerification({
        id: 'seeded-2',
        status: 'VERIFIED',
        customer: { name: '박지성', identityNumber: '8102251' },
        operator: 'SKT',
      });
      expect(verified).toMatchObject({
        status: 'VERIFIED',
        verifiedCustomer: { name: '박지성', birthDate: '1981-02-25', gender: 'MALE', operator: 'SKT' },
      });
      expect((await confirm('seeded-2')).body.type).toBe('IDENTITY_VERIFICATION_NOT_SENT');
      const failed = emulator.seedIdentityVerification({
        id: 'seeded-3',
        status: 'FAILED',
        failure: { reason: 'timeout' },
      });
      expect(failed).toMatchObject({ status: 'FAILED', failure: { reason: 'timeout' } });
    });

    it('a send on a seeded READY record replaces it with a sent one', async () => {
      emulator.seedIdentityVerification({ id: 'seeded-4' });
      expect((await send('seeded-4', sendBody(emulator))).status).toBe(200);
      expect((await confirm('seeded-4', { otp: emulator.lastOtp('seeded-4') })).status).toBe(200);
    });

    it('rejects bad seeds', () => {
      expect(() => emulator.seedIdentityVerification({ id: 'x', channelKey: 'nope' })).toThrow(/channel/);
      expect(() =>
        emulator.seedIdentityVerification({ id: 'x', customer: { identityNumber: '12' } }),
      ).toThrow(/identityNumber/);
    });
  });

  it('GET answers 404 for an unknown id and 403 for another store', async () => {
    const missing = await get('missing');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'IDENTITY_VERIFICATION_NOT_FOUND', message: expect.any(String) });
    const id = await sent();
    expect((await get(id, '?storeId=store-other')).status).toBe(403);
    expect((await get(id, `?storeId=${emulator.credentials.v2.storeId}`)).status).toBe(200);
  });

  it('answers unknown V2 paths with 404 { type, message }', async () => {
    const res = await call(`${emulator.v2BaseUrl}/payments/x`, { headers: v2Auth(emulator) });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ type: 'NOT_FOUND', message: expect.any(String) });
  });
});
