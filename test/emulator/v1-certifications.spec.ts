import type { PortOneEmulator } from '../../lib/testing';
import {
  CHANNELS_WITH_DANAL_EXTRAS,
  call,
  formInit,
  jsonInit,
  otpRequestBody,
  readReferenceSpec,
  useV1Emulator,
} from '../support/emulator-http';

const v1Spec = readReferenceSpec('v1-subset.json');

describe('emulator V1 certifications', () => {
  let emulator: PortOneEmulator;
  let token: string;
  // Danal with carrier pre-approval and foreigner detection, so every field is present; the defaults (both
  // absent) are covered in v1-fidelity.spec.ts.
  useV1Emulator(env => ({ emulator, token } = env), { channels: CHANNELS_WITH_DANAL_EXTRAS });

  const auth = () => ({ authorization: `Bearer ${token}` });
  const request = (body: unknown) =>
    call(`${emulator.v1BaseUrl}/certifications/otp/request`, jsonInit('POST', body, auth()));
  const confirm = (impUid: string, body: unknown) =>
    call(`${emulator.v1BaseUrl}/certifications/otp/confirm/${impUid}`, jsonInit('POST', body, auth()));
  const get = (impUid: string) => call(`${emulator.v1BaseUrl}/certifications/${impUid}`, { headers: auth() });
  const del = (impUid: string) =>
    call(`${emulator.v1BaseUrl}/certifications/${impUid}`, { method: 'DELETE', headers: auth() });
  const start = async (overrides: Record<string, unknown> = {}): Promise<string> => {
    const res = await request(otpRequestBody(emulator, overrides));
    expect(res.status).toBe(200);
    return res.body.response.imp_uid as string;
  };

  it('requests an OTP: 200 with an imp_uid, a pending record and a 6-digit OTP', async () => {
    const res = await request(otpRequestBody(emulator, { merchant_uid: 'cert-1' }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 0,
      message: null,
      response: { imp_uid: expect.stringMatching(/^imp_\d{12}$/) },
    });
    const impUid = res.body.response.imp_uid;
    expect(emulator.lastOtp(impUid)).toMatch(/^\d{6}$/);
    const pending = await get(impUid);
    expect(pending.status).toBe(200);
    expect(pending.body.response).toMatchObject({
      imp_uid: impUid,
      merchant_uid: 'cert-1',
      pg_provider: 'danal',
      certified: false,
      certified_at: 0,
      name: null,
      phone: null,
      birthday: null,
      unique_key: null,
      foreigner: false,
    });
  });

  it('confirms with the OTP and returns every CertificationAnnotation field', async () => {
    const impUid = await start({ is_mvno: true, merchant_uid: 'cert-2' });
    const before = Math.floor(Date.now() / 1000);
    const res = await confirm(impUid, { otp: emulator.lastOtp(impUid) });
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(0);
    const cert = res.body.response;
    expect(Object.keys(cert).sort()).toEqual(
      Object.keys(v1Spec.definitions.CertificationAnnotation.properties).sort(),
    );
    expect(cert).toEqual({
      imp_uid: impUid,
      merchant_uid: 'cert-2',
      pg_tid: expect.any(String),
      pg_provider: 'danal',
      name: '홍길동',
      gender: 'male',
      birthday: '1990-01-01',
      foreigner: false,
      foreigner_v2: false,
      phone: '01012345678',
      carrier: 'SKT_MVNO',
      certified: true,
      certified_at: expect.any(Number),
      unique_key: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
      unique_in_site: expect.stringMatching(/^[0-9a-f]{64}$/),
      origin: null,
    });
    expect(cert.certified_at).toBeGreaterThanOrEqual(before);
    expect((await get(impUid)).body.response).toEqual(cert);
    expect(emulator.getCertification(impUid)).toEqual(cert);
  });

  it('derives sex, century and nationality from gender_digit', async () => {
    const cases = [
      { digit: '2', birth: '851231', gender: 'female', birthday: '1985-12-31', foreigner: false },
      { digit: '3', birth: '040229', gender: 'male', birthday: '2004-02-29', foreigner: false },
      { digit: '4', birth: '100101', gender: 'female', birthday: '2010-01-01', foreigner: false },
      { digit: '5', birth: '700101', gender: 'male', birthday: '1970-01-01', foreigner: true },
      { digit: '8', birth: '050505', gender: 'female', birthday: '2005-05-05', foreigner: true },
    ];
    for (const c of cases) {
      const impUid = await start({ gender_digit: c.digit, birth: c.birth });
      const cert = (await confirm(impUid, { otp: emulator.lastOtp(impUid) })).body.response;
      expect(cert).toMatchObject({
        gender: c.gender,
        birthday: c.birthday,
        foreigner: c.foreigner,
        foreigner_v2: c.foreigner,
      });
    }
  });

  it('gives the same person the same CI everywhere and a per-channel DI', async () => {
    const a = await start();
    const b = await start({ phone: '01099998888' });
    const c = await start({ channel_key: emulator.credentials.channelKeys.kcpV2 });
    const [ca, cb, cc] = await Promise.all(
      [a, b, c].map(async id => (await confirm(id, { otp: emulator.lastOtp(id) })).body.response),
    );
    expect(cb.unique_key).toBe(ca.unique_key);
    expect(cc.unique_key).toBe(ca.unique_key);
    expect(cb.unique_in_site).toBe(ca.unique_in_site);
    expect(cc.unique_in_site).not.toBe(ca.unique_in_site);
    expect(cc.pg_provider).toBe('kcp_v2');
    const other = await start({ name: '김철수' });
    expect((await confirm(other, { otp: emulator.lastOtp(other) })).body.response.unique_key).not.toBe(
      ca.unique_key,
    );
  });

  it('accepts a form-encoded request with a string boolean', async () => {
    const fields = { ...(otpRequestBody(emulator) as Record<string, string>), is_mvno: 'true' };
    const res = await call(`${emulator.v1BaseUrl}/certifications/otp/request`, formInit(fields, auth()));
    expect(res.status).toBe(200);
    const impUid = res.body.response.imp_uid;
    const confirmed = await call(
      `${emulator.v1BaseUrl}/certifications/otp/confirm/${impUid}`,
      formInit({ otp: emulator.lastOtp(impUid) ?? '' }, auth()),
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.response.carrier).toBe('SKT_MVNO');
  });

  it('APP verification (kcp_v2) sends no OTP and confirms without one', async () => {
    const impUid = await start({
      channel_key: emulator.credentials.channelKeys.kcpV2,
      verification_method: 'APP',
    });
    expect(emulator.lastOtp(impUid)).toBeUndefined();
    const res = await confirm(impUid, {});
    expect(res.status).toBe(200);
    expect(res.body.response.certified).toBe(true);
  });

  describe('request validation (400, code -1, no record, values never echoed)', () => {
    const invalid: Array<[string, Record<string, unknown>, RegExp]> = [
      ['missing name', { name: undefined }, /name is required/],
      ['carrier outside the enum', { carrier: 'LGU' }, /carrier must be one of the allowed values/],
      ['is_mvno as a JSON string', { is_mvno: 'true' }, /is_mvno must be of type boolean/],
      ['a non-mobile phone', { phone: '02-123-4567' }, /phone/],
      ['a too-long phone', { phone: '010123456789' }, /phone/],
      ['an 8-digit birth', { birth: '19900101' }, /birth/],
      ['an impossible birth date', { birth: '901332' }, /birth/],
      ['29 February in a non-leap year', { birth: '010229', gender_digit: '3' }, /birth/],
      ['gender_digit 9', { gender_digit: '9' }, /gender_digit/],
      ['an empty name', { name: ' ' }, /name/],
      ['a galaxia channel', { channel_key: 'channel-key-emulator-galaxia' }, /channel_key/],
      ['an unknown channel', { channel_key: 'channel-key-nope' }, /channel_key/],
      ['no channel_key', { channel_key: undefined }, /channel_key is required/],
    ];
    it.each(invalid)('%s', async (_label, overrides, message) => {
      // An armed PG error proves the request never reached the PG stage (and so created nothing).
      emulator.setNextPgError({ pgCode: 'P1', pgMessage: 'armed' });
      const res = await request(otpRequestBody(emulator, overrides));
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: -1, message: expect.stringMatching(message), response: null });
      for (const value of Object.values(overrides)) {
        if (typeof value === 'string' && value.length > 3) expect(res.body.message).not.toContain(value);
      }
      expect((await request(otpRequestBody(emulator))).status).toBe(500);
    });
  });

  it('answers a PG error with 500 once, without creating a record', async () => {
    emulator.setNextPgError({ pgCode: 'DANAL_9999', pgMessage: '통신사 오류' });
    const failed = await request(otpRequestBody(emulator));
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ code: -1, message: '[DANAL_9999] 통신사 오류', response: null });
    expect((await request(otpRequestBody(emulator))).status).toBe(200);
  });

  describe('confirm errors', () => {
    it('404 for an unknown imp_uid', async () => {
      const res = await confirm('imp_000000000000', { otp: '123456' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe(-1);
    });

    it('400 for a missing OTP on SMS', async () => {
      const impUid = await start();
      const res = await confirm(impUid, {});
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(-1);
    });

    it('400 for a wrong OTP, without echoing it; the right OTP still works afterwards', async () => {
      const impUid = await start();
      const wrong = emulator.lastOtp(impUid) === '987654' ? '987653' : '987654';
      const res = await confirm(impUid, { otp: wrong });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(-1);
      expect(res.body.message).toMatch(/OTP did not match/);
      expect(res.body.message).not.toContain(wrong);
      expect((await get(impUid)).body.response.certified).toBe(false);
      expect((await confirm(impUid, { otp: emulator.lastOtp(impUid) })).status).toBe(200);
    });

    it('400 when already certified', async () => {
      const impUid = await start();
      await confirm(impUid, { otp: emulator.lastOtp(impUid) });
      const res = await confirm(impUid, { otp: emulator.lastOtp(impUid) });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(-1);
    });

    it('500 for a PG error, leaving the record pending', async () => {
      const impUid = await start();
      emulator.setNextPgError({ pgCode: 'X', pgMessage: 'y' });
      expect((await confirm(impUid, { otp: emulator.lastOtp(impUid) })).status).toBe(500);
      expect(emulator.getCertification(impUid)?.certified).toBe(false);
    });
  });

  it('GET answers 404 for an unknown imp_uid', async () => {
    const res = await get('imp_999999999999');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: -1, message: expect.any(String), response: null });
  });

  it('DELETE returns the deleted record; afterwards GET and DELETE answer 404', async () => {
    const impUid = await start();
    const certified = (await confirm(impUid, { otp: emulator.lastOtp(impUid) })).body.response;
    const deleted = await del(impUid);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ code: 0, message: null, response: certified });
    expect((await get(impUid)).status).toBe(404);
    expect((await del(impUid)).status).toBe(404);
    expect(emulator.getCertification(impUid)).toBeUndefined();
  });

  it('every certification endpoint requires the token', async () => {
    const impUid = await start();
    const noAuth = [
      await call(
        `${emulator.v1BaseUrl}/certifications/otp/request`,
        jsonInit('POST', otpRequestBody(emulator)),
      ),
      await call(
        `${emulator.v1BaseUrl}/certifications/otp/confirm/${impUid}`,
        jsonInit('POST', { otp: '1' }),
      ),
      await call(`${emulator.v1BaseUrl}/certifications/${impUid}`),
      await call(`${emulator.v1BaseUrl}/certifications/${impUid}`, { method: 'DELETE' }),
    ];
    expect(noAuth.map(r => r.status)).toEqual([401, 401, 401, 401]);
    expect(emulator.getCertification(impUid)).toBeDefined();
  });
});
