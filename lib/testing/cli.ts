#!/usr/bin/env node
/**
 * `npx nestjs-portone-emulator --port 4000`: runs the emulator in its own process, beside an app in another
 * process or language, in docker-compose or as a CI service container. `npx nestjs-portone-emulator send-webhook
 * --to <url> --type Transaction.Paid` has a running emulator sign and send a V2 webhook. See `--help` and the README.
 */
import { sendWebhookCommand } from './standalone/send-webhook';

async function main(): Promise<void> {
  if (process.argv[2] === 'send-webhook') {
    process.exitCode = await sendWebhookCommand(
      process.argv.slice(3),
      text => process.stdout.write(text),
      text => process.stderr.write(text),
    );
    return;
  }
  // Loaded only to run an emulator: send-webhook, a small HTTP client, starts without the schemas.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runStandalone } = require('./standalone/run') as typeof import('./standalone/run');
  await runStandalone();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `nestjs-portone-emulator: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
