import { PortOneEmulator } from '../../lib/testing';
import {
  createPortOneTestApp,
  emulatorOptions,
  otpRequest,
  type PortOneTestApp,
} from '../support/portone-test-app';

describe('V1 access token handling', () => {
  let emulator: PortOneEmulator;

  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  async function withApp(run: (app: PortOneTestApp) => Promise<void>, tierCode?: string): Promise<void> {
    const options = emulatorOptions(emulator);
    const app = await createPortOneTestApp({ ...options, v1: { ...options.v1!, tierCode } });
    try {
      await run(app);
    } finally {
      await app.close();
    }
  }

  async function seedCertification(app: PortOneTestApp): Promise<string> {
    const { impUid } = await app.certifications.requestOtp(
      otpRequest(emulator.credentials.channelKeys.danal),
    );
    return impUid;
  }

  it('100 concurrent calls with no token make exactly one getToken request', async () => {
    await withApp(async app => {
      const results = await Promise.all(
        Array.from({ length: 100 }, () => app.certifications.get('imp_missing').catch((e: unknown) => e)),
      );
      expect(results.every(r => (r as { status?: number }).status === 404)).toBe(true);
      expect(emulator.countRequests({ path: '/users/getToken' })).toBe(1);
      expect(emulator.countRequests({ path: '/certifications/imp_missing' })).toBe(100);
    });
  });

  it('the token never passes through the auth interceptor and is sent as a Bearer token', async () => {
    await withApp(async app => {
      await seedCertification(app);
      const [tokenRequest, apiRequest] = emulator.requests;
      expect(tokenRequest.path).toBe('/users/getToken');
      expect(tokenRequest.headers.authorization).toBeUndefined();
      expect(apiRequest.headers.authorization).toMatch(/^Bearer [0-9a-f]{40}$/);
    });
  });

  it('sends the Tier header when tierCode is set', async () => {
    await withApp(async app => {
      await seedCertification(app);
      const apiRequest = emulator.requests.find(r => r.path === '/certifications/otp/request');
      expect(apiRequest?.headers.tier).toBe('A1B');
    }, 'A1B');
  });

  it('a token expired at the emulator mid-run: one refresh, every call succeeds', async () => {
    await withApp(async app => {
      const impUid = await seedCertification(app);
      const firstHalf = await Promise.all(Array.from({ length: 50 }, () => app.certifications.get(impUid)));
      emulator.expireTokens();
      const secondHalf = await Promise.all(Array.from({ length: 50 }, () => app.certifications.get(impUid)));
      expect([...firstHalf, ...secondHalf].every(c => c.impUid === impUid)).toBe(true);
      expect(emulator.countRequests({ path: '/users/getToken' })).toBe(2);
      // Only the calls that met the expired token were refused and replayed.
      expect(emulator.requests.filter(r => r.status === 401)).toHaveLength(50);
    });
  });

  it('a token expired while calls are in flight: one refresh and one replay each', async () => {
    await withApp(async app => {
      const impUid = await seedCertification(app);
      emulator.injectFault({ api: 'v1', path: `/certifications/${impUid}`, delayMs: 50, times: 20 });
      const inFlight = Promise.all(Array.from({ length: 20 }, () => app.certifications.get(impUid)));
      await new Promise(resolve => setTimeout(resolve, 10));
      emulator.expireTokens();
      const results = await inFlight;
      expect(results).toHaveLength(20);
      expect(emulator.countRequests({ path: '/users/getToken' })).toBeLessThanOrEqual(2);
    });
  });

  it.each([
    ['40 minutes behind', -40 * 60],
    ['40 minutes ahead of', 40 * 60],
  ])(
    'the emulator clock %s the client: 50 sequential calls, one getToken, no failure',
    async (_label, skewSeconds) => {
      emulator.setClockSkew(skewSeconds);
      await withApp(async app => {
        const impUid = await seedCertification(app);
        for (let i = 0; i < 50; i++) {
          expect((await app.certifications.get(impUid)).impUid).toBe(impUid);
        }
        expect(emulator.countRequests({ path: '/users/getToken' })).toBe(1);
        expect(emulator.requests.filter(r => r.status !== 200)).toHaveLength(0);
      });
    },
  );

  it('a 401 twice in a row: one refresh, one replay, then PortOneAuthError', async () => {
    await withApp(async app => {
      const impUid = await seedCertification(app);
      emulator.clearRequests();
      emulator.injectFault({ api: 'v1', path: `/certifications/${impUid}`, status: 401, times: 2 });
      await expect(app.certifications.get(impUid)).rejects.toMatchObject({
        name: 'PortOneAuthError',
        status: 401,
      });
      expect(emulator.countRequests({ path: `/certifications/${impUid}` })).toBe(2);
      expect(emulator.countRequests({ path: '/users/getToken' })).toBe(1);
    });
  });

  it('a failed token request becomes PortOneAuthError (retryable, the call was never sent)', async () => {
    await withApp(async app => {
      emulator.injectFault({ api: 'v1', path: '/users/getToken', status: 503, times: Infinity });
      await expect(app.certifications.get('imp_x')).rejects.toMatchObject({
        name: 'PortOneAuthError',
        status: 503,
        retryable: true,
      });
      expect(emulator.countRequests({ path: '/certifications/imp_x' })).toBe(0);
    });
  });
});
