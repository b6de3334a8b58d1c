import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from './free-port';

/** A throwaway `redis-server` on a free loopback port, started and stopped by the test itself. */
export interface TestRedisServer {
  readonly port: number;
  stop(): Promise<void>;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts Debian's `redis-server` (CI installs it: see .ci/run) with no persistence, on loopback only, and
 * waits at most `timeoutMs` for it to accept connections.
 */
export async function startRedisServer(
  timeoutMs = 10_000,
  /** A port of a server this test stopped, to start it again where its clients reconnect. */
  port?: number,
): Promise<TestRedisServer> {
  port ??= await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portone-redis-'));
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
  let spawnError: Error | undefined;
  child.once('error', error => (spawnError = error));

  const deadline = Date.now() + timeoutMs;
  while (!(await canConnect(port))) {
    if (spawnError) throw new Error(`could not start redis-server (is it installed?): ${spawnError.message}`);
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not listen on ${port} within ${timeoutMs} ms`);
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  return {
    port,
    async stop() {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
