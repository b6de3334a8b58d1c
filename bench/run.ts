/**
 * `npm run bench`: in one run, against the emulator on loopback (in a child process), compares
 *   (a) plain axios with a keep-alive agent and a token fetched once,
 *   (b) this module's services,
 *   (c) the official @portone/server-sdk (V2 only),
 * for median and p99 latency of sequential calls and throughput at a fixed concurrency. Prints the ratios
 * b/a and b/c, token requests per 1,000 calls, sockets opened, and the peak RSS of this process.
 *
 * Latency: the clients alternate call by call (a, b, c, a, b, c, …), so garbage collection, the emulator's
 * own pauses and drift on the machine hit every client alike. Throughput: interleaved rounds of concurrent
 * bursts, median of the rounds. Every client sends the same request on the wire (same headers that matter,
 * same storeId). BENCH_SCALE=0.2 for a quick run.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import axios from 'axios';
import { CertificationService, IdentityVerificationService, PortOneModule } from '../lib';
import { format, median, percentile } from './stats';

interface EmulatorAddress {
  origin: string;
  v1BaseUrl: string;
  v2BaseUrl: string;
  credentials: {
    v1: { apiKey: string; apiSecret: string };
    v2: { apiSecret: string; storeId: string };
    channelKeys: { danal: string };
  };
}

interface EmulatorStats {
  connectionsOpened: number;
  tokenRequests: { v1: number; v2Login: number; v2Refresh: number };
}

type Call = () => Promise<unknown>;

interface Contender {
  readonly label: string;
  readonly call: Call;
  latencies: number[];
  throughputs: number[];
  tokenRequests: number;
  sockets: number;
  calls: number;
}

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ROUNDS = 5;
const SEQUENTIAL_CALLS = Math.round(3_000 * SCALE);
const CONCURRENT_PER_ROUND = Math.round(2_000 * SCALE);
const CONCURRENCY = 32;
const WARMUP = Math.round(300 * SCALE);
const POOL_SIZE = 50;

async function main(): Promise<void> {
  // `npm run bench` runs the compiled JavaScript; under ts-node (a .ts file) the child needs ts-node too.
  const child = fork(require.resolve('./emulator-process'), [], {
    execArgv: __filename.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only'] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const emulator = await new Promise<EmulatorAddress>(resolve =>
    child.once('message', m => resolve(m as EmulatorAddress)),
  );
  const stats = async (): Promise<EmulatorStats> =>
    (await fetch(`${emulator.origin}/emulator/stats`)).json() as Promise<EmulatorStats>;

  @Module({
    imports: [
      PortOneModule.forRoot({
        v1: { ...emulator.credentials.v1, baseUrl: emulator.v1BaseUrl },
        v2: { ...emulator.credentials.v2, baseUrl: emulator.v2BaseUrl },
        maxSockets: POOL_SIZE,
      }),
    ],
  })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
  const certifications = app.get(CertificationService);
  const identity = app.get(IdentityVerificationService);

  // Seed one V1 certification and one V2 verification to read back.
  const otpOf = async (id: string) =>
    ((await (await fetch(`${emulator.origin}/emulator/otp/${id}`)).json()) as { otp: string }).otp;
  const { impUid } = await certifications.requestOtp({
    name: '벤치',
    phone: '01012345678',
    birth: '900101',
    genderDigit: '1',
    carrier: 'SKT',
    channelKey: emulator.credentials.channelKeys.danal,
  });
  await certifications.confirmOtp(impUid, { otp: await otpOf(impUid) });
  const ivId = `bench${Date.now()}`;
  await identity.send(ivId, {
    channelKey: emulator.credentials.channelKeys.danal,
    customer: { name: '벤치', phoneNumber: '01012345678', identityNumber: '9001011', ipAddress: '127.0.0.1' },
    operator: 'SKT',
    method: 'SMS',
  });
  await identity.confirm(ivId, { otp: await otpOf(ivId) });

  // (a) plain axios: what a careful hand-written client does.
  // One keep-alive pool per API host, as the module has, so the socket counts compare like for like.
  const v1Agent = new Agent({ keepAlive: true, maxSockets: POOL_SIZE });
  const v2Agent = new Agent({ keepAlive: true, maxSockets: POOL_SIZE });
  const v1Plain = axios.create({ baseURL: emulator.v1BaseUrl, httpAgent: v1Agent });
  const token = (
    await v1Plain.post<{ response: { access_token: string } }>('/users/getToken', {
      imp_key: emulator.credentials.v1.apiKey,
      imp_secret: emulator.credentials.v1.apiSecret,
    })
  ).data.response.access_token;
  v1Plain.defaults.headers.common.Authorization = `Bearer ${token}`;
  const v2Plain = axios.create({
    baseURL: emulator.v2BaseUrl,
    httpAgent: v2Agent,
    headers: { Authorization: `PortOne ${emulator.credentials.v2.apiSecret}` },
    params: { storeId: emulator.credentials.v2.storeId },
  });
  // (c) the official SDK. It resolves paths against the origin, which the emulator also serves V2 on.
  // The SDK is ESM-only in its type declarations; a dynamic import loads it from this CommonJS script.
  const { PortOneClient } = await import('@portone/server-sdk');
  const sdk = PortOneClient({
    secret: emulator.credentials.v2.apiSecret,
    baseUrl: emulator.origin,
    storeId: emulator.credentials.v2.storeId,
  });

  const scenarios: Array<{ name: string; contenders: Contender[] }> = [
    {
      name: 'V1 GET /certifications/{imp_uid}',
      contenders: [
        contender('a plain axios', () =>
          v1Plain.get(`/certifications/${impUid}`).then(r => r.data as unknown),
        ),
        contender('b nestjs-portone', () => certifications.get(impUid)),
      ],
    },
    {
      name: 'V2 GET /identity-verifications/{id}',
      contenders: [
        contender('a plain axios', () =>
          v2Plain.get(`/identity-verifications/${ivId}`).then(r => r.data as unknown),
        ),
        contender('b nestjs-portone', () => identity.get(ivId)),
        contender('c @portone/server-sdk', () =>
          sdk.identityVerification.getIdentityVerification({ identityVerificationId: ivId }),
        ),
      ],
    },
  ];

  for (const scenario of scenarios) {
    const { contenders } = scenario;
    for (const c of contenders) for (let i = 0; i < WARMUP; i++) await c.call();
    for (let i = 0; i < SEQUENTIAL_CALLS; i++) {
      for (const c of rotate(contenders, i)) {
        const started = performance.now();
        await c.call();
        c.latencies.push(performance.now() - started);
      }
    }
    // Bursts run one client at a time, so token requests and new sockets can be attributed to it.
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of rotate(contenders, round)) {
        const before = await stats();
        const started = performance.now();
        await runConcurrently(c.call, CONCURRENT_PER_ROUND, CONCURRENCY);
        c.throughputs.push(CONCURRENT_PER_ROUND / ((performance.now() - started) / 1000));
        const after = await stats();
        c.tokenRequests += tokenRequests(after) - tokenRequests(before);
        c.sockets += after.connectionsOpened - before.connectionsOpened;
        c.calls += CONCURRENT_PER_ROUND;
      }
    }
  }

  report(scenarios);
  await app.close();
  v1Agent.destroy();
  v2Agent.destroy();
  child.disconnect();
}

function contender(label: string, call: Call): Contender {
  return { label, call, latencies: [], throughputs: [], tokenRequests: 0, sockets: 0, calls: 0 };
}

function rotate<T>(items: readonly T[], by: number): T[] {
  return items.map((_, i) => items[(i + by) % items.length]);
}

async function runConcurrently(call: Call, total: number, concurrency: number): Promise<void> {
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < total) {
      started++;
      await call();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

function tokenRequests(s: EmulatorStats): number {
  return s.tokenRequests.v1 + s.tokenRequests.v2Login + s.tokenRequests.v2Refresh;
}

function report(scenarios: Array<{ name: string; contenders: Contender[] }>): void {
  const lines: string[] = [];
  lines.push(
    `nestjs-portone benchmark: latency over ${SEQUENTIAL_CALLS} sequential calls per client, alternating call by call; ` +
      `throughput over ${ROUNDS} interleaved rounds of ${CONCURRENT_PER_ROUND} calls at concurrency ${CONCURRENCY}; ` +
      `token requests and sockets counted during the bursts; keep-alive pool ${POOL_SIZE}`,
  );
  lines.push(
    `node ${process.version}, ${process.platform}/${process.arch}, emulator in a child process on loopback`,
  );
  for (const scenario of scenarios) {
    lines.push('', `### ${scenario.name}`, '');
    lines.push('| client | median ms | p99 ms | calls/s | token req / 1k calls | sockets opened |');
    lines.push('|---|---:|---:|---:|---:|---:|');
    const summary = new Map<string, { median: number; p99: number; rps: number }>();
    for (const c of scenario.contenders) {
      const sorted = [...c.latencies].sort((x, y) => x - y);
      const s = { median: percentile(sorted, 50), p99: percentile(sorted, 99), rps: median(c.throughputs) };
      summary.set(c.label[0], s);
      lines.push(
        `| ${c.label} | ${format(s.median)} | ${format(s.p99)} | ${format(s.rps, 0)} | ${format((c.tokenRequests / c.calls) * 1000, 2)} | ${c.sockets} |`,
      );
    }
    const a = summary.get('a')!;
    const b = summary.get('b')!;
    const c = summary.get('c');
    lines.push('');
    lines.push(
      `b/a median latency ${format(b.median / a.median, 2)} (target <= 1.10), p99 ${format(b.p99 / a.p99, 2)}, throughput ${format(b.rps / a.rps, 2)} (target >= 0.90)`,
    );
    if (c)
      lines.push(
        `b/c median latency ${format(b.median / c.median, 2)} (target <= 1.00), p99 ${format(b.p99 / c.p99, 2)}, throughput ${format(b.rps / c.rps, 2)}`,
      );
  }
  lines.push(
    '',
    `peak RSS of the benchmark process: ${format(process.resourceUsage().maxRSS / 1024, 1)} MiB`,
  );
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
