import { createHash } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { messages } from '../errors/messages';
import { PortOneWebhookJobError } from '../webhooks/queue/webhook-job-error';
import type {
  PortOneWebhookJob,
  PortOneWebhookJobProcessor,
  PortOneWebhookQueue,
} from '../webhooks/queue/webhook-queue.interface';
import {
  resolveBullMqWebhookQueueOptions,
  type BullMqWebhookQueueOptions,
  type ResolvedBullMqWebhookQueueOptions,
} from './bullmq-webhook-queue-options';

/** What a BullMQ job holds: the delivery key and the job. */
interface JobData {
  readonly key: string;
  readonly job: PortOneWebhookJob;
}

/** Connection errors repeat while Redis is down: one line per this many ms is enough. */
const ERROR_LOG_INTERVAL_MS = 10_000;

/**
 * Queue mode on BullMQ (`webhookReceiver.queue`): each delivery becomes a job whose id is the delivery's
 * key, so a duplicate adds nothing; the routes answer 200 once Redis has stored it. A worker in every app
 * instance runs the handlers with `attempts` tries and exponential backoff; a job whose instance died is
 * taken over once its lock (`lockDurationMs`) expires; a job that fails every attempt stays in BullMQ's
 * failed set (bull-board and similar tools show it) and is logged once, without its data.
 *
 * @example
 * PortOneModule.forRoot({
 *   v1, v2,
 *   webhookReceiver: { queue: new BullMqWebhookQueue({ connection: { host: 'redis', port: 6379 } }) },
 *   webhook: { path: 'portone/webhook' },
 * })
 * @publicApi
 */
export class BullMqWebhookQueue implements PortOneWebhookQueue {
  private readonly options: ResolvedBullMqWebhookQueueOptions;
  private readonly queue: Queue<JobData>;
  private worker: Worker<JobData> | undefined;
  /** The worker's own duplicate of an app-owned ioredis instance, closed with the worker. */
  private workerConnection: Redis | undefined;
  private logger: LoggerService | undefined;
  private lastErrorLoggedAt = 0;
  private closing: Promise<void> | undefined;

  /**
   * Checks the options (a `PortOneConfigurationError` names each broken rule) and creates the BullMQ queue;
   * the worker starts when the app has booted.
   */
  constructor(options: BullMqWebhookQueueOptions) {
    this.options = resolveBullMqWebhookQueueOptions(options);
    const { queueName, prefix, attempts, backoffMs, keepCompletedMs } = this.options;
    this.queue = new Queue<JobData>(queueName, {
      connection: this.producerConnection(),
      prefix,
      defaultJobOptions: {
        attempts,
        backoff: { type: 'exponential', delay: backoffMs },
        removeOnComplete: { age: Math.ceil(keepCompletedMs / 1000) },
        removeOnFail: false,
      },
    });
    // Without a listener an 'error' event would crash the process: Redis down must only cost 503s.
    this.queue.on('error', error => this.logError('queue', error));
  }

  async enqueue(key: string, job: PortOneWebhookJob): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new WebhookQueueTimeoutError(this.options.enqueueTimeoutMs)),
        this.options.enqueueTimeoutMs,
      );
    });
    try {
      await Promise.race([this.queue.add('delivery', { key, job }, { jobId: jobIdOf(key) }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  start(processor: PortOneWebhookJobProcessor, logger: LoggerService): void {
    if (this.worker) return;
    this.logger = logger;
    const { queueName, prefix, concurrency, lockDurationMs, attempts } = this.options;
    this.worker = new Worker<JobData>(
      queueName,
      (job: Job<JobData>) => processor(job.data.key, job.data.job),
      {
        connection: this.consumerConnection(),
        prefix,
        concurrency,
        lockDuration: lockDurationMs,
        // BullMQ looks for jobs whose lock expired every stalledInterval (30 s by default, whatever the lock):
        // checking every half lock takes a dead instance's job over within about 1.5 locks.
        stalledInterval: Math.max(500, Math.floor(lockDurationMs / 2)),
        // An instance dying mid-job is not the job's fault: let it be taken over as often as it may be retried.
        maxStalledCount: attempts,
      },
    );
    this.worker.on('error', error => this.logError('worker', error));
    this.worker.on('failed', (job, error) => {
      if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
      const reason = error instanceof PortOneWebhookJobError ? error.message : error.name;
      logger.error(messages.queue.jobFailed(job.id ?? '?', job.attemptsMade, reason));
    });
  }

  close(): Promise<void> {
    this.closing ??= this.closeAll();
    return this.closing;
  }

  private async closeAll(): Promise<void> {
    const worker = this.worker;
    if (worker) {
      // Stop taking jobs and wait for the running ones; past the deadline, abandon them: the lock renewal
      // stops with the worker, so their locks expire and another instance runs them.
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>(resolve => {
        timer = setTimeout(resolve, this.options.closeTimeoutMs);
      });
      await Promise.race([worker.pause(false).catch(() => undefined), deadline]);
      clearTimeout(timer);
      await worker.close(true).catch(() => undefined);
      await this.workerConnection?.quit().catch(() => this.workerConnection?.disconnect());
    }
    await this.queue.close().catch(() => undefined);
  }

  /** Options: BullMQ opens the connection, failing fast while Redis is down. An instance: the app's own. */
  private producerConnection(): ConnectionOptions {
    const connection = this.options.connection;
    if (isClient(connection)) return connection as ConnectionOptions;
    return { ...connection, enableOfflineQueue: false } as ConnectionOptions;
  }

  /** BullMQ's worker needs `maxRetriesPerRequest: null`: an app-owned instance is duplicated with it. */
  private consumerConnection(): ConnectionOptions {
    const connection = this.options.connection;
    if (!isClient(connection)) return connection as ConnectionOptions;
    if ('duplicate' in connection && !('nodes' in connection)) {
      this.workerConnection = connection.duplicate({ maxRetriesPerRequest: null });
      this.workerConnection.on('error', () => undefined);
      return this.workerConnection;
    }
    return connection as ConnectionOptions;
  }

  private logError(where: string, error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLoggedAt < ERROR_LOG_INTERVAL_MS) return;
    this.lastErrorLoggedAt = now;
    // The class and code only: ioredis messages can name hosts, but never hold delivery data.
    const code = (error as { code?: unknown }).code;
    this.logger?.error(
      messages.queue.queueError(where, error.name, typeof code === 'string' ? code : undefined),
    );
  }
}

/** BullMQ refuses ':' in job ids, and ids must stay short: long keys are hashed. @internal */
export function jobIdOf(key: string): string {
  const id = key.replace(/:/g, '.');
  return id.length <= 200 ? id : `sha256.${createHash('sha256').update(key).digest('hex')}`;
}

function isClient(connection: unknown): boolean {
  return typeof (connection as { duplicate?: unknown }).duplicate === 'function';
}

/** Redis did not store the job in time: the route answers 503 and PortOne retries. */
class WebhookQueueTimeoutError extends Error {
  override readonly name = 'WebhookQueueTimeoutError';
  constructor(ms: number) {
    super(`the webhook queue did not store the job within ${ms} ms`);
  }
}
