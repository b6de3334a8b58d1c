import {
  Certification,
  type ConfirmCertificationOtpDto,
  PortOneApiError,
  PortOneAuthError,
  PortOneValidationError,
  type RequestCertificationOtpDto,
} from '../../lib';
import {
  createPortOneTestApp,
  emulatorOptions,
  otpRequest,
  rejectionOf,
  useEmulatorApp,
} from '../support/portone-test-app';
import { CHANNELS_WITH_DANAL_EXTRAS } from '../support/emulator-fixtures';

describe('CertificationService against the emulator', () => {
  // Danal with carrier pre-approval and foreigner detection, so confirmOtp maps every field.
  const env = useEmulatorApp({}, { channels: CHANNELS_WITH_DANAL_EXTRAS });

  async function certify(overrides: Record<string, unknown> = {}): Promise<Certification> {
    const { impUid } = await env.app.certifications.requestOtp(
      otpRequest(env.emulator.credentials.channelKeys.danal, overrides),
    );
    return env.app.certifications.confirmOtp(impUid, { otp: env.emulator.lastOtp(impUid) });
  }

  describe('the OTP flow', () => {
    it('requestOtp sends the snake_case body and resolves to the impUid', async () => {
      const { impUid } = await env.app.certifications.requestOtp({
        ...(otpRequest(env.emulator.credentials.channelKeys.danal) as RequestCertificationOtpDto),
        isMvno: true,
        company: 'example.com',
        merchantUid: 'cert-0001',
        verificationMethod: 'SMS',
        bypass: { kcpV2: { media_type: 'MC01' } },
      });
      expect(impUid).toMatch(/^imp_\d{12}$/);
      const sent = env.emulator.requests.find(r => r.path === '/certifications/otp/request');
      expect(sent?.body).toEqual({
        name: '홍길동',
        phone: '010-1234-5678',
        birth: '900101',
        gender_digit: '1',
        carrier: 'SKT',
        channel_key: env.emulator.credentials.channelKeys.danal,
        is_mvno: true,
        company: 'example.com',
        merchant_uid: 'cert-0001',
        verification_method: 'SMS',
        bypass: '{"kcpV2":{"media_type":"MC01"}}',
      });
      expect(sent?.headers.authorization).toMatch(/^Bearer [0-9a-f]{40}$/);
    });

    it('confirmOtp resolves to the certification with every field mapped', async () => {
      const before = Date.now();
      const certification = await certify({ merchantUid: 'cert-0002', isMvno: true });
      expect(certification).toBeInstanceOf(Certification);
      expect(certification).toEqual(
        expect.objectContaining({
          merchantUid: 'cert-0002',
          pgProvider: 'danal',
          name: '홍길동',
          gender: 'male',
          birthday: '1990-01-01',
          foreigner: false,
          foreignerV2: false,
          phone: '01012345678',
          carrier: 'SKT_MVNO',
          certified: true,
        }),
      );
      expect(certification.impUid).toMatch(/^imp_/);
      expect(typeof certification.pgTid).toBe('string');
      expect(certification.uniqueKey).toHaveLength(88);
      expect(certification.uniqueInSite).toHaveLength(64);
      expect(certification.origin).toBeNull();
      expect(certification.certifiedAt).toBeInstanceOf(Date);
      expect(certification.certifiedAt!.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    });

    it('maps a foreign woman born after 2000', async () => {
      const certification = await certify({ birth: '03.04.05', genderDigit: '8' });
      expect(certification).toEqual(
        expect.objectContaining({ gender: 'female', birthday: '2003-04-05', foreigner: true }),
      );
    });

    it('get reads a pending and a certified record; delete removes it', async () => {
      const { impUid } = await env.app.certifications.requestOtp(
        otpRequest(env.emulator.credentials.channelKeys.danal),
      );
      const pending = await env.app.certifications.get(impUid);
      expect(pending).toEqual(expect.objectContaining({ impUid, certified: false }));
      expect(pending.certifiedAt).toBeUndefined();

      await env.app.certifications.confirmOtp(impUid, { otp: env.emulator.lastOtp(impUid) });
      expect((await env.app.certifications.get(impUid)).certified).toBe(true);

      const deleted = await env.app.certifications.delete(impUid);
      expect(deleted).toEqual(expect.objectContaining({ impUid, certified: true, name: '홍길동' }));
      await expect(env.app.certifications.get(impUid)).rejects.toMatchObject({ status: 404 });
    });

    it('URL-encodes the impUid so it cannot change the endpoint', async () => {
      await expect(env.app.certifications.get('imp_x?y=1#z%2e')).rejects.toMatchObject({ status: 404 });
      expect(env.emulator.requests.at(-1)?.path).toBe('/certifications/imp_x%3Fy%3D1%23z%252e');
    });
  });

  describe('documented errors', () => {
    it.each([
      ['get', (impUid: string) => env.app.certifications.get(impUid)],
      ['delete', (impUid: string) => env.app.certifications.delete(impUid)],
      ['confirmOtp', (impUid: string) => env.app.certifications.confirmOtp(impUid, { otp: '123456' })],
    ])('%s of an unknown impUid: PortOneApiError 404 with the V1 code and message', async (_name, call) => {
      const error = await rejectionOf(call('imp_000000000000'));
      expect(error).toBeInstanceOf(PortOneApiError);
      expect(error).toMatchObject({ status: 404, code: -1, retryable: false });
      expect((error as PortOneApiError).portOneMessage).toEqual(expect.any(String));
    });

    it('a wrong OTP: 400', async () => {
      const { impUid } = await env.app.certifications.requestOtp(
        otpRequest(env.emulator.credentials.channelKeys.danal),
      );
      const wrong = env.emulator.lastOtp(impUid) === '000000' ? '111111' : '000000';
      await expect(env.app.certifications.confirmOtp(impUid, { otp: wrong })).rejects.toMatchObject({
        name: 'PortOneApiError',
        status: 400,
      });
    });

    it('confirming twice: 400', async () => {
      const { impUid } = await env.app.certifications.requestOtp(
        otpRequest(env.emulator.credentials.channelKeys.danal),
      );
      await env.app.certifications.confirmOtp(impUid, { otp: env.emulator.lastOtp(impUid) });
      await expect(
        env.app.certifications.confirmOtp(impUid, { otp: env.emulator.lastOtp(impUid) }),
      ).rejects.toMatchObject({
        status: 400,
        code: -1,
      });
    });

    it('an OTP request PortOne rejects (unknown channel): 400', async () => {
      const error = await rejectionOf(
        env.app.certifications.requestOtp(
          otpRequest(env.emulator.credentials.channelKeys.danal, { channelKey: 'channel-key-unknown' }),
        ),
      );
      expect(error).toMatchObject({ name: 'PortOneApiError', status: 400, code: -1 });
    });

    it.each([
      ['requestOtp', 'post', '/certifications/otp/request'],
      ['delete', 'delete', /^\/certifications\//],
    ])('%s: a 500 from PortOne is not retried (no idempotency on V1)', async (name, method, path) => {
      env.emulator.injectFault({
        api: 'v1',
        method,
        path,
        status: 500,
        body: { code: -1, message: '다날 서버 오류', response: null },
      });
      const call =
        name === 'requestOtp'
          ? env.app.certifications.requestOtp(otpRequest(env.emulator.credentials.channelKeys.danal))
          : env.app.certifications.delete('imp_123412341234');
      const error = await rejectionOf(call);
      expect(error).toMatchObject({ name: 'PortOneApiError', status: 500, code: -1, retryable: false });
      expect(env.emulator.countRequests({ method: method.toUpperCase(), path })).toBe(1);
    });

    it('confirmOtp: a 500 from PortOne', async () => {
      const { impUid } = await env.app.certifications.requestOtp(
        otpRequest(env.emulator.credentials.channelKeys.danal),
      );
      env.emulator.injectFault({ api: 'v1', path: `/certifications/otp/confirm/${impUid}`, status: 500 });
      await expect(
        env.app.certifications.confirmOtp(impUid, { otp: env.emulator.lastOtp(impUid) }),
      ).rejects.toMatchObject({
        status: 500,
        retryable: false,
      });
    });

    it('an HTTP 200 whose envelope has a non-zero code is a PortOneApiError', async () => {
      env.emulator.injectFault({
        api: 'v1',
        path: /^\/certifications\/imp_/,
        status: 200,
        body: { code: 1, message: '비인증결제모듈 사용정보를 찾을 수 없습니다.', response: null },
      });
      const error = await rejectionOf(env.app.certifications.get('imp_111122223333'));
      expect(error).toBeInstanceOf(PortOneApiError);
      expect(error).toMatchObject({
        status: 200,
        code: 1,
        portOneMessage: '비인증결제모듈 사용정보를 찾을 수 없습니다.',
      });
    });

    it('wrong credentials: PortOneAuthError from getToken, nothing else sent', async () => {
      const badApp = await createPortOneTestApp(
        emulatorOptions(env.emulator, {
          v1: { apiKey: 'wrong-key', apiSecret: 'wrong-secret-value', baseUrl: env.emulator.v1BaseUrl },
        }),
      );
      try {
        const error = await rejectionOf(badApp.certifications.get('imp_111122223333'));
        expect(error).toBeInstanceOf(PortOneAuthError);
        expect(error).toMatchObject({ status: 401, retryable: false });
        expect(env.emulator.countRequests({ path: '/users/getToken' })).toBe(1);
        expect(env.emulator.countRequests({ path: /^\/certifications/ })).toBe(0);
      } finally {
        await badApp.close();
      }
    });
  });

  describe('validation before sending', () => {
    const invalid: Array<[string, Record<string, unknown>, string]> = [
      ['name missing', { name: undefined }, 'name'],
      ['name empty', { name: '' }, 'name'],
      ['phone not a mobile number', { phone: '02-123-4567' }, 'phone'],
      ['phone with letters', { phone: '010-abcd-5678' }, 'phone'],
      ['birth as YYYYMMDD', { birth: '19900101' }, 'birth'],
      ['birth with an invalid month', { birth: '901301' }, 'birth'],
      ['genderDigit 0', { genderDigit: '0' }, 'genderDigit'],
      ['genderDigit 9', { genderDigit: '9' }, 'genderDigit'],
      ['genderDigit as a number', { genderDigit: 1 }, 'genderDigit'],
      ['carrier LGU (V2 spelling)', { carrier: 'LGU' }, 'carrier'],
      ['carrier missing', { carrier: undefined }, 'carrier'],
      ['channelKey missing', { channelKey: undefined }, 'channelKey'],
      ['isMvno not boolean', { isMvno: 'yes' }, 'isMvno'],
      ['verificationMethod unknown', { verificationMethod: 'EMAIL' }, 'verificationMethod'],
      ['merchantUid too long', { merchantUid: 'x'.repeat(41) }, 'merchantUid'],
      ['bypass a number', { bypass: 5 }, 'bypass'],
      ['an unknown property', { pg: 'danal.CPID' }, 'pg'],
    ];

    it.each(invalid)(
      'requestOtp, %s: PortOneValidationError naming the field, no request',
      async (_case, patch, field) => {
        const error = await rejectionOf(
          env.app.certifications.requestOtp(otpRequest(env.emulator.credentials.channelKeys.danal, patch)),
        );
        expect(error).toBeInstanceOf(PortOneValidationError);
        expect((error as PortOneValidationError).issues.map(issue => issue.field)).toContain(field);
        expect((error as Error).message).toContain(field);
        expect(env.emulator.requests).toHaveLength(0);
      },
    );

    it.each([
      ['an empty impUid', '', {}],
      ['a non-string impUid', 42, {}],
      ['an impUid with a control character', 'imp_1\n', {}],
      ['an empty otp', 'imp_1', { otp: '' }],
      ['an unknown confirm property', 'imp_1', { code: '123456' }],
    ])('confirmOtp with %s: PortOneValidationError, no request', async (_case, impUid, dto) => {
      const error = await rejectionOf(
        env.app.certifications.confirmOtp(impUid as string, dto as ConfirmCertificationOtpDto),
      );
      expect(error).toBeInstanceOf(PortOneValidationError);
      expect(env.emulator.requests).toHaveLength(0);
    });

    it('a DTO that is not an object', async () => {
      const error = await rejectionOf(
        env.app.certifications.requestOtp(null as unknown as RequestCertificationOtpDto),
      );
      expect(error).toBeInstanceOf(PortOneValidationError);
      expect(env.emulator.requests).toHaveLength(0);
    });
  });
});
