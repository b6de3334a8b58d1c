/**
 * `npm run bench`: one invocation compares, call for call on loopback,
 *   (a) plain axios, (b) this module, (c) the official @portone/server-sdk (V2 only), (d) bare undici.request
 * on V1 GET /certifications/{id}, V2 GET /identity-verifications/{id} and V2 POST .../send, at concurrency 1
 * and 64, against two servers, each in its own process: the emulator, and a node:http server that answers
 * with fixed bodies (so the emulator's own cost cannot cap the result).
 *
 * Three runs; in each, every (server, request, concurrency) cell runs interleaved rounds (a, b, c, d, then
 * rotated), each round preceded by a short warm burst so no client connects inside a timed burst. Reported:
 * throughput and median latency as the median of the three runs with their range, the ratios b/a, b/c, b/d
 * per cell (computed per run, then median and range), client and server CPU per call, sockets opened and
 * token requests during timed bursts, then peak RSS per client (each client alone in a fresh process) and
 * the cost of requiring the main entry. BENCH_SCALE=0.2 for a quick run.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  buildClient,
  CLIENT_LABELS,
  POOL_SIZE,
  type BenchClient,
  type BenchTarget,
  type Call,
  type ClientKey,
} from './clients';
import { captureFixedBodies, seedEmulator, type EmulatorAddress } from './seed';
import { startServerProcess, type ServerProcess } from './server-process';
import { format, median, medianRange, percentile } from './stats';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const RUNS = 3;
const ROUNDS = 3;
const SEQUENTIAL_CALLS = Math.max(20, Math.round(400 * SCALE));
const CONCURRENT_CALLS = Math.max(200, Math.round(2_000 * SCALE));
const CONCURRENCIES = [1, 64] as const;
const WARMUP_CALLS = Math.max(50, Math.round(300 * SCALE));
const CLIENT_KEYS: readonly ClientKey[] = ['a', 'b', 'c', 'd'];

type Scenario = 'V1 GET' | 'V2 GET' | 'V2 POST';
const SCENARIOS: readonly Scenario[] = ['V1 GET', 'V2 GET', 'V2 POST'];
type ServerName = 'emulator' | 'fixed';

interface Server {
  readonly name: ServerName;
  readonly process: ServerProcess<unknown>;
  readonly clients: Map<ClientKey, BenchClient>;
}

/** One client's figures in one cell of one run. */
interface Measure {
  rps: number[];
  latencies: number[];
  clientCpuMicros: number;
  serverCpuMicros: number;
  calls: number;
  socketsOpened: number;
  tokenRequests: number;
}

/** results[run][server|scenario|c][client] */
type CellKey = `${ServerName}|${Scenario}|${number}`;
const results: Array<Map<CellKey, Map<ClientKey, Measure>>> = [];

function callOf(client: BenchClient, scenario: Scenario): Call | undefined {
  if (scenario === 'V1 GET') return client.v1Get;
  return scenario === 'V2 GET' ? client.v2Get : client.v2Post;
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const emulator = await startServerProcess<EmulatorAddress>('./emulator-process');
  const emulatorTarget = await seedEmulator(emulator.address);
  const fixedBodies = await captureFixedBodies(emulatorTarget);
  const fixed = await startServerProcess<{ origin: string }>('./fixed-server-process', {
    FIXED_BODIES: JSON.stringify(fixedBodies),
  });
  const fixedTarget: BenchTarget = {
    ...emulatorTarget,
    origin: fixed.address.origin,
    v1BaseUrl: `${fixed.address.origin}/v1`,
    v2BaseUrl: `${fixed.address.origin}/v2`,
  };

  const servers: Server[] = [];
  for (const [name, target, process] of [
    ['emulator', emulatorTarget, emulator],
    ['fixed', fixedTarget, fixed],
  ] as const) {
    const clients = new Map<ClientKey, BenchClient>();
    for (const key of CLIENT_KEYS) clients.set(key, await buildClient(key, target));
    servers.push({ name, process, clients });
  }

  for (let run = 0; run < RUNS; run++) {
    const cells = new Map<CellKey, Map<ClientKey, Measure>>();
    results.push(cells);
    for (const server of servers) {
      for (const scenario of SCENARIOS) {
        for (const concurrency of CONCURRENCIES) {
          cells.set(
            `${server.name}|${scenario}|${concurrency}`,
            await measureCell(server, scenario, concurrency, run),
          );
        }
      }
    }
    console.error(`run ${run + 1}/${RUNS} done after ${format((performance.now() - startedAt) / 1000, 0)} s`);
  }

  for (const server of servers) for (const client of server.clients.values()) await client.close();
  const rss = CLIENT_KEYS.map(key => ({ key, ...peakRssInOwnProcess(key, fixedTarget) }));
  const requireCost = measureRequireCost();
  emulator.stop();
  fixed.stop();

  report(rss, requireCost, (performance.now() - startedAt) / 1000);
}

async function measureCell(
  server: Server,
  scenario: Scenario,
  concurrency: number,
  run: number,
): Promise<Map<ClientKey, Measure>> {
  const contenders = [...server.clients].filter(([, client]) => callOf(client, scenario));
  const measures = new Map<ClientKey, Measure>(
    contenders.map(([key]) => [
      key,
      {
        rps: [],
        latencies: [],
        clientCpuMicros: 0,
        serverCpuMicros: 0,
        calls: 0,
        socketsOpened: 0,
        tokenRequests: 0,
      },
    ]),
  );
  const calls = concurrency === 1 ? SEQUENTIAL_CALLS : CONCURRENT_CALLS;
  for (const [, client] of contenders) await runConcurrently(callOf(client, scenario)!, WARMUP_CALLS, 64);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [key, client] of rotate(contenders, round + run)) {
      const call = callOf(client, scenario)!;
      // Warm burst: every socket of the pool open and recently used before the clock starts.
      await runConcurrently(call, 64, 64);
      const serverBefore = await server.process.counters();
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const latencies = await runConcurrently(call, calls, concurrency);
      const elapsedMs = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      const serverAfter = await server.process.counters();
      const m = measures.get(key)!;
      m.rps.push(calls / (elapsedMs / 1000));
      m.latencies.push(...latencies);
      m.clientCpuMicros += cpu.user + cpu.system;
      m.serverCpuMicros += serverAfter.cpuMicros - serverBefore.cpuMicros;
      m.calls += calls;
      m.socketsOpened += serverAfter.connectionsOpened - serverBefore.connectionsOpened;
      m.tokenRequests += serverAfter.tokenRequests - serverBefore.tokenRequests;
    }
  }
  return measures;
}

function rotate<T>(items: readonly T[], by: number): T[] {
  return items.map((_, i) => items[(i + by) % items.length]);
}

/** Runs `total` calls with at most `concurrency` in flight; returns each call's latency in ms. */
async function runConcurrently(call: Call, total: number, concurrency: number): Promise<number[]> {
  const latencies: number[] = [];
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < total) {
      started++;
      const t = performance.now();
      await call();
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return latencies;
}

/** Runs one client alone in a fresh Node process against the fixed server; returns its RSS figures. */
function peakRssInOwnProcess(key: ClientKey, target: BenchTarget): { idleMiB: number; peakMiB: number } {
  const child = spawnSync(
    process.execPath,
    [
      ...(__filename.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only'] : []),
      join(__dirname, `rss-client-process${__filename.endsWith('.ts') ? '.ts' : '.js'}`),
    ],
    {
      env: {
        ...process.env,
        BENCH_CLIENT: key,
        BENCH_TARGET: JSON.stringify(target),
        BENCH_SCALE: String(SCALE),
      },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  try {
    return JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as { idleMiB: number; peakMiB: number };
  } catch {
    console.error(`RSS process for ${key} failed: ${child.stderr}`);
    return { idleMiB: Number.NaN, peakMiB: Number.NaN };
  }
}

interface RequireCost {
  entryMs: number;
  entryMiB: number;
  undiciMs: number;
  undiciMiB: number;
}

/** Median over 5 fresh processes: requiring the main entry, then (as the first call does) undici. */
function measureRequireCost(): RequireCost {
  const entry = join(__dirname, '../lib/index.js');
  const script = `
    const ms = () => Number(process.hrtime.bigint()) / 1e6;
    const rss = () => process.memoryUsage().rss / 1048576;
    require('reflect-metadata');
    let t = ms(), r = rss();
    require(${JSON.stringify(entry)});
    const entryMs = ms() - t, entryMiB = rss() - r;
    const undiciLoaded = Object.keys(require.cache).some(p => p.includes('/node_modules/undici/'));
    t = ms(); r = rss();
    require('undici');
    console.log(JSON.stringify({ entryMs, entryMiB, undiciMs: ms() - t, undiciMiB: rss() - r, undiciLoaded }));`;
  const samples = Array.from({ length: 5 }, () => {
    const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 }).stdout;
    return JSON.parse(out.trim()) as RequireCost & { undiciLoaded: boolean };
  });
  if (samples.some(s => s.undiciLoaded)) console.error('WARNING: the main entry loaded undici eagerly');
  return {
    entryMs: median(samples.map(s => s.entryMs)),
    entryMiB: median(samples.map(s => s.entryMiB)),
    undiciMs: median(samples.map(s => s.undiciMs)),
    undiciMiB: median(samples.map(s => s.undiciMiB)),
  };
}

function report(
  rss: Array<{ key: ClientKey; idleMiB: number; peakMiB: number }>,
  requireCost: RequireCost,
  seconds: number,
): void {
  const lines: string[] = [];
  const perRun = (cell: CellKey, key: ClientKey, pick: (m: Measure) => number) =>
    results.map(run => {
      const m = run.get(cell)?.get(key);
      return m ? pick(m) : Number.NaN;
    });
  const rps = (m: Measure) => median(m.rps);
  const p50 = (m: Measure) =>
    percentile(
      [...m.latencies].sort((x, y) => x - y),
      50,
    );
  const ratio = (cell: CellKey, other: ClientKey, pick: (m: Measure) => number) =>
    results.map(run => {
      const b = run.get(cell)?.get('b');
      const o = run.get(cell)?.get(other);
      return b && o ? pick(b) / pick(o) : Number.NaN;
    });

  lines.push(
    `nestjs-portone benchmark: ${RUNS} runs x ${ROUNDS} interleaved rounds per cell; ${SEQUENTIAL_CALLS} calls per round at c=1, ` +
      `${CONCURRENT_CALLS} at c=64; keep-alive pools of ${POOL_SIZE}; node ${process.version}, ${process.platform}/${process.arch}; ` +
      `servers in child processes on loopback; total ${format(seconds, 0)} s`,
    'Cells: median of the 3 runs [min-max]. Ratios computed per run. (c) is V2 only.',
  );
  for (const [title, pick, digits, better] of [
    ['Throughput, calls/s', rps, 0, 'higher'],
    ['Median latency, ms', p50, 3, 'lower'],
  ] as const) {
    lines.push('', `### ${title} (${better} is better)`, '');
    lines.push(
      `| server | request | c | ${CLIENT_KEYS.map(k => CLIENT_LABELS[k]).join(' | ')} | b/a | b/c | b/d |`,
    );
    lines.push(`|---|---|---:|${CLIENT_KEYS.map(() => '---:').join('|')}|---:|---:|---:|`);
    for (const cell of results[0].keys()) {
      const [server, scenario, c] = cell.split('|');
      const cols = CLIENT_KEYS.map(k => medianRange(perRun(cell, k, pick), digits));
      const ratios = (['a', 'c', 'd'] as const).map(o => medianRange(ratio(cell, o, pick), 2));
      lines.push(`| ${server} | ${scenario} | ${c} | ${cols.join(' | ')} | ${ratios.join(' | ')} |`);
    }
  }

  lines.push('', '### CPU per call, µs: client / server (median of runs)', '');
  lines.push(`| server | request | c | ${CLIENT_KEYS.map(k => CLIENT_LABELS[k]).join(' | ')} |`);
  lines.push(`|---|---|---:|${CLIENT_KEYS.map(() => '---:').join('|')}|`);
  for (const cell of results[0].keys()) {
    const [server, scenario, c] = cell.split('|');
    const cols = CLIENT_KEYS.map(k => {
      const client = median(perRun(cell, k, m => m.clientCpuMicros / m.calls));
      const srv = median(perRun(cell, k, m => m.serverCpuMicros / m.calls));
      return Number.isFinite(client) ? `${format(client, 0)} / ${format(srv, 0)}` : 'n/a';
    });
    lines.push(`| ${server} | ${scenario} | ${c} | ${cols.join(' | ')} |`);
  }

  lines.push('', '### Sockets opened and token requests during timed bursts (all runs)', '');
  lines.push(`| server | ${CLIENT_KEYS.map(k => CLIENT_LABELS[k]).join(' | ')} |`);
  lines.push(`|---|${CLIENT_KEYS.map(() => '---:').join('|')}|`);
  for (const server of ['emulator', 'fixed'] as const) {
    const cols = CLIENT_KEYS.map(k => {
      let sockets = 0;
      let tokens = 0;
      let calls = 0;
      for (const run of results)
        for (const [cell, byClient] of run)
          if (cell.startsWith(server)) {
            const m = byClient.get(k);
            if (m) {
              sockets += m.socketsOpened;
              tokens += m.tokenRequests;
              calls += m.calls;
            }
          }
      return `${sockets} sockets, ${tokens} tokens / ${calls} calls`;
    });
    lines.push(`| ${server} | ${cols.join(' | ')} |`);
  }

  lines.push(
    '',
    '### Peak RSS per client, each alone in a fresh process (V1 GET, V2 GET, V2 POST at c=64, fixed server)',
    '',
  );
  lines.push('| client | RSS after setup, MiB | peak RSS, MiB |');
  lines.push('|---|---:|---:|');
  for (const r of rss)
    lines.push(`| ${CLIENT_LABELS[r.key]} | ${format(r.idleMiB, 1)} | ${format(r.peakMiB, 1)} |`);

  lines.push(
    '',
    `require('nestjs-portone') main entry: ${format(requireCost.entryMs, 1)} ms, +${format(requireCost.entryMiB, 1)} MiB RSS; ` +
      `undici on the first call: ${format(requireCost.undiciMs, 1)} ms, +${format(requireCost.undiciMiB, 1)} MiB (median of 5 processes)`,
  );

  lines.push('', '### Targets (issue 10), medians of this invocation', '');
  const check = (
    label: string,
    cell: CellKey,
    other: ClientKey,
    pick: (m: Measure) => number,
    op: '>=' | '<=',
    bound: number,
  ) => {
    const value = median(ratio(cell, other, pick));
    const ok = op === '>=' ? value >= bound : value <= bound;
    lines.push(`- ${label}: ${format(value, 2)} (target ${op} ${bound}) ${ok ? 'MET' : 'MISSED'}`);
  };
  for (const server of ['fixed', 'emulator'] as const) {
    for (const scenario of ['V2 GET', 'V2 POST'] as const) {
      check(`${server} ${scenario} b/c throughput c=64`, `${server}|${scenario}|64`, 'c', rps, '>=', 1.3);
      check(`${server} ${scenario} b/c throughput c=1`, `${server}|${scenario}|1`, 'c', rps, '>=', 1.1);
      check(`${server} ${scenario} b/c median latency c=1`, `${server}|${scenario}|1`, 'c', p50, '<=', 1.0);
    }
    for (const scenario of SCENARIOS) {
      check(`${server} ${scenario} b/a throughput c=64`, `${server}|${scenario}|64`, 'a', rps, '>=', 1.3);
      check(`${server} ${scenario} b/d throughput c=64`, `${server}|${scenario}|64`, 'd', rps, '>=', 0.4);
    }
  }
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
