import { RECONCILE_DEFAULTS } from './reconcile-options';

/**
 * Reconciliation as the health indicator reports it: `up` after a complete sweep, `degraded` while sweeps
 * leave payments behind or fail, `down` after several in a row. Counts and times only.
 * @publicApi
 */
export interface PortOneReconciliationHealth {
  readonly status: 'up' | 'degraded' | 'down';
  /** Sweeps in a row that did not complete (the cursor stayed). */
  readonly consecutiveFailures: number;
  /**
   * The last sweep's outcome: the cursor moved (`complete`), stayed because something is left
   * (`incomplete`), or PortOne or the store failed (`failed`). Absent before the first sweep.
   */
  readonly lastOutcome?: 'complete' | 'incomplete' | 'failed';
  /** When the cursor last moved (ISO 8601). */
  readonly lastCompleteAt?: string;
  /** When this instance last found another holding the lease (it sweeps then, not this one). */
  readonly lastStandbyAt?: string;
}

/** How a sweep ended. @internal */
export type SweepOutcome = NonNullable<PortOneReconciliationHealth['lastOutcome']>;

/** What this instance's sweeps amount to. @internal */
export class ReconciliationHealthState {
  private consecutiveFailures = 0;
  private lastOutcome: SweepOutcome | undefined;
  private lastCompleteAt: number | undefined;
  private lastStandbyAt: number | undefined;

  recordSweep(outcome: SweepOutcome, at: number): void {
    this.lastOutcome = outcome;
    if (outcome === 'complete') {
      this.consecutiveFailures = 0;
      this.lastCompleteAt = at;
    } else {
      this.consecutiveFailures += 1;
    }
  }

  recordStandby(at: number): void {
    this.lastStandbyAt = at;
  }

  report(): PortOneReconciliationHealth {
    const failures = this.consecutiveFailures;
    return {
      status: failures === 0 ? 'up' : failures >= RECONCILE_DEFAULTS.downAfterFailures ? 'down' : 'degraded',
      consecutiveFailures: failures,
      ...(this.lastOutcome && { lastOutcome: this.lastOutcome }),
      ...(this.lastCompleteAt !== undefined && { lastCompleteAt: iso(this.lastCompleteAt) }),
      ...(this.lastStandbyAt !== undefined && { lastStandbyAt: iso(this.lastStandbyAt) }),
    };
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
