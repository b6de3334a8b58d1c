import * as http from 'node:http';
import { PortOneEmulator } from '../../lib/testing';

/** One request with exactly these headers (fetch would not let a test write `Host`). */
function request(
  emulator: PortOneEmulator,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: emulator.port, method, path, headers, timeout: 5_000 },
      res => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The control API (`/emulator/*` and the inspector page) is unauthenticated: it listens on 127.0.0.1 only.
 * Before, a page on another origin could still install faults or reset it with a `text/plain` POST (a
 * "simple" cross-origin request, sent without a preflight), and DNS rebinding (a foreign name resolving to
 * 127.0.0.1) read the OTP inbox. Now: a foreign Host, a foreign Origin, or a write that is not JSON is refused.
 */
describe('the emulator control API refuses what a browser page on another site could send', () => {
  let emulator: PortOneEmulator;
  let local: string;

  beforeAll(async () => {
    emulator = await PortOneEmulator.start();
    local = `127.0.0.1:${emulator.port}`;
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.clearFaults());

  const fault = JSON.stringify({ api: 'v2', path: '/x', status: 599, times: null });
  /** Whether the fault above is installed: the V2 API then answers 599 on /x. */
  const faultInstalled = async (): Promise<boolean> =>
    (await request(emulator, 'GET', '/v2/x', { host: local })).status === 599;

  it('a text/plain POST from another origin installs no fault', async () => {
    const answer = await request(
      emulator,
      'POST',
      '/emulator/faults',
      { host: local, origin: 'http://evil.example', 'content-type': 'text/plain' },
      fault,
    );
    expect(answer.status).toBe(403);
    expect(await faultInstalled()).toBe(false);
  });

  it('a text/plain POST without an Origin is refused as not JSON (415)', async () => {
    const answer = await request(
      emulator,
      'POST',
      '/emulator/faults',
      { host: local, 'content-type': 'text/plain' },
      fault,
    );
    expect(answer.status).toBe(415);
    expect(await faultInstalled()).toBe(false);
  });

  it.each(['http://evil.example', 'null', 'http://localhost:1'])(
    'a body-less reset from Origin %s is refused',
    async origin => {
      const answer = await request(emulator, 'POST', '/emulator/reset', { host: local, origin });
      expect(answer.status).toBe(403);
    },
  );

  it.each(['rebind.evil.example', `rebind.evil.example:80`, '10.0.0.1'])(
    'DNS rebinding: Host %s reads neither the OTP inbox nor the inspector page',
    async host => {
      for (const path of ['/emulator/otps', '/emulator/otp/iv-1', '/', '/emulator']) {
        expect((await request(emulator, 'GET', path, { host })).status).toBe(403);
      }
    },
  );

  it('loopback names, the same origin and JSON writes still work (curl, tests, the inspector page)', async () => {
    for (const host of [local, `localhost:${emulator.port}`, `[::1]:${emulator.port}`]) {
      expect((await request(emulator, 'GET', '/emulator/otps', { host })).status).toBe(200);
    }
    const json = await request(
      emulator,
      'POST',
      '/emulator/faults',
      { host: local, origin: `http://${local}`, 'content-type': 'application/json' },
      fault,
    );
    expect(json.status).toBe(200);
    expect(await faultInstalled()).toBe(true);
    expect((await request(emulator, 'POST', '/emulator/reset', { host: local })).status).toBe(200);
    expect(await faultInstalled()).toBe(false);
  });

  it('the PortOne API routes are not affected (the module may run behind any Host)', async () => {
    const answer = await request(
      emulator,
      'POST',
      '/v1/users/getToken',
      { host: 'api.iamport.kr', 'content-type': 'application/json' },
      JSON.stringify({ imp_key: 'x', imp_secret: 'y' }),
    );
    expect(answer.status).not.toBe(403);
  });
});
