/**
 * `npm run bench:mapping`: the worst case of mapping one answer, i.e. how long one V1 payment whose
 * `cancel_history` fills the response bound (`maxResponseBytes`, default 8 MiB) blocks the event loop
 * while it is parsed and mapped, against the same answer at 1 and 4 MiB and a typical 1 KiB one, in the
 * same run. Mapping is synchronous, so this time is the event-loop stall the answer causes; the response
 * bound is what caps it (before the bound, a 43 MB answer stalled the loop for 9.3 s).
 */
import { performance } from 'node:perf_hooks';
import 'reflect-metadata';
import { cvsOperations } from '../lib/cvs-payment/cvs.operations';
import { DEFAULTS } from '../lib/options/resolve-options';

const KiB = 1024;
const MiB = 1024 * KiB;

/** A V1 envelope around a payment with as many cancellations as fit in `bytes`. */
function envelope(bytes: number): string {
  const entry = (i: number): string =>
    JSON.stringify({
      pg_tid: `pg_tid_${i.toString().padStart(12, '0')}`,
      amount: 100,
      cancelled_at: 1_767_225_600 + i,
      reason: '부분 취소 (고객 요청)',
      cancellation_id: `cancel_${i}`,
      receipt_url: `https://receipt.example.com/${i}`,
    });
  const head =
    '{"code":0,"message":null,"response":{"imp_uid":"imp_1","status":"cancelled","cancel_history":[';
  const parts: string[] = [];
  let size = head.length + 4;
  for (let i = 0; size < bytes; i++) {
    const part = entry(i);
    parts.push(part);
    size += part.length + 1;
  }
  return `${head}${parts.join(',')}]}}`;
}

/** Median time to parse and map `json`, over `runs` runs (after one warm-up). */
function measure(json: string, runs: number): number {
  const map = cvsOperations.revoke.map!;
  const once = (): number => {
    const started = performance.now();
    map((JSON.parse(json) as { response: unknown }).response);
    return performance.now() - started;
  };
  once();
  const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function main(): void {
  const bound = DEFAULTS.maxResponseBytes;
  const sizes = [KiB, MiB, 4 * MiB, bound];
  const rows = sizes.map(bytes => {
    const json = envelope(bytes);
    const ms = measure(json, bytes <= MiB ? 9 : 3);
    return { bytes: json.length, ms };
  });
  const perMiB = rows[rows.length - 1].ms / (rows[rows.length - 1].bytes / MiB);
  console.log('Parse + map one V1 payment (CvsService.revoke) whose cancel_history fills the answer');
  for (const row of rows) {
    const size =
      row.bytes >= MiB ? `${(row.bytes / MiB).toFixed(1)} MiB` : `${(row.bytes / KiB).toFixed(1)} KiB`;
    console.log(`  ${size.padStart(9)}: ${row.ms.toFixed(1).padStart(8)} ms blocked`);
  }
  console.log(
    `Worst case at the response bound (maxResponseBytes ${(bound / MiB).toFixed(0)} MiB): ` +
      `${rows[rows.length - 1].ms.toFixed(0)} ms of event loop per answer (${perMiB.toFixed(0)} ms/MiB, ` +
      `${(rows[rows.length - 1].ms / rows[0].ms).toFixed(0)}x a 1 KiB answer in this run).`,
  );
}

main();
