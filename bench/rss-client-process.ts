/**
 * One benchmark client alone in a fresh process (BENCH_CLIENT = a|b|c|d, BENCH_TARGET = the fixed server):
 * builds it, runs its requests at c=64, prints the resident memory after setup and the process's peak.
 */
import { performance } from 'node:perf_hooks';
import { buildClient, type BenchTarget, type Call, type ClientKey } from './clients';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CALLS = Math.max(500, Math.round(5_000 * SCALE));

async function burst(call: Call, total: number): Promise<void> {
  let started = 0;
  const worker = async () => {
    while (started < total) {
      started++;
      await call();
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
}

async function main(): Promise<void> {
  const client = await buildClient(
    process.env.BENCH_CLIENT as ClientKey,
    JSON.parse(process.env.BENCH_TARGET ?? '') as BenchTarget,
  );
  const idleMiB = process.memoryUsage().rss / 1048576;
  const started = performance.now();
  for (const call of [client.v1Get, client.v2Get, client.v2Post]) if (call) await burst(call, CALLS);
  await client.close();
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ idleMiB, peakMiB, seconds: (performance.now() - started) / 1000 }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
