import { PortOneEmulator } from '../../lib/testing';
import {
  createPortOneTestApp,
  emulatorOptions,
  newId,
  sendRequest,
  type PortOneTestApp,
} from '../support/portone-test-app';

describe('V2 authentication', () => {
  let emulator: PortOneEmulator;

  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  async function withApp(
    auth: 'secret' | 'token',
    run: (app: PortOneTestApp) => Promise<void>,
    apiSecret?: string,
  ) {
    const options = emulatorOptions(emulator);
    const app = await createPortOneTestApp({
      ...options,
      v2: { ...options.v2!, auth, apiSecret: apiSecret ?? options.v2!.apiSecret },
    });
    try {
      await run(app);
    } finally {
      await app.close();
    }
  }

  const missing = (app: PortOneTestApp) =>
    app.identityVerifications.get('iv-missing').catch((e: unknown) => e);

  it('secret mode sends `PortOne <secret>` on every call and never logs in', async () => {
    await withApp('secret', async app => {
      await missing(app);
      expect(emulator.requests.at(-1)?.headers.authorization).toBe(
        `PortOne ${emulator.credentials.v2.apiSecret}`,
      );
      expect(emulator.countRequests({ path: '/login/api-secret' })).toBe(0);
    });
  });

  it('secret mode with a wrong secret: PortOneAuthError, no replay', async () => {
    await withApp(
      'secret',
      async app => {
        await expect(app.identityVerifications.get('iv-1')).rejects.toMatchObject({
          name: 'PortOneAuthError',
          status: 401,
          type: 'UNAUTHORIZED',
        });
        expect(emulator.countRequests({ path: '/identity-verifications/iv-1' })).toBe(1);
      },
      'wrong-secret',
    );
  });

  it('token mode logs in once for 100 concurrent calls and sends Bearer tokens', async () => {
    await withApp('token', async app => {
      const results = await Promise.all(Array.from({ length: 100 }, () => missing(app)));
      expect(results.every(r => (r as { type?: string }).type === 'IDENTITY_VERIFICATION_NOT_FOUND')).toBe(
        true,
      );
      expect(emulator.countRequests({ path: '/login/api-secret' })).toBe(1);
      const call = emulator.requests.find(r => r.path === '/identity-verifications/iv-missing');
      expect(call?.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
      const login = emulator.requests.find(r => r.path === '/login/api-secret');
      expect(login?.headers.authorization).toBeUndefined();
    });
  });

  it('token mode: an access token expired at PortOne is refreshed once (with rotation) and the call replayed', async () => {
    await withApp('token', async app => {
      await missing(app);
      emulator.expireTokens();
      const results = await Promise.all(Array.from({ length: 30 }, () => missing(app)));
      expect(results.every(r => (r as { status?: number }).status === 404)).toBe(true);
      expect(emulator.countRequests({ path: '/login/api-secret' })).toBe(1);
      expect(emulator.countRequests({ path: '/token/refresh' })).toBe(1);

      // The rotated refresh token is the one used next time: a second expiry refreshes again, successfully.
      emulator.expireTokens();
      await missing(app);
      const refreshes = emulator.requests.filter(r => r.path === '/token/refresh');
      expect(refreshes).toHaveLength(2);
      expect(refreshes.every(r => r.status === 200)).toBe(true);
      expect((refreshes[0].body as { refreshToken: string }).refreshToken).not.toBe(
        (refreshes[1].body as { refreshToken: string }).refreshToken,
      );
    });
  });

  it('token mode: a refused refresh token falls back to a new login', async () => {
    await withApp('token', async app => {
      await missing(app);
      emulator.expireTokens();
      emulator.injectFault({
        api: 'v2',
        path: '/token/refresh',
        status: 401,
        body: { type: 'UNAUTHORIZED', message: 'used' },
      });
      expect(await missing(app)).toMatchObject({ status: 404 });
      expect(emulator.countRequests({ path: '/login/api-secret' })).toBe(2);
    });
  });

  it('token mode: a second 401 after the refresh becomes PortOneAuthError', async () => {
    await withApp('token', async app => {
      await missing(app);
      emulator.injectFault({ api: 'v2', path: '/identity-verifications/iv-2', status: 401, times: 2 });
      await expect(app.identityVerifications.get('iv-2')).rejects.toMatchObject({
        name: 'PortOneAuthError',
        status: 401,
      });
      expect(emulator.countRequests({ path: '/identity-verifications/iv-2' })).toBe(2);
    });
  });

  it('token mode with a wrong secret: PortOneAuthError from the login', async () => {
    await withApp(
      'token',
      async app => {
        await expect(app.identityVerifications.get('iv-1')).rejects.toMatchObject({
          name: 'PortOneAuthError',
          status: 401,
        });
        expect(emulator.countRequests({ path: '/identity-verifications/iv-1' })).toBe(0);
      },
      'wrong-secret',
    );
  });

  it('token mode: a 401 replay of a POST reuses its Idempotency-Key', async () => {
    await withApp('token', async app => {
      const id = newId();
      emulator.injectFault({ api: 'v2', path: `/identity-verifications/${id}/send`, status: 401 });
      await app.identityVerifications.send(id, sendRequest(emulator.credentials.channelKeys.danal));
      const sends = emulator.requests.filter(r => r.path === `/identity-verifications/${id}/send`);
      expect(sends).toHaveLength(2);
      expect(sends[0].headers['idempotency-key']).toBe(sends[1].headers['idempotency-key']);
      expect(sends[0].headers.authorization).not.toBe(sends[1].headers.authorization);
    });
  });
});
