import { PortOneAuthError, type PortOneModuleOptions } from '../../lib';
import { createPortOneTestApp, rejectionOf } from '../support/portone-test-app';
import { ScriptedServer, type ScriptedAnswer } from '../support/scripted-server';

/**
 * A token request whose 2xx answer holds no usable token is decided where every 2xx answer is (the token
 * requests are declared operations with a `map`): a `PortOneAuthError` naming the token endpoint, never
 * retried, and the call it was for is never sent.
 */
describe('token answers without a usable token', () => {
  let server: ScriptedServer;
  let tokenAnswer: ScriptedAnswer;

  beforeAll(async () => {
    server = await ScriptedServer.start(request =>
      request.path === '/users/getToken' || request.path === '/login/api-secret'
        ? tokenAnswer
        : { status: 404, body: { code: 1, message: 'not found', response: null } },
    );
  });
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  async function rejectionWith(options: PortOneModuleOptions, call: 'v1' | 'v2'): Promise<unknown> {
    const app = await createPortOneTestApp({ ...options, retry: { maxRetries: 2, baseDelayMs: 1 } });
    try {
      return await rejectionOf(
        call === 'v1' ? app.certifications.get('imp_1') : app.identityVerifications.get('iv_1'),
      );
    } finally {
      await app.close();
    }
  }

  const v1 = (): PortOneModuleOptions => ({
    v1: { apiKey: 'key-1', apiSecret: 'secret-1', baseUrl: server.baseUrl },
  });

  it.each([
    ['an empty access_token', { access_token: '', now: 1, expired_at: 1801 }],
    ['no expired_at', { access_token: 'tok', now: 1 }],
    ['a string for now', { access_token: 'tok', now: '1', expired_at: 1801 }],
    ['a list', [{ access_token: 'tok', now: 1, expired_at: 1801 }]],
  ])('V1 getToken answering 200 with %s', async (_, response) => {
    tokenAnswer = { body: { code: 0, message: null, response } };
    const error = await rejectionWith(v1(), 'v1');
    expect(error).toBeInstanceOf(PortOneAuthError);
    expect(error).toMatchObject({
      status: 200,
      retryable: false,
      message: 'PortOne V1 /users/getToken answered without a usable access token',
    });
    expect(server.count('/users/getToken')).toBe(1);
    expect(server.count('/certifications/imp_1')).toBe(0);
  });

  it.each([
    ['no refreshToken', { accessToken: 'acc' }],
    ['a number for accessToken', { accessToken: 7, refreshToken: 'ref' }],
  ])('V2 login answering 200 with %s', async (_, body) => {
    tokenAnswer = { body };
    const options: PortOneModuleOptions = {
      v2: { apiSecret: 'v2-secret-1', auth: 'token', baseUrl: server.baseUrl },
    };
    const error = await rejectionWith(options, 'v2');
    expect(error).toBeInstanceOf(PortOneAuthError);
    expect(error).toMatchObject({
      status: 200,
      retryable: false,
      message: 'PortOne V2 /login/api-secret answered without a usable access token',
    });
    expect(server.count('/login/api-secret')).toBe(1);
    expect(server.count('/identity-verifications/iv_1')).toBe(0);
  });
});
