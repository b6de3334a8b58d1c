import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import {
  PortOneAbortedError,
  PortOneResponseTooLargeError,
  PortOneTimeoutError,
  type PortOneModuleOptions,
} from '../../lib';
import { createPortOneTestApp, rejectionOf, type PortOneTestApp } from '../support/portone-test-app';
import { waitUntil, ScriptedServer } from '../support/scripted-server';

const MiB = 1024 * 1024;

/**
 * Hostile answers against the module's transport (issue 11, defects 8 and 9): huge bodies, compression bombs
 * and bodies dribbled byte by byte. Each answer comes from a node:http server on loopback that also reports
 * what it managed to send before the client hung up.
 */
describe('every attempt is bounded in size and in wall-clock time', () => {
  let server: ScriptedServer;
  let app: PortOneTestApp | undefined;
  /** What the server does for the next request. */
  let answer: (res: ServerResponse) => void;
  /** Bytes of body the server wrote for the last request, and whether it got to the end. */
  let sent = { bytes: 0, finished: false };

  beforeAll(async () => {
    server = await ScriptedServer.startRaw((_req, res) => answer(res));
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  afterAll(() => server.close());

  const start = async (overrides: Partial<PortOneModuleOptions> = {}) => {
    app = await createPortOneTestApp({
      v2: { apiSecret: 'secret', storeId: 'store-1', baseUrl: server.baseUrl },
      retry: false,
      timeoutMs: 5_000,
      ...overrides,
    });
    return app;
  };
  const get = (options?: { signal?: AbortSignal }) => app!.identityVerifications.get('iv-1', {}, options);

  /** Writes `total` bytes of `chunk`s, honouring back-pressure, until done or the client closed the socket. */
  const stream = (res: ServerResponse, total: number, chunk: Buffer) => {
    sent = { bytes: 0, finished: false };
    const pump = () => {
      while (sent.bytes < total && !res.destroyed) {
        sent.bytes += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) {
        sent.finished = true;
        res.end();
      }
    };
    pump();
  };

  it('a 200 MB body announced by Content-Length: PortOneResponseTooLargeError before reading, socket closed', async () => {
    await start();
    answer = res => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(200 * MiB) });
      stream(res, 200 * MiB, Buffer.alloc(64 * 1024, 0x20));
    };
    const error = await rejectionOf(get());
    expect(error).toBeInstanceOf(PortOneResponseTooLargeError);
    expect(error).toMatchObject({ measured: 'received', limitBytes: 8 * MiB, status: 200, retryable: false });
    await server.allClosed();
    expect(sent.finished).toBe(false);
  });

  it('a 200 MB chunked body: reading stops past maxResponseBytes, socket closed', async () => {
    await start({ maxResponseBytes: 2 * MiB });
    answer = res => {
      res.writeHead(200, { 'content-type': 'application/json' });
      stream(res, 200 * MiB, Buffer.alloc(64 * 1024, 0x20));
    };
    const error = await rejectionOf(get());
    expect(error).toBeInstanceOf(PortOneResponseTooLargeError);
    expect(error).toMatchObject({ measured: 'received', limitBytes: 2 * MiB });
    await server.allClosed();
    expect(sent.finished).toBe(false);
    // Kernel buffers hold a few MB at most; the server was stopped long before 200 MB.
    expect(sent.bytes).toBeLessThan(64 * MiB);
  });

  it('a gzip bomb (64 KB that inflates to 64 MB): stops past maxResponseBytes decompressed, socket closed', async () => {
    await start({ maxResponseBytes: MiB });
    const bomb = gzipSync(Buffer.alloc(64 * MiB, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(MiB); // small on the wire: only the decompressed count can catch it
    answer = res => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      // The bomb, then the connection held open, as a server that keeps streaming would.
      sent = { bytes: bomb.length, finished: false };
      res.write(bomb);
    };
    const error = await rejectionOf(get());
    expect(error).toBeInstanceOf(PortOneResponseTooLargeError);
    expect(error).toMatchObject({ measured: 'decompressed', limitBytes: MiB });
    await server.allClosed();
  });

  it('a body dribbled one byte every 400 ms: PortOneTimeoutError at timeoutMs, the attempt cut off mid-body', async () => {
    await start({ timeoutMs: 1_000 });
    const body = Buffer.from('{"id":"iv-1","status":"READY"}');
    answer = res => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      sent = { bytes: 0, finished: false };
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        res.write(body.subarray(sent.bytes, sent.bytes + 1));
        sent.bytes += 1;
        if (sent.bytes === body.length) {
          clearInterval(timer);
          sent.finished = true;
          res.end();
        }
      }, 400);
    };
    const error = await rejectionOf(get());
    expect(error).toBeInstanceOf(PortOneTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 1_000 });
    await server.allClosed();
    // 1 s at one byte per 400 ms: a handful of bytes, nowhere near the 30 the body has.
    expect(sent.finished).toBe(false);
    expect(sent.bytes).toBeLessThan(body.length / 2);
  }, 20_000);

  it('an abort while the body is arriving: PortOneAbortedError, socket closed', async () => {
    await start();
    const controller = new AbortController();
    answer = res => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":"iv-1",');
      setTimeout(() => controller.abort(), 50);
    };
    const error = await rejectionOf(get({ signal: controller.signal }));
    expect(error).toBeInstanceOf(PortOneAbortedError);
    await server.allClosed();
  });

  it('module shutdown closes the keep-alive sockets', async () => {
    await start();
    answer = res => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"type":"IDENTITY_VERIFICATION_NOT_FOUND","message":"not found"}');
    };
    await Promise.all([1, 2, 3].map(() => rejectionOf(get())));
    await waitUntil(() => server.open.size > 0, 1_000, 'a kept-alive socket');
    await app!.close();
    app = undefined;
    await server.allClosed();
  });
});
