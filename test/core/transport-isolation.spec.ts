import axios, { type InternalAxiosRequestConfig } from 'axios';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { PortOneConfigurationError, PortOneModule, PortOneNetworkError } from '../../lib';
import { resolveModuleOptions } from '../../lib/options/resolve-options';
import { PortOneEmulator } from '../../lib/testing';
import {
  createPortOneTestApp,
  emulatorOptions,
  rejectionOf,
  type PortOneTestApp,
} from '../support/portone-test-app';
import { ScriptedServer } from '../support/scripted-server';

describe('the transport keeps to itself', () => {
  describe('redirects', () => {
    let target: ScriptedServer;
    let redirecting: ScriptedServer;
    let app: PortOneTestApp;

    beforeAll(async () => {
      target = await ScriptedServer.startRaw((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"iv-1"}');
      });
      // `/…/iv-<status>` answers that status; V1 lookups and the `-json` ids answer a body shaped like
      // PortOne's error JSON, which a 3xx still is not: PortOne never answers a call with one.
      redirecting = await ScriptedServer.startRaw((req, res) => {
        const id = new URL(req.url!, 'http://x').pathname.split('/').pop()!;
        if (req.url!.startsWith('/users/getToken')) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 0, response: { access_token: 'tok', expired_at: 9e9, now: 1 } }));
          return;
        }
        const v1 = req.url!.startsWith('/certifications/');
        res.writeHead(v1 ? 301 : Number(id.slice(3, 6)), {
          location: `${target.baseUrl}${req.url}`,
          'content-type': 'application/json',
        });
        res.end(
          v1
            ? '{"code":-1,"message":"moved","response":null}'
            : id.endsWith('-json')
              ? '{"type":"MOVED","message":"moved"}'
              : '',
        );
      });
      app = await createPortOneTestApp({
        v1: { apiKey: 'key', apiSecret: 'v1-secret', baseUrl: redirecting.baseUrl },
        v2: { apiSecret: 'secret', storeId: 'store-1', baseUrl: redirecting.baseUrl },
        retry: false,
      });
    });
    afterAll(async () => {
      await app.close();
      await redirecting.close();
      await target.close();
    });

    it.each(['iv-302', 'iv-307'])(
      '%s: never followed, the 3xx is reported as an invalid answer',
      async id => {
        const error = await rejectionOf(app.identityVerifications.get(id));
        expect(error).toBeInstanceOf(PortOneNetworkError);
        expect(error).toMatchObject({ failure: 'invalid-response', status: Number(id.slice(3)) });
        expect(target.accepted).toBe(0);
      },
    );

    it.each([
      [
        'a V2 302 with {"type":"MOVED"}',
        (a: PortOneTestApp) => a.identityVerifications.get('iv-302-json'),
        302,
      ],
      ['a V1 301 with {"code":-1}', (a: PortOneTestApp) => a.certifications.get('imp_1'), 301],
    ])('%s: still the network error, never PortOneApiError', async (_name, call, status) => {
      const error = await rejectionOf(call(app));
      expect(error).toBeInstanceOf(PortOneNetworkError);
      expect(error).toMatchObject({ failure: 'invalid-response', status, retryable: false });
      expect(target.accepted).toBe(0);
    });
  });

  describe("the app's global axios", () => {
    let emulator: PortOneEmulator;
    const originalAdapter = axios.defaults.adapter;

    beforeAll(async () => {
      emulator = await PortOneEmulator.start();
    });
    afterAll(async () => {
      axios.defaults.adapter = originalAdapter;
      await emulator.close();
    });

    it('is neither used nor changed by the module, and other axios instances keep their adapter', async () => {
      const seenByGlobal: string[] = [];
      const interceptor = axios.interceptors.request.use((config: InternalAxiosRequestConfig) => {
        seenByGlobal.push(config.url ?? '');
        return config;
      });
      const appInstance = axios.create();
      const defaultsBefore = JSON.stringify(axios.defaults);
      try {
        const app = await createPortOneTestApp(emulatorOptions(emulator));
        try {
          await app.identityVerifications.list({});
          await rejectionOf(app.certifications.get('imp_does_not_exist'));
        } finally {
          await app.close();
        }
        expect(seenByGlobal).toEqual([]);
        expect(JSON.stringify(axios.defaults)).toBe(defaultsBefore);
        expect(axios.defaults.adapter).toBe(originalAdapter);
        expect(appInstance.defaults.adapter).toEqual(originalAdapter);
        // The app's own calls still go out through axios's adapter.
        const { data } = await axios.get<{ status: string }>(`${emulator.origin}/emulator/stats`);
        expect(data).toBeDefined();
        expect(seenByGlobal).toEqual([`${emulator.origin}/emulator/stats`]);
      } finally {
        axios.interceptors.request.eject(interceptor);
      }
    });
  });

  describe("the app's global axios defaults", () => {
    let echo: ScriptedServer;
    const seen: Array<{ url: string; headers: Record<string, unknown> }> = [];

    beforeAll(async () => {
      echo = await ScriptedServer.startRaw((req, res) => {
        seen.push({ url: req.url ?? '', headers: req.headers });
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"type":"IDENTITY_VERIFICATION_NOT_FOUND","message":"not found"}');
      });
    });
    afterAll(() => echo.close());

    it('never reach PortOne: headers and params set globally by the app stay out of the module requests', async () => {
      const common = axios.defaults.headers.common;
      common['X-App-Only'] = 'for-another-api';
      (axios.defaults as { params?: unknown }).params = { appParam: 'for-another-api' };
      try {
        const app = await createPortOneTestApp({
          v2: { apiSecret: 'secret', storeId: 'store-1', baseUrl: echo.baseUrl },
          retry: false,
        });
        try {
          await rejectionOf(app.identityVerifications.get('iv-1'));
        } finally {
          await app.close();
        }
      } finally {
        delete common['X-App-Only'];
        delete (axios.defaults as { params?: unknown }).params;
      }
      expect(seen).toHaveLength(1);
      expect(seen[0].url).toBe('/identity-verifications/iv-1?storeId=store-1');
      expect(seen[0].headers['x-app-only']).toBeUndefined();
      expect(seen[0].headers.authorization).toBe('PortOne secret');
    });
  });

  describe('cleartext base URLs (issue 11, defect 2)', () => {
    const withBaseUrls = (v1: string, v2: string) => ({
      v1: { apiKey: 'key', apiSecret: 'secret', baseUrl: v1 },
      v2: { apiSecret: 'secret', baseUrl: v2 },
    });

    it('http: to a public host stops the app at boot with PortOneConfigurationError, for V1 and V2', async () => {
      const error = await rejectionOf(
        Test.createTestingModule({
          imports: [PortOneModule.forRoot(withBaseUrls('http://api.iamport.kr', 'http://10.0.0.8:8080'))],
        }).compile(),
      );
      expect(error).toBeInstanceOf(PortOneConfigurationError);
      const problems = (error as PortOneConfigurationError).problems.join('\n');
      expect(problems).toMatch(/v1\.baseUrl must use https:/);
      expect(problems).toMatch(/v2\.baseUrl must use https:/);
    });

    it.each(['http://127.0.0.1:4010', 'http://localhost:4010/', 'http://[::1]:4010', 'http://127.8.9.10'])(
      'http: to the loopback host %s is allowed (the emulator)',
      url => {
        expect(() => resolveModuleOptions(withBaseUrls(url, url))).not.toThrow();
      },
    );

    it.each(['http://localhost.example.com', 'http://api.localhost', 'http://128.0.0.1', 'http://[::2]'])(
      'http: to %s, which only looks local, is refused',
      url => {
        expect(() => resolveModuleOptions(withBaseUrls('https://api.iamport.kr', url))).toThrow(
          /v2\.baseUrl must use https:/,
        );
      },
    );

    it('https: anywhere is allowed', () => {
      expect(() =>
        resolveModuleOptions(withBaseUrls('https://api.iamport.kr', 'https://api.portone.io')),
      ).not.toThrow();
    });
  });

  describe('axios peer range (issue 11, defect 1)', () => {
    it('starts at 1.16.1 or later, where axios no longer sends https requests to a proxy in cleartext', () => {
      const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
        peerDependencies: Record<string, string>;
      };
      const floor = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(pkg.peerDependencies.axios);
      expect(floor).not.toBeNull();
      const [major, minor, patch] = floor!.slice(1).map(Number);
      expect(major).toBe(1);
      expect(minor * 1_000 + patch).toBeGreaterThanOrEqual(16_001);
    });
  });
});
