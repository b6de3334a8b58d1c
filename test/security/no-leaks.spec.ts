import { inspect } from 'node:util';
import { PortOneError, type RequestCertificationOtpDto, type SendIdentityVerificationDto } from '../../lib';
import { PortOneEmulator } from '../../lib/testing';
import {
  createPortOneTestApp,
  emulatorOptions,
  newId,
  rejectionOf,
  type PortOneTestApp,
} from '../support/portone-test-app';

/** Distinctive values: if any of them shows up in an error, it leaked. */
const PERSON = {
  name: '누설금지',
  phone: '010-5550-1234',
  phoneDigits: '01055501234',
  birth: '851231',
  identityNumber: '8512312',
  otp: '987654',
};
const V1_SECRET = 'v1-secret-DO-NOT-LEAK-1234567890';
const V2_SECRET = 'v2-secret-DO-NOT-LEAK-0987654321';

function renderings(error: unknown): string[] {
  return [
    String((error as Error).message),
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
    String((error as Error).stack),
  ];
}

describe('secrets and personal data never appear in errors', () => {
  let emulator: PortOneEmulator;
  let app: PortOneTestApp;
  const seenTokens: string[] = [];

  beforeAll(async () => {
    emulator = await PortOneEmulator.start({
      strict: true,
      v1: { apiSecret: V1_SECRET },
      v2: { apiSecret: V2_SECRET },
    });
    app = await createPortOneTestApp(
      emulatorOptions(emulator, { v2: { apiSecret: V2_SECRET, baseUrl: emulator.v2BaseUrl, auth: 'token' } }),
    );
  });
  afterAll(async () => {
    await app.close();
    await emulator.close();
  });
  beforeEach(() => emulator.clearFaults());

  function expectClean(error: unknown): void {
    expect(error).toBeInstanceOf(PortOneError);
    const forbidden = [
      V1_SECRET,
      V2_SECRET,
      PERSON.name,
      PERSON.phone,
      PERSON.phoneDigits,
      PERSON.birth,
      PERSON.identityNumber,
      PERSON.otp,
      ...seenTokens,
    ];
    for (const text of renderings(error)) {
      for (const value of forbidden) expect(text).not.toContain(value);
    }
  }

  /** Every token the emulator handed out so far, read from the request log. */
  function collectTokens(): void {
    for (const request of emulator.requests) {
      const auth = request.headers.authorization;
      if (typeof auth === 'string' && auth.startsWith('Bearer ')) seenTokens.push(auth.slice(7));
      const body = request.body as { refreshToken?: string } | undefined;
      if (body?.refreshToken) seenTokens.push(body.refreshToken);
    }
  }

  const otpDto = (overrides: Record<string, unknown> = {}) =>
    ({
      name: PERSON.name,
      phone: PERSON.phone,
      birth: PERSON.birth,
      genderDigit: '1',
      carrier: 'SKT',
      channelKey: emulator.credentials.channelKeys.danal,
      ...overrides,
    }) as RequestCertificationOtpDto;

  const sendDto = (overrides: Record<string, unknown> = {}) =>
    ({
      channelKey: emulator.credentials.channelKeys.danal,
      customer: {
        name: PERSON.name,
        phoneNumber: PERSON.phoneDigits,
        identityNumber: PERSON.identityNumber,
        ipAddress: '203.0.113.9',
      },
      operator: 'SKT',
      method: 'SMS',
      ...overrides,
    }) as SendIdentityVerificationDto;

  it('validation errors name fields, not values', async () => {
    expectClean(await rejectionOf(app.certifications.requestOtp(otpDto({ carrier: PERSON.name }))));
    expectClean(await rejectionOf(app.certifications.requestOtp(otpDto({ birth: `${PERSON.birth}99` }))));
    expectClean(
      await rejectionOf(
        app.certifications.confirmOtp('imp_1', { otp: PERSON.otp, extra: PERSON.phone } as never),
      ),
    );
    expectClean(
      await rejectionOf(
        app.identityVerifications.send(newId(), sendDto({ operator: PERSON.identityNumber })),
      ),
    );
  });

  it('PortOne messages that echo what was sent are scrubbed (V1 and V2)', async () => {
    emulator.injectFault({
      api: 'v1',
      path: '/certifications/otp/request',
      status: 400,
      body: {
        code: -1,
        message: `${PERSON.name}님 (${PERSON.phone}, ${PERSON.birth}) 정보가 올바르지 않습니다`,
        response: null,
      },
    });
    const v1Error = await rejectionOf(app.certifications.requestOtp(otpDto()));
    expect(v1Error).toMatchObject({ status: 400 });
    expectClean(v1Error);

    emulator.injectFault({
      api: 'v2',
      path: /\/send$/,
      status: 502,
      body: {
        type: 'PG_PROVIDER',
        message: `${PERSON.name} ${PERSON.identityNumber}`,
        pgCode: 'X',
        pgMessage: `phone ${PERSON.phoneDigits}`,
      },
    });
    const v2Error = await rejectionOf(app.identityVerifications.send(newId(), sendDto()));
    expect(v2Error).toMatchObject({ type: 'PG_PROVIDER' });
    expectClean(v2Error);
  });

  it('wrong-OTP, auth, network and timeout errors carry no token, secret or personal data', async () => {
    const { impUid } = await app.certifications.requestOtp(otpDto());
    expectClean(await rejectionOf(app.certifications.confirmOtp(impUid, { otp: PERSON.otp })));

    const id = newId();
    await app.identityVerifications.send(id, sendDto());
    expectClean(await rejectionOf(app.identityVerifications.confirm(id, { otp: PERSON.otp })));

    collectTokens();
    expect(seenTokens.length).toBeGreaterThan(0);

    emulator.injectFault({ api: 'v1', path: /^\/certifications\//, status: 401, times: 2 });
    expectClean(await rejectionOf(app.certifications.get(impUid)));

    emulator.injectFault({ api: 'v1', path: /^\/certifications\//, dropConnection: true, times: 3 });
    expectClean(await rejectionOf(app.certifications.get(impUid)));

    emulator.injectFault({ api: 'v1', path: '/certifications/otp/request', delayMs: 300 });
    expectClean(await rejectionOf(app.certifications.requestOtp(otpDto(), { timeoutMs: 50 })));

    emulator.injectFault({
      api: 'v1',
      path: /^\/certifications\//,
      status: 502,
      body: '<html>bad gateway</html>',
      times: 3,
    });
    expectClean(await rejectionOf(app.certifications.get(impUid)));
  });

  it('credential failures carry no secret', async () => {
    const bad = await createPortOneTestApp(
      emulatorOptions(emulator, {
        v1: { apiKey: 'k', apiSecret: V1_SECRET + 'x', baseUrl: emulator.v1BaseUrl },
        v2: { apiSecret: V2_SECRET + 'x', baseUrl: emulator.v2BaseUrl, auth: 'secret' },
      }),
    );
    try {
      expectClean(await rejectionOf(bad.certifications.get('imp_1')));
      expectClean(await rejectionOf(bad.identityVerifications.get('iv_1')));
    } finally {
      await bad.close();
    }
  });
});
