import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');

/** Runs a TypeScript file of the repository (through ts-node) in a process of its own. */
export function spawnTs(
  file: string,
  args: string[] = [],
  env: Record<string, string> = {},
): ChildProcessWithoutNullStreams {
  return spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join(repoRoot, file), ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, TS_NODE_PROJECT: path.join(repoRoot, 'tsconfig.json'), ...env },
    },
  );
}

/** Resolves with the text printed so far once `pattern` appears on stdout (bounded). */
export function waitForOutput(
  child: ChildProcessWithoutNullStreams,
  pattern: RegExp,
  timeoutMs = 20_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting for ${pattern}; got:\n${out}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (pattern.test(out)) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve(out);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', code => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}; got:\n${out}`));
    });
  });
}

/** Resolves with the exit code and what was printed on stdout and stderr once the process exits (bounded). */
export function exitOf(
  child: ChildProcessWithoutNullStreams,
  timeoutMs = 10_000,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const timer = setTimeout(() => reject(new Error('did not exit in time')), timeoutMs);
    child.once('exit', code => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}
