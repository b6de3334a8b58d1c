#!/usr/bin/env node
/**
 * `npx nestjs-portone-emulator --port 4000`: runs the emulator in its own process, beside an app in another
 * process or language, in docker-compose or as a CI service container. See `--help` and the README.
 */
import { PortOneEmulator } from './emulator';
import { banner } from './standalone/banner';
import { parseStandaloneArguments, USAGE } from './standalone/arguments';

async function main(): Promise<void> {
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

main().catch((error: unknown) => {
  process.stderr.write(
    `nestjs-portone-emulator: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
