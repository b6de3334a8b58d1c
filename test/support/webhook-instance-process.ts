import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import type { InstancePlan } from './fixtures/webhook-instance';

/** One fact an instance printed (see fixtures/webhook-instance.ts). */
export type InstanceFact = { readonly kind: string; readonly [key: string]: unknown };

/** A webhook app instance running in its own process. */
export interface WebhookInstanceProcess {
  readonly webhookUrl: string;
  readonly facts: readonly InstanceFact[];
  /** Resolves with the first fact (already printed or to come) that matches; rejects after `timeoutMs`. */
  waitFor(match: (fact: InstanceFact) => boolean, timeoutMs?: number): Promise<InstanceFact>;
  /** SIGKILL: the process dies at once, whatever it was running. */
  kill(): Promise<void>;
  /** SIGTERM: the app closes (app.close()) and the process exits; SIGKILL if it takes over `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

/** Starts fixtures/webhook-instance.ts (ts-node, transpile only) and waits until it listens. */
export async function startWebhookInstance(
  plan: InstancePlan,
  bootMs = 100_000,
): Promise<WebhookInstanceProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'fixtures/webhook-instance.ts')],
    {
      cwd: join(__dirname, '../..'),
      env: { ...process.env, INSTANCE_PLAN: JSON.stringify(plan), TS_NODE_PROJECT: 'tsconfig.json' },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const facts: InstanceFact[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim() === '') continue;
      try {
        facts.push(JSON.parse(line) as InstanceFact);
      } catch {
        facts.push({ kind: 'stdout', line });
      }
      for (const wake of [...waiters]) wake();
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
  void exited.then(() => [...waiters].forEach(wake => wake()));

  const waitFor = (match: (fact: InstanceFact) => boolean, timeoutMs = 10_000): Promise<InstanceFact> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = facts.find(match);
        if (found) {
          done();
          resolve(found);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          done();
          reject(new Error(`instance exited (${child.exitCode ?? child.signalCode}) first: ${stderr}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`instance: no matching fact within ${timeoutMs} ms; stderr: ${stderr}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  const listening = await waitFor(fact => fact.kind === 'listening', bootMs).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  return {
    webhookUrl: listening.url as string,
    facts,
    waitFor,
    async kill() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    async stop(timeoutMs = 15_000) {
      if (!running()) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(killer);
    },
  };
}
