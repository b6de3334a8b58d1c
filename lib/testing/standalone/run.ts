import { PortOneEmulator } from '../emulator';
import { parseStandaloneArguments, USAGE } from './arguments';
import { banner } from './banner';

/** Runs the standalone emulator until SIGINT or SIGTERM (what `nestjs-portone-emulator` does without a command). */
export async function runStandalone(): Promise<void> {
  let args;
  try {
    args = parseStandaloneArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const emulator = await PortOneEmulator.start(args.options);
  emulator.setClockSkew(args.clockSkewSeconds);
  for (const seed of args.seed.identityVerifications) emulator.seedIdentityVerification(seed);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the emulator\n`);
    void emulator.close().then(() => {
      process.stdout.write('stopped\n');
      process.exitCode = 0;
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`${banner(emulator)}\n`);
}
