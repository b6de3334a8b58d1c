import { PortOneEmulator } from '../../lib/testing';
import {
  call,
  cvsBody,
  jsonInit,
  otpRequestBody,
  sendBody,
  uniqueId,
  v1Token,
  v2Auth,
} from '../support/emulator-http';

/**
 * Failure paths and details a user testing against the emulator needs to behave as PortOne does (issue 13,
 * items 1-9). Everything goes over raw HTTP.
 */
describe('emulator fidelity', () => {
  let emulator: PortOneEmulator;
  let token: string;
  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true, otp: { ttlSeconds: 60, maxAttempts: 3 } });
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    emulator.reset();
    token = await v1Token(emulator);
  });

  const v1 = () => ({ authorization: `Bearer ${token}` });
  const v1Request = (overrides: Record<string, unknown> = {}) =>
    call(
      `${emulator.v1BaseUrl}/certifications/otp/request`,
      jsonInit('POST', otpRequestBody(emulator, overrides), v1()),
    );
  const v1Start = async (overrides: Record<string, unknown> = {}): Promise<string> => {
    const res = await v1Request(overrides);
    expect(res.status).toBe(200);
    return res.body.response.imp_uid as string;
  };
  const v1Confirm = (impUid: string, otp?: string) =>
    call(
      `${emulator.v1BaseUrl}/certifications/otp/confirm/${impUid}`,
      jsonInit('POST', otp === undefined ? {} : { otp }, v1()),
    );
  const v2Url = (id: string, suffix = '') =>
    `${emulator.v2BaseUrl}/identity-verifications/${encodeURIComponent(id)}${suffix}`;
  const v2Send = (id: string, overrides: Record<string, unknown> = {}) =>
    call(v2Url(id, '/send'), jsonInit('POST', sendBody(emulator, overrides), v2Auth(emulator)));
  const v2Confirm = (id: string, otp?: string) =>
    call(v2Url(id, '/confirm'), jsonInit('POST', otp === undefined ? {} : { otp }, v2Auth(emulator)));
  const v2Get = (id: string) => call(v2Url(id), { headers: v2Auth(emulator) });
  const v2List = (body: unknown) =>
    call(
      `${emulator.v2BaseUrl}/identity-verifications?requestBody=${encodeURIComponent(JSON.stringify(body))}`,
      { headers: v2Auth(emulator) },
    );
  const wrong = (otp: string | undefined) => (otp === '000000' ? '111111' : '000000');

  describe('1. OTP lifetime and attempt limit', () => {
    it('V2: a confirm after the lifetime fails the verification with a failure reason', async () => {
      const id = uniqueId('iv');
      expect((await v2Send(id)).status).toBe(200);
      emulator.setClockSkew(61);
      const res = await v2Confirm(id, emulator.lastOtp(id));
      expect(res.status).toBe(502);
      expect(res.body).toMatchObject({ type: 'PG_PROVIDER', pgCode: 'OTP_EXPIRED' });
      const record = (await v2Get(id)).body;
      expect(record.status).toBe('FAILED');
      expect(record.failure).toEqual({
        reason: expect.stringContaining('expired'),
        pgCode: 'OTP_EXPIRED',
        pgMessage: expect.any(String),
      });
      // A failed verification can no longer be confirmed, even with the right OTP.
      expect((await v2Confirm(id, emulator.lastOtp(id))).status).toBe(404);
    });

    it('V2: the maxAttempts-th wrong OTP fails the verification; the right one then cannot rescue it', async () => {
      const id = uniqueId('iv');
      await v2Send(id);
      const otp = emulator.lastOtp(id);
      for (let attempt = 1; attempt <= 2; attempt++) {
        const res = await v2Confirm(id, wrong(otp));
        expect(res.body.pgCode).toBe('OTP_MISMATCH');
        expect((await v2Get(id)).body.status).toBe('READY');
      }
      const third = await v2Confirm(id, wrong(otp));
      expect(third.body.pgCode).toBe('OTP_ATTEMPTS_EXCEEDED');
      expect((await v2Get(id)).body).toMatchObject({
        status: 'FAILED',
        failure: { pgCode: 'OTP_ATTEMPTS_EXCEEDED', reason: expect.stringContaining('wrong OTP') },
      });
      expect((await v2Confirm(id, otp)).status).toBe(404);
      // Sending again starts a new verification with fresh attempts.
      expect((await v2Send(id)).status).toBe(200);
      expect((await v2Confirm(id, emulator.lastOtp(id))).body.identityVerification.status).toBe('VERIFIED');
    });

    it('V2: resend restarts the lifetime and the attempts', async () => {
      const id = uniqueId('iv');
      await v2Send(id);
      await v2Confirm(id, '000000');
      await v2Confirm(id, '000000');
      emulator.setClockSkew(50);
      await call(v2Url(id, '/resend'), { method: 'POST', headers: v2Auth(emulator) });
      emulator.setClockSkew(100); // 50 s after the resend: inside the new lifetime
      await v2Confirm(id, wrong(emulator.lastOtp(id))); // one wrong attempt of a fresh three
      const res = await v2Confirm(id, emulator.lastOtp(id));
      expect(res.status).toBe(200);
    });

    it('V1: a confirm after the lifetime is refused and the certification can never succeed', async () => {
      const impUid = await v1Start();
      emulator.setClockSkew(600); // past the 60 s OTP lifetime, inside the 30 min token lifetime
      const late = await v1Confirm(impUid, emulator.lastOtp(impUid));
      expect(late.status).toBe(400);
      expect(late.body).toMatchObject({ code: -1, message: expect.stringContaining('expired') });
      const again = await v1Confirm(impUid, emulator.lastOtp(impUid));
      expect(again.status).toBe(400);
      expect(again.body.message).toMatch(/verification failed/);
      expect(emulator.getCertification(impUid)?.certified).toBe(false);
    });

    it('V1: ten wrong OTPs in a row do not leave the record pending; it is FAILED (seen through V2)', async () => {
      const impUid = await v1Start();
      const otp = emulator.lastOtp(impUid);
      const messages: string[] = [];
      for (let i = 0; i < 10; i++) messages.push((await v1Confirm(impUid, wrong(otp))).body.message);
      expect(messages.slice(0, 2).every(m => /did not match/.test(m))).toBe(true);
      expect(messages[2]).toMatch(/too many wrong OTPs/);
      expect(messages.slice(3).every(m => /verification failed/.test(m))).toBe(true);
      expect((await v1Confirm(impUid, otp)).status).toBe(400);
      expect((await v2Get(impUid)).body).toMatchObject({
        status: 'FAILED',
        version: 'V1',
        failure: { pgCode: 'OTP_ATTEMPTS_EXCEEDED' },
      });
    });

    it('documents its defaults: 180 seconds and 5 attempts', async () => {
      const defaults = await PortOneEmulator.start({ strict: true });
      try {
        const t = await v1Token(defaults);
        const auth = { authorization: `Bearer ${t}` };
        const base = defaults.v1BaseUrl;
        const start = async () =>
          (await call(`${base}/certifications/otp/request`, jsonInit('POST', otpRequestBody(defaults), auth)))
            .body.response.imp_uid as string;
        const confirm = (impUid: string, otp: string | undefined) =>
          call(`${base}/certifications/otp/confirm/${impUid}`, jsonInit('POST', { otp }, auth));
        const inTime = await start();
        defaults.setClockSkew(179);
        expect((await confirm(inTime, defaults.lastOtp(inTime))).status).toBe(200);
        defaults.setClockSkew(0);
        const late = await start();
        defaults.setClockSkew(181);
        expect((await confirm(late, defaults.lastOtp(late))).body.message).toMatch(/expired/);
        defaults.setClockSkew(0);
        const guessed = await start();
        const otp = defaults.lastOtp(guessed);
        for (let i = 0; i < 4; i++)
          expect((await confirm(guessed, wrong(otp))).body.message).toMatch(/match/);
        expect((await confirm(guessed, wrong(otp))).body.message).toMatch(/too many/);
      } finally {
        await defaults.close();
      }
    });

    it('refuses a non-positive lifetime or attempt count', async () => {
      await expect(PortOneEmulator.start({ otp: { ttlSeconds: 0 } })).rejects.toThrow(RangeError);
      await expect(PortOneEmulator.start({ otp: { maxAttempts: 1.5 } })).rejects.toThrow(RangeError);
    });
  });

  describe('2. V1 certifications through the V2 API', () => {
    it('serves a pending and then a certified V1 record by imp_uid with version V1', async () => {
      const impUid = await v1Start({ carrier: 'LGT', is_mvno: true });
      const pending = await v2Get(impUid);
      expect(pending.status).toBe(200);
      expect(pending.body).toMatchObject({
        status: 'READY',
        id: impUid,
        version: 'V1',
        channel: { type: 'TEST', pgProvider: 'DANAL', key: emulator.credentials.channelKeys.danal },
        requestedCustomer: {
          name: '홍길동',
          phoneNumber: '01012345678',
          birthYear: '1990',
          birthMonth: '01',
          birthDay: '01',
        },
        pgTxId: emulator.getCertification(impUid)?.pg_tid,
      });
      await v1Confirm(impUid, emulator.lastOtp(impUid));
      const cert = emulator.getCertification(impUid)!;
      const verified = (await v2Get(impUid)).body;
      expect(verified).toMatchObject({
        status: 'VERIFIED',
        id: impUid,
        version: 'V1',
        verifiedAt: new Date(cert.certified_at * 1000).toISOString(),
        verifiedCustomer: {
          name: '홍길동',
          birthDate: '1990-01-01',
          gender: 'MALE',
          ci: cert.unique_key,
          di: cert.unique_in_site,
        },
      });
      // Danal without carrier pre-approval or foreigner detection: V1 shows no phone, carrier or
      // foreigner_v2, so V2 shows no phoneNumber, operator or isForeigner either.
      expect(Object.keys(verified.verifiedCustomer).sort()).toEqual(
        ['birthDate', 'ci', 'di', 'gender', 'name'].sort(),
      );
    });

    it('maps the V1 carrier LGT to the V2 operator LGU when the channel reveals it', async () => {
      const impUid = await v1Start({
        channel_key: emulator.credentials.channelKeys.kcpV2,
        carrier: 'LGT',
        is_mvno: true,
        gender_digit: '6',
        birth: '800101',
      });
      await v1Confirm(impUid, emulator.lastOtp(impUid));
      expect((await v2Get(impUid)).body.verifiedCustomer).toMatchObject({
        operator: 'LGU_MVNO',
        phoneNumber: '01012345678',
        isForeigner: true,
        gender: 'FEMALE',
      });
    });

    it('lists V1 records with the V2 ones, and the version filter tells them apart', async () => {
      const impUid = await v1Start();
      const id = uniqueId('iv');
      await v2Send(id);
      const all = (await v2List({})).body.items.map((item: { id: string }) => item.id);
      expect(all).toEqual(expect.arrayContaining([impUid, id]));
      expect(
        (await v2List({ filter: { version: 'V1' } })).body.items.map((i: { id: string }) => i.id),
      ).toEqual([impUid]);
      expect(
        (await v2List({ filter: { version: 'V2' } })).body.items.map((i: { id: string }) => i.id),
      ).toEqual([id]);
    });

    it('a V1 record is not visible from another store', async () => {
      const impUid = await v1Start();
      const res = await call(`${v2Url(impUid)}?storeId=store-other`, { headers: v2Auth(emulator) });
      expect(res.status).toBe(403);
    });
  });

  describe('3. every declared list filter filters', () => {
    it('identityVerificationTxId matches the V1 imp_uid, and an unknown one matches nothing', async () => {
      const impUid = await v1Start();
      await v2Send(uniqueId('iv'));
      const byTx = await v2List({ filter: { identityVerificationTxId: impUid } });
      expect(byTx.body.items.map((item: { id: string }) => item.id)).toEqual([impUid]);
      const none = await v2List({ filter: { identityVerificationTxId: 'no-such-attempt' } });
      expect(none.body).toMatchObject({ items: [], page: { totalCount: 0 } });
    });
  });

  describe('4. V2 APP verifications carry birthDate, gender and isForeigner', () => {
    it('fills them although no identity number was sent', async () => {
      const id = uniqueId('iv');
      const res = await v2Send(id, {
        method: 'APP',
        channelKey: emulator.credentials.channelKeys.kcpV2,
        customer: { name: '김영희', phoneNumber: '01098765432', ipAddress: '1.1.1.1' },
      });
      expect(res.status).toBe(200);
      const verified = (await v2Confirm(id)).body.identityVerification.verifiedCustomer;
      expect(verified.birthDate).toMatch(/^(19[6-9]\d|200[0-4])-\d{2}-\d{2}$/);
      expect(['MALE', 'FEMALE']).toContain(verified.gender);
      expect(verified.isForeigner).toBe(false);
    });
  });

  describe('5. V1 phone, carrier and foreigner_v2 follow the channel contract', () => {
    it('Danal by default: no phone or carrier property, foreigner false and foreigner_v2 null', async () => {
      const impUid = await v1Start({ gender_digit: '5', birth: '700101' });
      const res = await v1Confirm(impUid, emulator.lastOtp(impUid));
      const cert = res.body.response;
      expect(cert.certified).toBe(true);
      expect(cert).not.toHaveProperty('phone');
      expect(cert).not.toHaveProperty('carrier');
      expect(cert.foreigner).toBe(false);
      expect(cert.foreigner_v2).toBeNull();
    });

    it('kcp_v2 by default, or Danal with the options on: phone, carrier and the foreigner flags', async () => {
      const contracted = await PortOneEmulator.start({
        strict: true,
        channels: [
          {
            key: 'channel-key-danal-full',
            v1PgProvider: 'danal',
            v2PgProvider: 'DANAL',
            carrierPreApproval: true,
            foreignerDetection: true,
          },
        ],
      });
      try {
        const auth = { authorization: `Bearer ${await v1Token(contracted)}` };
        const body = otpRequestBody(contracted, { channel_key: 'channel-key-danal-full', gender_digit: '5' });
        const impUid = (
          await call(`${contracted.v1BaseUrl}/certifications/otp/request`, jsonInit('POST', body, auth))
        ).body.response.imp_uid;
        const cert = (
          await call(
            `${contracted.v1BaseUrl}/certifications/otp/confirm/${impUid}`,
            jsonInit('POST', { otp: contracted.lastOtp(impUid) }, auth),
          )
        ).body.response;
        expect(cert).toMatchObject({
          phone: '01012345678',
          carrier: 'SKT',
          foreigner: true,
          foreigner_v2: true,
        });
      } finally {
        await contracted.close();
      }
      const kcp = await v1Start({ channel_key: emulator.credentials.channelKeys.kcpV2 });
      const cert = (await v1Confirm(kcp, emulator.lastOtp(kcp))).body.response;
      expect(cert).toMatchObject({
        phone: '01012345678',
        carrier: 'SKT',
        foreigner: false,
        foreigner_v2: false,
      });
    });
  });

  describe('6. Danal refuses the APP method', () => {
    it('V1: 400 for verification_method APP on a danal channel, no record, no OTP', async () => {
      const res = await v1Request({ verification_method: 'APP' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: -1, message: expect.stringContaining('kcp_v2') });
      expect(emulator.otpsSent(res.body.response?.imp_uid ?? '')).toBe(0);
    });

    it('V2: 400 INVALID_REQUEST for method APP on a Danal channel, nothing stored', async () => {
      const id = uniqueId('iv');
      const res = await v2Send(id, { method: 'APP' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ type: 'INVALID_REQUEST', message: expect.stringContaining('KCP_V2') });
      expect((await v2Get(id)).status).toBe(404);
    });
  });

  describe('7. CVS issue follows the spec', () => {
    const issue = (overrides: Record<string, unknown>) =>
      call(`${emulator.v1BaseUrl}/cvs`, jsonInit('POST', cvsBody(emulator, overrides), v1()));

    it('refuses a supplied barcode longer than vbank_num allows (32)', async () => {
      const ok = await issue({ barcode: '1'.repeat(32) });
      expect(ok.status).toBe(200);
      expect(ok.body.response.vbank_num).toBe('1'.repeat(32));
      const long = await issue({ barcode: '1'.repeat(33) });
      expect(long.status).toBe(400);
      expect(long.body.message).toMatch(/barcode must be at most 32 characters/);
    });

    it('refuses an expired_at that has already passed', async () => {
      const now = Math.floor(Date.now() / 1000);
      const past = await issue({ expired_at: now - 60 });
      expect(past.status).toBe(400);
      expect(past.body.message).toMatch(/expired_at/);
      const future = await issue({ expired_at: now + 3600 });
      expect(future.status).toBe(200);
      expect(future.body.response.vbank_date).toBe(now + 3600);
    });
  });

  describe('8. V1 at the root as well as under /v1', () => {
    it('a client given the origin reaches V1 and V2 alike', async () => {
      const origin = emulator.origin;
      const tokenRes = await call(
        `${origin}/users/getToken`,
        jsonInit('POST', {
          imp_key: emulator.credentials.v1.apiKey,
          imp_secret: emulator.credentials.v1.apiSecret,
        }),
      );
      expect(tokenRes.status).toBe(200);
      const auth = { authorization: `Bearer ${tokenRes.body.response.access_token}` };
      const requested = await call(
        `${origin}/certifications/otp/request`,
        jsonInit('POST', otpRequestBody(emulator), auth),
      );
      expect(requested.status).toBe(200);
      const impUid = requested.body.response.imp_uid;
      expect(
        (await call(`${origin}/certifications/${impUid}`, { headers: auth })).body.response.imp_uid,
      ).toBe(impUid);
      expect((await call(`${origin}/cvs`, jsonInit('POST', cvsBody(emulator), auth))).status).toBe(200);
      expect(emulator.countRequests({ api: 'v1', path: '/users/getToken' })).toBe(2);
      expect(
        (await call(`${origin}/identity-verifications/${impUid}`, { headers: v2Auth(emulator) })).status,
      ).toBe(200);
    });
  });

  describe('9. strict mode', () => {
    it('refuses a typo in a list filter, naming it, instead of listing everything', async () => {
      await v2Send(uniqueId('iv'));
      const res = await v2List({ filter: { status: ['VERIFIED'] } });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        type: 'INVALID_REQUEST',
        message: expect.stringContaining('filter.status'),
      });
    });

    it('names unknown query parameters and body fields on V1 and V2', async () => {
      const v2Res = await call(`${v2Url('x')}?storeid=abc&storeId=${emulator.credentials.v2.storeId}`, {
        headers: v2Auth(emulator),
      });
      expect(v2Res.status).toBe(400);
      expect(v2Res.body.message).toBe('Strict mode: unknown query parameter(s): storeid');
      const v1Res = await v1Request({ gender: 'male', imp_uid: 'x' });
      expect(v1Res.status).toBe(400);
      expect(v1Res.body.message).toBe('Strict mode: unknown body field(s): gender, imp_uid');
      const nested = await v2Send(uniqueId('iv'), {
        customer: { ...(sendBody(emulator).customer as object), birthday: '900101' },
      });
      expect(nested.body.message).toBe('Strict mode: unknown body field(s): customer.birthday');
    });

    it('lets free-form objects (bypass) through, and is off unless asked for', async () => {
      expect((await v2Send(uniqueId('iv'), { bypass: { anything: { goes: 1 } } })).status).toBe(200);
      const lenient = await PortOneEmulator.start();
      try {
        const res = await call(
          `${lenient.v2BaseUrl}/identity-verifications?requestBody=${encodeURIComponent(
            JSON.stringify({ filter: { status: ['VERIFIED'] } }),
          )}&extra=1`,
          { headers: v2Auth(lenient) },
        );
        expect(res.status).toBe(200);
      } finally {
        await lenient.close();
      }
    });
  });
});
