import {
  Logger,
  type LoggerService,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import type { CvsService } from '../../cvs-payment/cvs.service';
import { messages } from '../../errors/messages';
import { EscapingLogger } from '../../logging/escaping-logger';
import type { ResolvedPortOneOptions } from '../../options/resolve-options';
import type { PortOneWebhookEvent } from '../events/webhook-events';
import type { WebhookHandlerRegistry } from '../handlers/webhook-handler-registry';
import { processWebhookJob } from './process-webhook-job';
import { registrationCvs } from './registration-cvs';
import type { PortOneWebhookJob, PortOneWebhookQueue } from './webhook-queue.interface';

/**
 * Queue mode's lifecycle in one registration: starts the worker once the app has booted (handlers are
 * discovered by then), and closes the queue when the app closes, before the other providers' resources go
 * (running handlers may still need them). Also the way in for code that finds deliveries itself (e.g. a
 * reconciliation sweep): {@link enqueueEvent}.
 * @internal
 */
export class WebhookQueueRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger: LoggerService;

  constructor(
    options: ResolvedPortOneOptions,
    private readonly registry: WebhookHandlerRegistry,
    private readonly cvs: CvsService,
    /** This registration's name (undefined for the unnamed one). */
    private readonly registration: string | undefined,
    private readonly moduleRef: ModuleRef,
  ) {
    this.queue = options.webhookReceiver.queue;
    this.logger = options.logger ?? new EscapingLogger(new Logger('PortOneWebhookQueue'));
  }

  /** The configured queue; undefined in inline mode. */
  readonly queue: PortOneWebhookQueue | undefined;

  onApplicationBootstrap(): void {
    this.queue?.start(
      (key, job) =>
        processWebhookJob(key, job, {
          registry: this.registry,
          cvsOf: registration => this.cvsOf(registration),
          logger: this.logger,
        }),
      this.logger,
    );
  }

  /**
   * A job's registration's CvsService: this registration's own, else another registration's found in the app
   * (registrations may share one queue). A job without a registration, queued before jobs carried one, is
   * this registration's when the app has no unnamed registration.
   */
  private cvsOf(registration: string | undefined): CvsService | undefined {
    if (registration === this.registration) return this.cvs;
    return (
      registrationCvs(this.moduleRef, registration) ?? (registration === undefined ? this.cvs : undefined)
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue?.close();
  }

  /**
   * Queues an event the caller has verified itself, under its delivery key (a key already queued adds
   * nothing). A V1 event is stored by its payment's ids and re-read by the worker, like a notice. Rejects in
   * inline mode (no queue) and when the queue cannot store it.
   */
  async enqueueEvent(key: string, event: PortOneWebhookEvent): Promise<void> {
    if (!this.queue) throw new Error(messages.queue.notConfigured);
    const job: PortOneWebhookJob =
      event.api === 'v2'
        ? { kind: 'v2-event', event }
        : {
            kind: 'v1-payment',
            ...(event.registration !== undefined && { registration: event.registration }),
            impUid: event.payment.impUid,
            merchantUid: event.payment.merchantUid,
            ...(event.cancellationId !== undefined && { cancellationId: event.cancellationId }),
            ...(event.source !== 'notice' && { source: event.source }),
          };
    return this.queue.enqueue(key, job);
  }
}
