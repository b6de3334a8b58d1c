/**
 * `npm run bench:webhooks`: deliveries per second of ONE app instance on the module's webhook route, in
 * inline mode (in-memory claim store, the default; and the Redis claim store) and in queue mode
 * (BullMqWebhookQueue on a local redis-server), against the emulator, in the same run.
 *
 * Each app instance runs in its own process with a handler that only counts. The load (concurrency 32) comes
 * from this process, which also hosts the emulator (V1 notices are re-read from it). For each mode: V2
 * signed deliveries and V1 paid notices; "answered/s" is deliveries answered 200 per second, "handled/s"
 * counts until the instance's handler saw every one (the same as answered in inline mode, where the answer
 * waits for the handler; in queue mode the worker runs after the answer). Three runs, modes rotated; the
 * median and range are reported, with each mode's ratio to inline (in-memory) computed per run.
 * BENCH_SCALE=0.2 for a quick run.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { CvsService, PortOneModule } from '../lib';
import { EMULATOR_WEBHOOK_SECRET, PortOneEmulator } from '../lib/testing';
import { startBenchRedis } from './redis-process';
import { medianRange } from './stats';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const RUNS = 3;
const V2_DELIVERIES = Math.max(100, Math.round(1_000 * SCALE));
const V1_NOTICES = Math.max(40, Math.round(200 * SCALE));
const CONCURRENCY = 32;
const MODES = ['inline-memory', 'inline-redis', 'queue'] as const;
type Mode = (typeof MODES)[number];
const KINDS = ['V2 delivery', 'V1 notice'] as const;
type Kind = (typeof KINDS)[number];

interface AppProcess {
  readonly url: string;
  count(): Promise<number>;
  stop(): void;
}

interface Delivery {
  readonly body: string;
  readonly headers: Record<string, string>;
}

interface Rates {
  readonly answered: number;
  readonly handled: number;
}

async function startApp(mode: Mode, redisPort: number, moduleOptions: unknown): Promise<AppProcess> {
  const child: ChildProcess = fork(require.resolve('./webhook-app-process'), [], {
    execArgv: __filename.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only'] : [],
    env: {
      ...process.env,
      BENCH_MODE: mode,
      BENCH_REDIS_PORT: String(redisPort),
      BENCH_MODULE_OPTIONS: JSON.stringify(moduleOptions),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { url } = await new Promise<{ url: string }>((resolve, reject) => {
    child.once('message', message => resolve(message as { url: string }));
    child.once('exit', code => reject(new Error(`${mode} app exited with ${code} before listening`)));
  });
  return {
    url,
    count: () =>
      new Promise(resolve => {
        const onMessage = (message: { type?: string; count?: number }) => {
          if (message.type !== 'count') return;
          child.off('message', onMessage);
          resolve(message.count ?? 0);
        };
        child.on('message', onMessage);
        child.send({ type: 'count' });
      }),
    stop: () => child.disconnect(),
  };
}

async function sendAll(url: string, deliveries: readonly Delivery[]): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < deliveries.length) {
      const delivery = deliveries[next++];
      const response = await fetch(url, { method: 'POST', headers: delivery.headers, body: delivery.body });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`delivery answered ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** Sends every delivery, then waits until the instance's handler saw them all. */
async function measure(app: AppProcess, deliveries: readonly Delivery[]): Promise<Rates> {
  const before = await app.count();
  const started = performance.now();
  await sendAll(app.url, deliveries);
  const answeredMs = performance.now() - started;
  const deadline = Date.now() + 120_000;
  while ((await app.count()) < before + deliveries.length) {
    if (Date.now() > deadline) throw new Error('the handler did not see every delivery within 120 s');
    await new Promise(resolve => setTimeout(resolve, 2));
  }
  const handledMs = performance.now() - started;
  return {
    answered: (deliveries.length * 1000) / answeredMs,
    handled: (deliveries.length * 1000) / handledMs,
  };
}

async function main(): Promise<void> {
  const emulator = await PortOneEmulator.start({ logRequests: false });
  const redis = await startBenchRedis();
  const base = emulator.moduleOptions();
  const moduleOptions = {
    ...base,
    v2: { ...base.v2, webhookSecrets: [EMULATOR_WEBHOOK_SECRET] },
    logger: false,
  };
  const apps = new Map<Mode, AppProcess>();
  for (const mode of MODES) apps.set(mode, await startApp(mode, redis.port, moduleOptions));

  @Module({ imports: [PortOneModule.forRoot({ ...base, logger: false })] })
  class SeedModule {}
  const seeder = await NestFactory.createApplicationContext(SeedModule, { logger: false });
  const cvs = seeder.get(CvsService);

  let ids = 0;
  const v2Deliveries = (count: number): Delivery[] =>
    Array.from({ length: count }, () => {
      ids += 1;
      const signed = emulator.signWebhook(
        {
          type: 'Transaction.Paid',
          timestamp: new Date().toISOString(),
          data: { paymentId: `bench-${ids}` },
        },
        { id: `wh-bench-${ids}` },
      );
      return { body: signed.body, headers: { 'content-type': 'application/json', ...signed.headers } };
    });
  const v1Notices = async (count: number): Promise<Delivery[]> => {
    const notices: Delivery[] = [];
    for (let i = 0; i < count; i++) {
      ids += 1;
      const issued = await cvs.issue({
        channelKey: emulator.credentials.channelKeys.galaxia,
        merchantUid: `bench-order-${ids}`,
        amount: 1000,
      });
      emulator.markCvsPaid(issued.impUid);
      notices.push({
        body: JSON.stringify({ imp_uid: issued.impUid, merchant_uid: issued.merchantUid, status: 'paid' }),
        headers: { 'content-type': 'application/json' },
      });
    }
    return notices;
  };

  // Warm every instance (JIT, sockets, the V1 token) before timing.
  for (const app of apps.values()) {
    await measure(app, v2Deliveries(50));
    await measure(app, await v1Notices(10));
  }

  const results = new Map<string, Rates[]>();
  const key = (mode: Mode, kind: Kind) => `${mode}|${kind}`;
  for (let run = 0; run < RUNS; run++) {
    const order = MODES.map((_, i) => MODES[(i + run) % MODES.length]);
    for (const mode of order) {
      const app = apps.get(mode)!;
      for (const kind of KINDS) {
        const deliveries = kind === 'V2 delivery' ? v2Deliveries(V2_DELIVERIES) : await v1Notices(V1_NOTICES);
        const rates = await measure(app, deliveries);
        results.set(key(mode, kind), [...(results.get(key(mode, kind)) ?? []), rates]);
      }
    }
    process.stderr.write(`run ${run + 1}/${RUNS} done\n`);
  }

  console.log(
    `webhook deliveries per second, one app instance, concurrency ${CONCURRENCY}, ${V2_DELIVERIES} V2 deliveries` +
      ` and ${V1_NOTICES} V1 notices per mode per run, ${RUNS} runs (median [range]):`,
  );
  console.log('');
  console.log(
    '| mode | kind | answered/s | handled/s | answered ÷ inline-memory | handled ÷ inline-memory |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const kind of KINDS) {
    const reference = results.get(key('inline-memory', kind))!;
    for (const mode of MODES) {
      const rates = results.get(key(mode, kind))!;
      const answered = rates.map(r => r.answered);
      const handled = rates.map(r => r.handled);
      const answeredRatio = rates.map((r, i) => r.answered / reference[i].answered);
      const handledRatio = rates.map((r, i) => r.handled / reference[i].handled);
      console.log(
        `| ${mode} | ${kind} | ${medianRange(answered, 0)} | ${medianRange(handled, 0)} | ` +
          `${medianRange(answeredRatio, 2)} | ` +
          `${medianRange(handledRatio, 2)} |`,
      );
    }
  }

  for (const app of apps.values()) app.stop();
  await seeder.close();
  await emulator.close();
  // Let the app processes close their Redis connections before Redis goes.
  await new Promise(resolve => setTimeout(resolve, 1_000));
  redis.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
