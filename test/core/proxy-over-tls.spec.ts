import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PortOneEmulator } from '../../lib/testing';
import { createPortOneTestApp, emulatorOptions, otpRequest } from '../support/portone-test-app';

const V1_SECRET = 'v1-secret-THROUGH-THE-PROXY-0001';
const V2_SECRET = 'v2-secret-THROUGH-THE-PROXY-0002';
const CHILD_TIMEOUT_MS = 25_000;

/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY over real sockets (issue 10; issue 11 defect 1): a client process
 * with the proxy variables set reaches "api.iamport.test" and "api.portone.test" (an HTTPS front, with a
 * certificate made for this test, for the emulator) through a CONNECT proxy on loopback. The proxy records
 * every byte it carries: TLS must run end to end, so neither secret nor any path ever shows in them.
 */
describe('proxy variables are honoured, over TLS, never in cleartext', () => {
  let dir: string;
  let emulator: PortOneEmulator;
  let tlsFront: Server;
  let proxy: Server;
  let proxyPort: number;
  let impUid: string;
  const tunnels: Array<{ target: string; clientBytes: Buffer[] }> = [];
  const cleartextRequests: string[] = [];
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portone-proxy-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=api.iamport.test',
        '-addext',
        'subjectAltName=DNS:api.iamport.test,DNS:api.portone.test',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore', timeout: 10_000 },
    );

    emulator = await PortOneEmulator.start({ v1: { apiSecret: V1_SECRET }, v2: { apiSecret: V2_SECRET } });
    const seeding = await createPortOneTestApp(emulatorOptions(emulator));
    ({ impUid } = await seeding.certifications.requestOtp(
      otpRequest(emulator.credentials.channelKeys.danal),
    ));
    await seeding.close();

    // The TLS front: terminates TLS with the test certificate and hands each request to the emulator.
    tlsFront = createHttpsServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (req, res) => {
        const upstream = httpRequest(
          {
            host: '127.0.0.1',
            port: new URL(emulator.origin).port,
            method: req.method,
            path: req.url,
            headers: req.headers,
          },
          answer => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        req.pipe(upstream);
      },
    );
    tlsFront.on('connection', (socket: Socket) => track(socket));
    await new Promise<void>(resolve => tlsFront.listen(0, '127.0.0.1', resolve));
    const tlsPort = (tlsFront.address() as AddressInfo).port;

    // The proxy: CONNECT tunnels to the TLS front whatever host is asked for; cleartext requests are logged.
    proxy = createHttpServer((req, res) => {
      cleartextRequests.push(`${req.method} ${req.url}`);
      res.writeHead(502).end();
    });
    proxy.on('connection', (socket: Socket) => track(socket));
    proxy.on('connect', (req, client: Socket, head: Buffer) => {
      const tunnel = { target: req.url ?? '', clientBytes: [head] };
      tunnels.push(tunnel);
      const server = track(
        connect(tlsPort, '127.0.0.1', () => {
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          server.write(head);
          client.on('data', (chunk: Buffer) => tunnel.clientBytes.push(chunk));
          client.pipe(server).pipe(client);
        }),
      );
      const end = () => {
        client.destroy();
        server.destroy();
      };
      client.on('error', end).on('close', end);
      server.on('error', end).on('close', end);
    });
    await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve));
    proxyPort = (proxy.address() as AddressInfo).port;
  }, 30_000);

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise(resolve => proxy.close(resolve));
    await new Promise(resolve => tlsFront.close(resolve));
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function track(socket: Socket): Socket {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    return socket;
  }

  it('calls to https: hosts go through a CONNECT tunnel; NO_PROXY and loopback hosts go direct; undici loads lazily', async () => {
    const v1 = { apiKey: emulator.credentials.v1.apiKey, apiSecret: V1_SECRET };
    const plan = {
      registrations: [
        {
          options: {
            v1: { ...v1, baseUrl: 'https://api.iamport.test/v1' },
            v2: {
              apiSecret: V2_SECRET,
              storeId: emulator.credentials.v2.storeId,
              baseUrl: 'https://api.portone.test/v2',
            },
            retry: false,
          },
          calls: [`v1.get:${impUid}`, 'v2.list'],
        },
        {
          // In NO_PROXY: reached directly, so the made-up name does not resolve.
          options: {
            v2: { apiSecret: V2_SECRET, baseUrl: 'https://direct.portone.test/v2' },
            retry: false,
          },
          calls: ['v2.list'],
        },
        {
          // Loopback (the emulator): always direct, even with HTTP_PROXY set.
          options: { v1: { ...v1, baseUrl: emulator.v1BaseUrl }, retry: false },
          calls: [`v1.get:${impUid}`],
        },
      ],
    };
    const before = {
      token: emulator.countRequests({ api: 'v1', path: '/users/getToken' }),
      get: emulator.countRequests({ api: 'v1', path: `/certifications/${impUid}` }),
      list: emulator.countRequests({ api: 'v2', path: '/identity-verifications' }),
    };

    const output = await runClient(plan, {
      HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`,
      HTTP_PROXY: `http://127.0.0.1:${proxyPort}`,
      NO_PROXY: 'direct.portone.test',
      NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'),
    });

    expect(output).toEqual({
      undiciLoadedAtBoot: false,
      undiciLoadedAfterCalls: true,
      results: [['ok', 'ok'], ['PortOneNetworkError:ENOTFOUND'], ['ok']],
    });
    expect([...new Set(tunnels.map(t => t.target))].sort()).toEqual([
      'api.iamport.test:443',
      'api.portone.test:443',
    ]);
    expect(cleartextRequests).toEqual([]);
    // Through the tunnel: the token request, the V1 GET and the V2 list. Direct: one more token, one GET.
    expect(emulator.countRequests({ api: 'v1', path: '/users/getToken' }) - before.token).toBe(2);
    expect(emulator.countRequests({ api: 'v1', path: `/certifications/${impUid}` }) - before.get).toBe(2);
    expect(emulator.countRequests({ api: 'v2', path: '/identity-verifications' }) - before.list).toBe(1);

    const carried = Buffer.concat(tunnels.flatMap(t => t.clientBytes));
    expect(carried[0]).toBe(0x16); // a TLS handshake record opens the tunnel
    for (const plain of [
      V1_SECRET,
      V2_SECRET,
      'imp_secret',
      'getToken',
      'identity-verifications',
      'PortOne ',
    ]) {
      expect(carried.includes(Buffer.from(plain))).toBe(false);
    }
  }, 30_000);
});

/** Runs the client fixture in its own process (ts-node, transpile only) and parses its JSON line. */
function runClient(plan: unknown, env: Record<string, string>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join(__dirname, '../support/fixtures/module-client.ts')],
      {
        cwd: join(__dirname, '../..'),
        env: { ...process.env, ...env, CLIENT_PLAN: JSON.stringify(plan), TS_NODE_PROJECT: 'tsconfig.json' },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: CHILD_TIMEOUT_MS,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', code => {
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? ''));
      } catch {
        reject(new Error(`client exited with ${code}: ${stdout}\n${stderr}`));
      }
    });
  });
}
