import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { PortOneEmulatorOptions } from '../options';
import type { SeedIdentityVerification } from '../v2/types';

/** What `nestjs-portone-emulator` was asked to do. */
export interface StandaloneArguments {
  readonly options: PortOneEmulatorOptions;
  /** Seconds to skew the clock by at start. */
  readonly clockSkewSeconds: number;
  readonly seed: { identityVerifications: SeedIdentityVerification[] };
  readonly help: boolean;
}

/** The command's usage text. */
export const USAGE = `Usage: nestjs-portone-emulator [options]

Runs PortOne's emulator (V1 and V2 REST APIs) on 127.0.0.1 until SIGINT or SIGTERM.

Options:
  --port <n>               TCP port (default 4000; 0 picks a free one)
  --strict                 refuse body fields and query parameters PortOne's spec does not declare (400)
  --seed <file.json>       records to load at start: { "identityVerifications": [ { "id": "...", ... } ] }
  --clock-skew <seconds>   start with the emulator clock this far from real time
  --otp-ttl <seconds>      OTP lifetime (default 180)
  --otp-max-attempts <n>   wrong OTPs that fail a verification (default 5)
  --v1-token-ttl <seconds> V1 access-token lifetime (default 1800)
  --v2-token-ttl <seconds> V2 access-token lifetime (default 1800)
  --webhook-secret <whsec> the secret V2 deliveries are signed with (default: the documented test secret)
  --no-request-log         do not keep the request log (long-running load)
  -h, --help               this text

Send a signed V2 webhook through a running emulator (on PortOne's V2 retry schedule):
  nestjs-portone-emulator send-webhook --to <url> --type <Transaction.Paid|...> [--data <json>] [--port <n>]
  (see send-webhook --help)`;

function number(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new Error(`${name} must be a number, got "${value}"`);
  return n;
}

/** Parses the command line. Throws an Error whose message is meant for the user. */
export function parseStandaloneArguments(argv: readonly string[]): StandaloneArguments {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: 'string' },
      strict: { type: 'boolean' },
      seed: { type: 'string' },
      'clock-skew': { type: 'string' },
      'otp-ttl': { type: 'string' },
      'otp-max-attempts': { type: 'string' },
      'v1-token-ttl': { type: 'string' },
      'v2-token-ttl': { type: 'string' },
      'webhook-secret': { type: 'string' },
      'no-request-log': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const options: PortOneEmulatorOptions = {
    port: number(values.port, '--port') ?? 4000,
    strict: values.strict ?? false,
    logRequests: !values['no-request-log'],
    otp: {
      ttlSeconds: number(values['otp-ttl'], '--otp-ttl'),
      maxAttempts: number(values['otp-max-attempts'], '--otp-max-attempts'),
    },
    v1: { tokenTtlSeconds: number(values['v1-token-ttl'], '--v1-token-ttl') },
    v2: {
      accessTokenTtlSeconds: number(values['v2-token-ttl'], '--v2-token-ttl'),
      webhookSecret: values['webhook-secret'],
    },
  };
  return {
    options,
    clockSkewSeconds: number(values['clock-skew'], '--clock-skew') ?? 0,
    seed: values.seed === undefined ? { identityVerifications: [] } : readSeed(values.seed),
    help: values.help ?? false,
  };
}

function readSeed(file: string): StandaloneArguments['seed'] {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { identityVerifications?: unknown };
  const list = parsed.identityVerifications ?? [];
  if (!Array.isArray(list)) throw new Error(`${file}: identityVerifications must be an array`);
  return {
    identityVerifications: (list as Array<SeedIdentityVerification & { requestedAt?: string | Date }>).map(
      seed => (seed.requestedAt === undefined ? seed : { ...seed, requestedAt: new Date(seed.requestedAt) }),
    ),
  };
}
