import { inspect } from 'node:util';
import { PortOneAuthError, PortOneError, type PortOneModuleOptions } from '../../lib';
import { toPortOneErrorResponse } from '../../lib/exception-filter/portone-error-response';
import { PortOneEmulator } from '../../lib/testing';
import { CapturingLogger } from '../support/capturing-logger';
import { createPortOneTestApp, emulatorOptions, rejectionOf } from '../support/portone-test-app';
import { ScriptedServer, v1TokenAnswer } from '../support/scripted-server';

/**
 * Credentials are scrubbed by VALUE, not only by shape: before, a 401 that echoed `PortOne <secret>` kept
 * the V2 secret, and an access token that is neither a JWT nor 40 hex characters leaked when echoed.
 */
function renderings(error: unknown, logger: CapturingLogger): string[] {
  return [
    String((error as Error).message),
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
    String(error),
    ...logger.lines,
  ];
}

function expectNone(texts: readonly string[], forbidden: readonly string[]): void {
  const hits = forbidden.flatMap(value =>
    texts.filter(text => text.includes(value)).map(text => `${value} in ${text}`),
  );
  expect(hits).toEqual([]);
}

describe('credentials the module holds are scrubbed by value', () => {
  it('the V2 API secret echoed in a 401 message (secret auth)', async () => {
    const secret = 'Sx9-odd_v2secret';
    const emulator = await PortOneEmulator.start({ strict: true, v2: { apiSecret: secret } });
    const logger = new CapturingLogger();
    const app = await createPortOneTestApp(emulatorOptions(emulator, { logger }));
    try {
      emulator.injectFault({
        api: 'v2',
        path: /^\/identity-verifications\//,
        status: 401,
        body: { type: 'UNAUTHORIZED', message: `Authorization "PortOne ${secret}" is not valid` },
      });
      const error = await rejectionOf(app.identityVerifications.get('iv-1'));
      expect(error).toBeInstanceOf(PortOneError);
      expect((error as Error).message).toContain('is not valid');
      expectNone(renderings(error, logger), [secret]);
    } finally {
      await app.close();
      await emulator.close();
    }
  });

  it.each([
    ['an odd-shaped V1 token', 'tok_Odd~shape!9'],
    ['a 3-character V1 token', 'Zq7'],
  ])('%s echoed on a 5xx', async (_name, token) => {
    const server = await ScriptedServer.start(request =>
      request.path === '/users/getToken'
        ? v1TokenAnswer(token)
        : {
            status: 500,
            body: { code: -1, message: `token ${token} was refused by node-7`, response: null },
          },
    );
    const logger = new CapturingLogger();
    const options: PortOneModuleOptions = {
      v1: { apiKey: 'key-odd-1', apiSecret: 'odd-imp-secret', baseUrl: server.baseUrl },
      retry: false,
      logger,
    };
    const app = await createPortOneTestApp(options);
    try {
      const error = await rejectionOf(app.certifications.get('imp_1'));
      expect(error).toMatchObject({ status: 500 });
      expect((error as Error).message).toContain('was refused by node-7');
      expectNone(renderings(error, logger), [token, 'odd-imp-secret']);
    } finally {
      await app.close();
      await server.close();
    }
  });

  it('odd-shaped V2 access and refresh tokens, and the imp_secret, echoed on 4xx', async () => {
    const server = await ScriptedServer.start(request => {
      if (request.path === '/users/getToken') return v1TokenAnswer('plainV1token');
      if (request.path === '/login/api-secret') {
        return { body: { accessToken: 'acc~Odd.token', refreshToken: 'ref~Odd.token' } };
      }
      if (request.path.startsWith('/certifications/')) {
        return {
          status: 400,
          body: { code: -1, message: 'imp_secret=odd-imp-secret2 mismatch', response: null },
        };
      }
      return { status: 400, body: { type: 'INVALID_REQUEST', message: 'acc~Odd.token, ref~Odd.token' } };
    });
    const logger = new CapturingLogger();
    const app = await createPortOneTestApp({
      v1: { apiKey: 'key-odd-2', apiSecret: 'odd-imp-secret2', baseUrl: server.baseUrl },
      v2: { apiSecret: 'v2-odd-secret', baseUrl: server.baseUrl, auth: 'token' },
      retry: false,
      logger,
    });
    try {
      const v2Error = await rejectionOf(app.identityVerifications.get('iv-1'));
      const v1Error = await rejectionOf(app.certifications.get('imp_1'));
      expect(v2Error).toMatchObject({ status: 400, type: 'INVALID_REQUEST' });
      expect(v1Error).toMatchObject({ status: 400 });
      expectNone(
        [...renderings(v2Error, logger), ...renderings(v1Error, logger)],
        ['acc~Odd.token', 'ref~Odd.token', 'odd-imp-secret2', 'plainV1token'],
      );
    } finally {
      await app.close();
      await server.close();
    }
  });
  it.each([
    ['a refused V2 login', 401],
    ['a failed V2 login', 400],
    ['a V2 login answered 5xx', 503],
  ])(
    '%s echoing the secret in its type and code: scrubbed from the error and the filter body',
    async (_n, status) => {
      const secret = 'v2-login-echoed-secret';
      const server = await ScriptedServer.start(() => ({
        status,
        body: { type: `BAD_SECRET_${secret}`, message: 'refused', pgCode: `pg-${secret}` },
      }));
      const logger = new CapturingLogger();
      const app = await createPortOneTestApp({
        v2: { apiSecret: secret, baseUrl: server.baseUrl, auth: 'token' },
        retry: false,
        logger,
      });
      try {
        const error = await rejectionOf(app.identityVerifications.get('iv-1'));
        expect(error).toBeInstanceOf(PortOneAuthError);
        expect((error as PortOneAuthError).type).toBe('BAD_SECRET_[REDACTED]');
        const filterBody = JSON.stringify(toPortOneErrorResponse(error as PortOneError));
        expectNone([...renderings(error, logger), filterBody], [secret]);
      } finally {
        await app.close();
        await server.close();
      }
    },
  );
});
