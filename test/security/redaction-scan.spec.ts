import { inspect } from 'node:util';
import { Logger } from '@nestjs/common';
import type { RequestCertificationOtpDto, SendIdentityVerificationDto } from '../../lib';
import { PortOneEmulator } from '../../lib/testing';
import { CapturingLogger } from '../support/capturing-logger';
import { spyOn } from '../support/spy';
import {
  createPortOneTestApp,
  emulatorOptions,
  newId,
  type PortOneTestApp,
} from '../support/portone-test-app';

/**
 * Pushes known secrets and personal data through every success and failure path, with logging on, then
 * scans every log line and every serialised error for them.
 */
describe('redaction scan: logs and serialised errors', () => {
  const secrets = {
    v1Key: 'scan-v1-key-4f1e',
    v1Secret: 'scan-v1-secret-77aa91',
    v2Secret: 'scan-v2-secret-2bb0c3',
  };
  const person = {
    name: '스캔대상',
    phone: '010-4321-8765',
    phoneDigits: '01043218765',
    birth: '770615',
    identityNumber: '7706151',
    // Most Korean names are 2 or 3 syllables: shorter than the old 4-character scrub floor.
    shortName: '홍길동',
    shorterName: '김철',
  };

  let emulator: PortOneEmulator;
  let logger: CapturingLogger;
  const errors: unknown[] = [];

  beforeAll(async () => {
    emulator = await PortOneEmulator.start({
      strict: true,
      v1: { apiKey: secrets.v1Key, apiSecret: secrets.v1Secret },
      v2: { apiSecret: secrets.v2Secret },
    });
  });
  afterAll(() => emulator.close());

  async function exercise(app: PortOneTestApp): Promise<void> {
    const capture = (promise: Promise<unknown>) => promise.catch((error: unknown) => errors.push(error));
    const otp: RequestCertificationOtpDto = {
      name: person.name,
      phone: person.phone,
      birth: person.birth,
      genderDigit: '1',
      carrier: 'SKT',
      channelKey: emulator.credentials.channelKeys.danal,
    };
    const send: SendIdentityVerificationDto = {
      channelKey: emulator.credentials.channelKeys.danal,
      customer: {
        name: person.name,
        phoneNumber: person.phoneDigits,
        identityNumber: person.identityNumber,
        ipAddress: '198.51.100.4',
      },
      operator: 'SKT',
      method: 'SMS',
    };

    // V1 successes
    const { impUid } = await app.certifications.requestOtp(otp);
    const certified = await app.certifications.confirmOtp(impUid, { otp: emulator.lastOtp(impUid) });
    await app.certifications.get(impUid);
    const payment = await app.cvs.issue({
      channelKey: emulator.credentials.channelKeys.galaxia,
      merchantUid: newId('scan'),
      amount: 1000,
      buyerName: person.name,
      buyerTel: person.phone,
    });
    await app.cvs.revoke(payment.impUid);
    // V2 successes
    const id = newId();
    await app.identityVerifications.send(id, send);
    const verified = await app.identityVerifications.confirm(id, { otp: emulator.lastOtp(id) });
    await app.identityVerifications.list({
      filter: { customer: { name: person.name, phoneNumber: person.phoneDigits } },
    });

    // Failures of every kind
    await capture(app.certifications.requestOtp({ ...otp, carrier: 'XX' as 'SKT' }));
    await capture(app.certifications.confirmOtp(impUid, { otp: '000000' }));
    await capture(app.cvs.revoke(payment.impUid));
    await capture(app.identityVerifications.send(id, send));
    await capture(app.identityVerifications.confirm(newId(), { otp: '123456' }));
    emulator.injectFault({
      api: 'v1',
      path: '/certifications/otp/request',
      status: 400,
      body: { code: -1, message: `${person.name} ${person.phone} ${person.birth}`, response: null },
    });
    await capture(app.certifications.requestOtp(otp));
    emulator.injectFault({ api: 'v1', path: /^\/certifications\//, status: 401, times: 2 });
    await capture(app.certifications.get(impUid));
    emulator.injectFault({ api: 'v1', path: /^\/certifications\//, dropConnection: true, times: 3 });
    await capture(app.certifications.get(impUid));
    emulator.injectFault({ api: 'v2', path: /\/send$/, delayMs: 200 });
    await capture(app.identityVerifications.send(newId(), send, { timeoutMs: 50 }));
    emulator.injectFault({
      api: 'v2',
      path: /^\/identity-verifications\//,
      status: 502,
      body: '<html>oops</html>',
      times: 3,
    });
    await capture(app.identityVerifications.get(id));

    // PortOne echoing 2- and 3-syllable names, with Korean particles attached
    emulator.injectFault({
      api: 'v1',
      path: '/certifications/otp/request',
      status: 400,
      body: { code: -1, message: `${person.shortName}님의 정보가 일치하지 않습니다`, response: null },
    });
    await capture(app.certifications.requestOtp({ ...otp, name: person.shortName }));
    emulator.injectFault({
      api: 'v1',
      path: '/cvs',
      status: 400,
      body: { code: -1, message: `구매자 ${person.shorterName}의 결제를 만들 수 없습니다`, response: null },
    });
    await capture(
      app.cvs.issue({
        channelKey: emulator.credentials.channelKeys.galaxia,
        merchantUid: newId('scan'),
        amount: 1000,
        buyerName: person.shorterName,
      }),
    );
    // a PG relaying personal data in pgCode and pgMessage
    emulator.injectFault({
      api: 'v2',
      path: /\/send$/,
      status: 502,
      body: {
        type: 'PG_PROVIDER',
        message: 'PG error',
        pgCode: person.phoneDigits,
        pgMessage: `고객 ${person.shorterName} (${person.identityNumber}) 인증 실패`,
      },
    });
    await capture(
      app.identityVerifications.send(newId(), {
        ...send,
        customer: { ...send.customer, name: person.shorterName },
      }),
    );
    // PortOne echoing the V2 secret in a 401 (twice: token auth replays once)
    emulator.injectFault({
      api: 'v2',
      path: /^\/identity-verifications\//,
      status: 401,
      body: { type: 'UNAUTHORIZED', message: `invalid Authorization: PortOne ${secrets.v2Secret}` },
      times: 2,
    });
    await capture(app.identityVerifications.get(id));
    emulator.expireTokens();
    await app.certifications.get(certified.impUid);

    expect(verified.verifiedCustomer.name).toBe(person.name); // the data itself is intact for the caller
    expect(errors.length).toBeGreaterThanOrEqual(14);
  }

  function forbiddenValues(): string[] {
    const tokens = emulator.requests.flatMap(request => {
      const auth = request.headers.authorization;
      return typeof auth === 'string' ? [auth.replace(/^(Bearer|PortOne) /, '')] : [];
    });
    const otps = emulator.requests.flatMap(request => {
      const otp = (request.body as { otp?: unknown } | undefined)?.otp;
      return typeof otp === 'string' ? [otp] : [];
    });
    return [...Object.values(secrets), ...Object.values(person), ...new Set(tokens), ...new Set(otps)];
  }

  it.each(['secret', 'token'] as const)('V2 auth %s: zero hits in logs and errors', async auth => {
    logger = new CapturingLogger();
    errors.length = 0;
    emulator.reset();
    const options = emulatorOptions(emulator, { logger });
    const app = await createPortOneTestApp({ ...options, v2: { ...options.v2!, auth } });
    try {
      await exercise(app);
    } finally {
      await app.close();
    }
    expect(logger.lines.length).toBeGreaterThan(15);
    expect(logger.lines.some(line => line.includes('/certifications/otp/request'))).toBe(true);
    const haystack = [
      ...logger.lines,
      ...errors.flatMap(error => [JSON.stringify(error), inspect(error, { depth: 10 }), String(error)]),
    ];
    const hits = forbiddenValues().flatMap(value =>
      haystack.filter(text => text.includes(value)).map(text => `${value} in ${text}`),
    );
    expect(hits).toEqual([]);
  });

  it('logger: true logs through Nest Logger; without the option the module is quiet', async () => {
    const log = spyOn(Logger.prototype, 'log');
    const warn = spyOn(Logger.prototype, 'warn');
    const portOneLines = () =>
      [...log.calls, ...warn.calls]
        .map(call => String(call[0]))
        .filter(line => line.includes('/certifications/'));
    try {
      const quiet = await createPortOneTestApp(emulatorOptions(emulator));
      await quiet.certifications.get('imp_log').catch(() => undefined);
      await quiet.close();
      expect(portOneLines()).toEqual([]);

      const loud = await createPortOneTestApp(emulatorOptions(emulator, { logger: true }));
      const { impUid } = await loud.certifications.requestOtp({
        name: person.name,
        phone: person.phone,
        birth: person.birth,
        genderDigit: '2',
        carrier: 'KT',
        channelKey: emulator.credentials.channelKeys.danal,
      });
      await loud.certifications.get('imp_log').catch(() => undefined);
      await loud.close();
      expect(log.calls.map(call => String(call[0]))).toContainEqual(
        expect.stringMatching(/^POST v1 \/certifications\/otp\/request 200 \d+ms/),
      );
      expect(warn.calls.map(call => String(call[0]))).toContainEqual(
        expect.stringContaining('GET v1 /certifications/imp_log failed'),
      );
      expect(impUid).toMatch(/^imp_/);
    } finally {
      log.restore();
      warn.restore();
    }
  });
});
