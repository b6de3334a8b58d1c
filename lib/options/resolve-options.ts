import { Logger, type LoggerService } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { PortOneConfigurationError } from '../errors';
import { messages } from '../errors/messages';
import { EscapingLogger } from '../logging/escaping-logger';
import type {
  PortOneModuleOptions,
  PortOneV1Options,
  PortOneV2Options,
} from './portone-module-options.interface';
import { cleartextBaseUrlProblems } from './cleartext-base-url';
import { createV2Verifiers } from '../webhooks/v2/verify-v2-delivery';
import { PortOneOptionsSchema } from './portone-options.schema';
import {
  resolveWebhookReceiverOptions,
  webhookReceiverProblems,
  type ResolvedWebhookReceiverOptions,
} from '../webhooks/options/resolve-webhook-receiver-options';

/** Defaults, in one place, so the README and the code cannot drift apart. @internal */
export const DEFAULTS = {
  v1BaseUrl: 'https://api.iamport.kr',
  v2BaseUrl: 'https://api.portone.io',
  timeoutMs: 60_000,
  maxRetries: 2,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxSockets: 50,
  maxResponseBytes: 8 * 1024 * 1024,
  shutdownGraceMs: 10_000,
  includeSandbox: true,
  v2Auth: 'secret',
} as const;

/** @internal */
export interface ResolvedRetryPolicy {
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Options after validation, with every default applied. @internal */
export interface ResolvedPortOneOptions {
  readonly v1?: Required<Omit<PortOneV1Options, 'tierCode'>> & Pick<PortOneV1Options, 'tierCode'>;
  readonly v2?: Required<Omit<PortOneV2Options, 'storeId'>> & Pick<PortOneV2Options, 'storeId'>;
  /** Webhook receiving; defaults applied. */
  readonly webhookReceiver: ResolvedWebhookReceiverOptions;
  readonly timeoutMs: number;
  readonly retry: ResolvedRetryPolicy;
  /** undefined: quiet. */
  readonly logger?: LoggerService;
  readonly maxSockets: number;
  readonly maxResponseBytes: number;
  readonly shutdownGraceMs: number;
}

/**
 * The extras of `forRoot` / `forRootAsync` (portone.module-definition.ts): keys that decide how the module is
 * registered. Returned by an options factory, they are misplaced rather than misspelt.
 */
const EXTRA_KEYS: ReadonlySet<string> = new Set(['webhook', 'isGlobal', 'name']);

/**
 * Validates raw module options and applies defaults. Throws one `PortOneConfigurationError` listing every
 * problem, so a misconfigured app stops at boot instead of at its first payment: the options' own, the V2
 * webhook secrets', and `registrationProblems` (those of the `webhook` extra, found when the module was
 * defined but reported here, with the rest, since a `forRootAsync` factory's options only exist now).
 * @internal
 */
export function resolveModuleOptions(
  raw: unknown,
  registrationProblems: readonly string[] = [],
): ResolvedPortOneOptions {
  if (raw === null || typeof raw !== 'object') {
    throw new PortOneConfigurationError([messages.options.notAnObject, ...registrationProblems]);
  }
  const options = raw as PortOneModuleOptions;
  // webhookReceiver holds live objects (a Redis client): checked on its own, never deep-copied by
  // class-transformer, which would construct copies of them.
  const { webhookReceiver: _receiver, ...plainOptions } = options;
  // whitelist + forbidNonWhitelisted: a key the schema does not declare (a typo such as `timeout` for
  // `timeoutMs`, which TypeScript cannot see in a forRootAsync factory) stops the boot, naming the key.
  const problems = validateSync(plainToInstance(PortOneOptionsSchema, plainOptions), {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  }).flatMap(error => describe(error));
  problems.push(...webhookReceiverProblems(options.webhookReceiver));
  if (options.logger !== undefined && !isLoggerOption(options.logger)) {
    problems.push(messages.options.loggerShape);
  }
  if (!options.v1 && !options.v2) problems.push(messages.options.noApi);
  problems.push(...cleartextBaseUrlProblems(options));
  problems.push(...webhookSecretProblems(options.v2?.webhookSecrets));
  problems.push(...registrationProblems);
  if (problems.length > 0) throw new PortOneConfigurationError(problems);

  const retry = options.retry === false ? { maxRetries: 0 } : (options.retry ?? {});
  return {
    v1: options.v1 && {
      apiKey: options.v1.apiKey,
      apiSecret: options.v1.apiSecret,
      baseUrl: trimSlash(options.v1.baseUrl ?? DEFAULTS.v1BaseUrl),
      tierCode: options.v1.tierCode,
      includeSandbox: options.v1.includeSandbox ?? DEFAULTS.includeSandbox,
    },
    v2: options.v2 && {
      apiSecret: options.v2.apiSecret,
      storeId: options.v2.storeId,
      baseUrl: trimSlash(options.v2.baseUrl ?? DEFAULTS.v2BaseUrl),
      auth: options.v2.auth ?? DEFAULTS.v2Auth,
      webhookSecrets: options.v2.webhookSecrets ?? [],
    },
    webhookReceiver: resolveWebhookReceiverOptions(options.webhookReceiver),
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    retry: {
      maxRetries: retry.maxRetries ?? DEFAULTS.maxRetries,
      baseDelayMs: retry.baseDelayMs ?? DEFAULTS.baseDelayMs,
      maxDelayMs: retry.maxDelayMs ?? DEFAULTS.maxDelayMs,
    },
    logger: toLogger(options.logger),
    maxSockets: options.maxSockets ?? DEFAULTS.maxSockets,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
    shutdownGraceMs: options.shutdownGraceMs ?? DEFAULTS.shutdownGraceMs,
  };
}

function describe(error: ValidationError, parent = ''): string[] {
  const path = parent ? `${parent}.${error.property}` : error.property;
  if (error.constraints?.whitelistValidation) {
    return [EXTRA_KEYS.has(path) ? messages.options.misplacedExtra(path) : messages.unknownOption(path)];
  }
  const own = Object.values(error.constraints ?? {}).map(message =>
    // class-validator writes "apiKey must be a string"; prefix the full path so nested fields are clear.
    message.startsWith(`${error.property} `)
      ? `${path}${message.slice(error.property.length)}`
      : `${path}: ${message}`,
  );
  return [...own, ...(error.children ?? []).flatMap(child => describe(child, path))];
}

/** Each V2 webhook secret must be one the verifier accepts; checked here so it is reported with the rest. */
function webhookSecretProblems(secrets: unknown): string[] {
  if (!Array.isArray(secrets) || !secrets.every(secret => typeof secret === 'string' && secret !== '')) {
    return []; // the schema reports the list's own shape
  }
  try {
    createV2Verifiers(secrets as string[]);
    return [];
  } catch {
    return [messages.options.webhookSecrets];
  }
}

function isLoggerOption(value: unknown): value is boolean | LoggerService {
  return (
    typeof value === 'boolean' ||
    (typeof value === 'object' && value !== null && typeof (value as LoggerService).log === 'function')
  );
}

function toLogger(option: boolean | LoggerService | undefined): LoggerService | undefined {
  if (option === false || option === undefined) return undefined;
  return new EscapingLogger(option === true ? new Logger('PortOne') : option);
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
