import {
  Logger,
  type LoggerService,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { CvsService } from '../../cvs-payment/cvs.service';
import { messages } from '../../errors/messages';
import { EscapingLogger } from '../../logging/escaping-logger';
import type { ResolvedPortOneOptions } from '../../options/resolve-options';
import type { PortOneReconciliationStore } from '../claims/reconciliation-store.interface';
import type { DeliverReconciled } from './reconcile-payment';
import { RECONCILE_DEFAULTS, type ResolvedReconcileOptions } from './reconcile-options';
import { ReconciliationHealthState, type SweepOutcome } from './reconciliation-health';
import { recordSweepMetrics } from './reconciliation-telemetry';
import { sweep, type SweepCounts } from './sweep';

/** @internal */
export interface WebhookReconcilerDeps {
  readonly options: ResolvedPortOneOptions;
  readonly reconcile: ResolvedReconcileOptions;
  readonly cvs: CvsService;
  readonly deliver: DeliverReconciled;
  /** The lease and cursor name: one per module registration. */
  readonly name: string;
}

/**
 * Re-reads PortOne's records on a timer so that a paid (or cancelled) V1 payment whose notice never arrived
 * is still dispatched, once. Each tick takes the lease in the claim store (one sweep at a time across
 * instances), lists paid and cancelled payments from the stored cursor (minus the overlap) to now, dispatches
 * them through the same claims as notices, and moves the cursor only when everything listed is handled.
 * Instances that find the lease taken, or the cursor moved less than an interval ago, stand by.
 * @internal
 */
export class WebhookReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  /** What the health indicator reports. */
  readonly health = new ReconciliationHealthState();
  private readonly store: PortOneReconciliationStore;
  private readonly errors: LoggerService;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private stopped = false;

  constructor(private readonly deps: WebhookReconcilerDeps) {
    // Checked at boot (reconcileReceiverProblems): the claim store keeps leases and cursors.
    this.store = deps.options.webhookReceiver.claimStore as unknown as PortOneReconciliationStore;
    this.errors = deps.options.logger ?? new EscapingLogger(new Logger('PortOneWebhook'));
  }

  /** Sweeps once at start (catching up on what was missed while the app was down), then every interval. */
  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  /** Stops sweeping; waits for a running sweep up to `shutdownGraceMs`, then stops it. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const running = this.running;
    if (!running) return;
    if (!(await settlesWithin(running, this.deps.options.shutdownGraceMs))) {
      // Lists are aborted and no further payment is dispatched; a handler still running is not waited for.
      this.abort?.abort();
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        this.schedule(this.deps.reconcile.intervalMs);
      });
    }, delayMs);
    // The app's server keeps the process alive; the sweep timer alone never should.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const { name } = this.deps;
    let token: string | undefined;
    try {
      token = await this.store.acquireLease(name, RECONCILE_DEFAULTS.leaseMs);
    } catch (error) {
      this.finish('failed', zeroCounts(), 0, messages.reconciliation.held.storeFailed(nameOf(error)));
      return;
    }
    if (token === undefined) {
      this.health.recordStandby(Date.now());
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    const renewal = this.keepLease(token, abort);
    const started = Date.now();
    const counts = zeroCounts();
    try {
      const cursor = await this.store.readCursor(name);
      if (cursor !== undefined && started - cursor < this.dueAfterMs()) {
        // Another instance swept less than an interval ago: one sweep per interval across instances.
        this.health.recordStandby(started);
        return;
      }
      const window = this.window(cursor, started);
      const { complete, stoppedBy } = await sweep(
        { cvs: this.deps.cvs, deliver: this.deps.deliver, signal: abort.signal },
        window,
        counts,
      );
      if (!complete) {
        this.finish(
          'incomplete',
          counts,
          Date.now() - started,
          stoppedBy ?? heldBecause(counts, abort.signal),
        );
      } else if (await this.store.writeCursor(name, window.to.getTime(), token)) {
        this.finish('complete', counts, Date.now() - started);
      } else {
        this.finish('incomplete', counts, Date.now() - started, messages.reconciliation.held.leaseLost);
      }
    } catch (error) {
      this.finish('failed', counts, Date.now() - started, nameOf(error));
    } finally {
      clearInterval(renewal);
      this.abort = undefined;
      await this.store.releaseLease(name, token).catch(() => undefined);
    }
  }

  /** Renews the lease every third of its life; a lost lease stops the sweep (another instance took over). */
  private keepLease(token: string, abort: AbortController): NodeJS.Timeout {
    const { leaseMs } = RECONCILE_DEFAULTS;
    const timer = setInterval(() => {
      this.store.renewLease(this.deps.name, token, leaseMs).then(
        held => held || abort.abort(),
        () => abort.abort(),
      );
    }, leaseMs / 3);
    timer.unref();
    return timer;
  }

  /**
   * From the cursor minus the overlap (or, on a cold start, `lookBackMs` ago) to now, within PortOne's
   * 90-day window: after sweeps failed for longer than that, the oldest part is no longer listed.
   */
  private window(cursor: number | undefined, now: number): { from: Date; to: Date } {
    const { overlapMs, lookBackMs } = this.deps.reconcile;
    const wanted = cursor === undefined ? now - lookBackMs : Math.min(cursor - overlapMs, now);
    return {
      from: new Date(Math.max(wanted, now - RECONCILE_DEFAULTS.maxWindowMs + 1_000)),
      to: new Date(now),
    };
  }

  /** A timer may fire a little early: a cursor moved nine tenths of an interval ago is due. */
  private dueAfterMs(): number {
    return this.deps.reconcile.intervalMs * 0.9;
  }

  /** One log line (counts, never ids or personal data), the metrics and the health state. */
  private finish(outcome: SweepOutcome, counts: SweepCounts, durationMs: number, heldReason?: string): void {
    this.health.recordSweep(outcome, Date.now());
    recordSweepMetrics(outcome, counts, durationMs);
    const line = messages.reconciliation.sweepLine(outcome, counts, durationMs, heldReason);
    if (outcome === 'complete') this.deps.options.logger?.log(line);
    else this.errors.warn(line);
  }
}

function zeroCounts(): SweepCounts {
  return { listed: 0, dispatched: 0, queued: 0, alreadyHandled: 0, inProgress: 0, failed: 0, pages: 0 };
}

function heldBecause(counts: SweepCounts, signal: AbortSignal): string {
  if (signal.aborted) return messages.reconciliation.held.stopped;
  if (counts.failed > 0) return messages.reconciliation.held.handlerFailed;
  if (counts.inProgress > 0) return messages.reconciliation.held.inProgress;
  return messages.reconciliation.held.listChanged;
}

/** The error's class name: never its message, which may hold what PortOne or a handler wrote. */
function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** True when `promise` settled within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>(resolve => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
