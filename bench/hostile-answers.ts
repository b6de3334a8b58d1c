/**
 * `npm run bench:limits`: what hostile answers cost a client, each case in a fresh process so peak RSS is
 * the case's own: a 200 MB body, a gzip bomb (1 MB that inflates to 1 GB) and a body dribbled one byte
 * every 400 ms under `timeoutMs: 1000`. Prints the outcome, the call's wall time and the process's peak RSS.
 * BENCH_LIB=<path to a compiled lib/index.js> measures another build (e.g. before a change).
 */
import { spawn } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';

const MiB = 1024 * 1024;
type Case = 'body-200MB' | 'gzip-bomb-1GB' | 'slow-drip';

async function gzipBomb(): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise(resolve => gzip.on('end', resolve));
  const zeros = Buffer.alloc(MiB, 0x20);
  for (let i = 0; i < 1024; i++)
    if (!gzip.write(zeros)) await new Promise(resolve => gzip.once('drain', resolve));
  gzip.end();
  await done;
  return Buffer.concat(chunks);
}

function stream(res: ServerResponse, total: number, chunk: Buffer): void {
  let sent = 0;
  const pump = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

async function main(): Promise<void> {
  if (process.env.HOSTILE_CLIENT) return client();
  const bomb = await gzipBomb();
  let current: Case = 'body-200MB';
  const server = createServer((_req, res) => {
    if (current === 'body-200MB') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(200 * MiB) });
      stream(res, 200 * MiB, Buffer.alloc(64 * 1024, 0x20));
    } else if (current === 'gzip-bomb-1GB') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(bomb);
    } else {
      const body = Buffer.from('{"id":"iv-1","status":"READY"}');
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed || sent === body.length) {
          clearInterval(timer);
          if (!res.destroyed) res.end();
          return;
        }
        res.write(body.subarray(sent, ++sent));
      }, 400);
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const lib = process.env.BENCH_LIB ?? join(__dirname, '../lib/index.js');
  console.log(`client build: ${lib}; gzip bomb: ${(bomb.length / MiB).toFixed(2)} MiB -> 1024 MiB`);
  console.log('| case | outcome | call time, ms | peak RSS of the client process, MiB |');
  console.log('|---|---|---:|---:|');
  for (const name of ['body-200MB', 'gzip-bomb-1GB', 'slow-drip'] as const) {
    current = name;
    const output = await runClient({
      HOSTILE_CLIENT: '1',
      HOSTILE_ORIGIN: origin,
      BENCH_LIB: lib,
      // The size cases get time to show their memory; the drip case is about the 1 s bound.
      HOSTILE_TIMEOUT_MS: name === 'slow-drip' ? '1000' : '60000',
    });
    const result = JSON.parse(output.trim().split('\n').pop() ?? '{}') as {
      outcome?: string;
      callMs?: number;
      peakMiB?: number;
    };
    console.log(
      `| ${name} | ${result.outcome ?? output.slice(0, 200)} | ${result.callMs ?? 'n/a'} | ${result.peakMiB?.toFixed(0) ?? 'n/a'} |`,
    );
  }
  server.close();
}

/** The client in a fresh process (asynchronously, so this process's server keeps answering). */
function runClient(env: Record<string, string>): Promise<string> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, ['--max-old-space-size=4096', __filename], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 180_000,
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('close', () => resolve(stdout));
  });
}

async function client(): Promise<void> {
  const started = Date.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('reflect-metadata');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Test } = require('@nestjs/testing') as typeof import('@nestjs/testing');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require(process.env.BENCH_LIB!) as typeof import('../lib');
  const moduleRef = await Test.createTestingModule({
    imports: [
      lib.PortOneModule.forRoot({
        v2: { apiSecret: 'secret', storeId: 'store-1', baseUrl: process.env.HOSTILE_ORIGIN! },
        timeoutMs: Number(process.env.HOSTILE_TIMEOUT_MS),
        retry: false,
      }),
    ],
  }).compile();
  await moduleRef.init();
  const callStarted = Date.now();
  let outcome = 'resolved';
  try {
    await moduleRef.get(lib.IdentityVerificationService).get('iv-1');
  } catch (error) {
    outcome = `${(error as Error).name}: ${(error as Error).message.slice(0, 90)}`;
  }
  const callMs = Date.now() - callStarted;
  await moduleRef.close();
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ outcome, callMs, peakMiB, totalMs: Date.now() - started }));
}

void main();
