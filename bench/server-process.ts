/** Starting the benchmark's server processes and reading their counters over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import type { ServerCounters } from './server-protocol';

export interface ServerProcess<Address> {
  readonly address: Address;
  counters(): Promise<ServerCounters>;
  stop(): void;
}

/** Forks `script` (a sibling of this file), waits for the address it reports first. */
export async function startServerProcess<Address>(
  script: string,
  env: Record<string, string> = {},
): Promise<ServerProcess<Address>> {
  const child: ChildProcess = fork(require.resolve(script), [], {
    // `npm run bench` runs the compiled JavaScript; under ts-node (a .ts file) the child needs ts-node too.
    execArgv: __filename.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only'] : [],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const address = await new Promise<Address>((resolve, reject) => {
    child.once('message', message => resolve(message as Address));
    child.once('exit', code =>
      reject(new Error(`${script} exited with ${code} before reporting its address`)),
    );
  });
  return {
    address,
    counters: () =>
      new Promise<ServerCounters>(resolve => {
        const onMessage = (message: { type?: string; counters?: ServerCounters }) => {
          if (message.type !== 'counters' || !message.counters) return;
          child.off('message', onMessage);
          resolve(message.counters);
        };
        child.on('message', onMessage);
        child.send({ type: 'counters' });
      }),
    stop: () => child.disconnect(),
  };
}
