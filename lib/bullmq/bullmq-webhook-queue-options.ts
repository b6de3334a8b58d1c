import type { Cluster, Redis, RedisOptions } from 'ioredis';
import { PortOneConfigurationError } from '../errors';
import { messages } from '../errors/messages';

/** Options of `BullMqWebhookQueue`. @publicApi */
export interface BullMqWebhookQueueOptions {
  /**
   * The Redis to keep jobs in: ioredis options (the queue opens and closes its own connections) or an ioredis
   * instance the app owns (the queue uses it for adding jobs and a duplicate, which it closes, for its worker).
   * Redis must persist (AOF or RDB) and run with `maxmemory-policy noeviction`, as BullMQ requires.
   */
  connection: RedisOptions | Redis | Cluster;
  /** @default 'portone-webhooks' */
  queueName?: string;
  /** BullMQ's key prefix. @default 'bull' */
  prefix?: string;
  /** Runs of a job before it stays in the failed set. @default 10 */
  attempts?: number;
  /** First retry delay; each next one doubles (exponential backoff). @default 1000 */
  backoffMs?: number;
  /**
   * How long a worker's lock on a running job lasts (renewed every half of it while the job runs). The job of
   * an instance that died is taken over by another instance's worker within about 1.5× this.
   * @default 30000
   */
  lockDurationMs?: number;
  /** Jobs one instance runs at the same time. @default 5 */
  concurrency?: number;
  /** Longest a route waits for Redis to store a delivery before answering 503. @default 5000 */
  enqueueTimeoutMs?: number;
  /** Longest `app.close()` waits for running handlers before abandoning them to another instance. @default 10000 */
  closeTimeoutMs?: number;
  /** How long completed jobs are kept (their ids deduplicate later copies of a delivery). @default 86400000 */
  keepCompletedMs?: number;
}

/** @internal */
export const BULLMQ_WEBHOOK_QUEUE_DEFAULTS = {
  queueName: 'portone-webhooks',
  prefix: 'bull',
  attempts: 10,
  backoffMs: 1_000,
  lockDurationMs: 30_000,
  concurrency: 5,
  enqueueTimeoutMs: 5_000,
  closeTimeoutMs: 10_000,
  keepCompletedMs: 86_400_000,
} as const;

/** @internal */
export type ResolvedBullMqWebhookQueueOptions = Required<BullMqWebhookQueueOptions>;

const POSITIVE_INTEGERS = [
  'attempts',
  'backoffMs',
  'lockDurationMs',
  'concurrency',
  'enqueueTimeoutMs',
  'closeTimeoutMs',
  'keepCompletedMs',
] as const;

/** Checks every option and applies the defaults; throws one error naming every broken rule. @internal */
export function resolveBullMqWebhookQueueOptions(
  options: BullMqWebhookQueueOptions,
): ResolvedBullMqWebhookQueueOptions {
  const problems: string[] = [];
  if (options === null || typeof options !== 'object') {
    const problem = [messages.options.queueNotAnObject];
    throw new PortOneConfigurationError(problem, messages.invalidWebhookQueueOptions(problem));
  }
  if (options.connection === null || typeof options.connection !== 'object') {
    problems.push(messages.options.queueConnection);
  }
  for (const name of ['queueName', 'prefix'] as const) {
    const value = options[name];
    if (value !== undefined && !(typeof value === 'string' && /^[A-Za-z0-9_.-]{1,100}$/.test(value))) {
      problems.push(messages.options.queueName(name));
    }
  }
  for (const name of POSITIVE_INTEGERS) {
    const value = options[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
      problems.push(messages.options.queuePositiveInteger(name));
    }
  }
  if (problems.length > 0) {
    throw new PortOneConfigurationError(problems, messages.invalidWebhookQueueOptions(problems));
  }
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return { ...BULLMQ_WEBHOOK_QUEUE_DEFAULTS, ...defined } as ResolvedBullMqWebhookQueueOptions;
}
