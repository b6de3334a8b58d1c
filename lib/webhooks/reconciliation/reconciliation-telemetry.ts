import { loadOpenTelemetry } from '../../observability/open-telemetry/load-open-telemetry';
import { instrumentsOf } from '../../observability/open-telemetry/portone-instruments';
import type { SweepOutcome } from './reconciliation-health';
import type { SweepCounts } from './sweep';

const RESULTS = {
  dispatched: 'dispatched',
  queued: 'queued',
  alreadyHandled: 'already_handled',
  inProgress: 'in_progress',
  failed: 'failed',
} as const;

/**
 * Records a sweep in the module's OpenTelemetry metrics, when the app has `@opentelemetry/api` (an optional
 * peer): one sweep by outcome, its duration, and its payments by result. Counts only.
 * @internal
 */
export function recordSweepMetrics(outcome: SweepOutcome, counts: SweepCounts, durationMs: number): void {
  const otel = loadOpenTelemetry();
  if (!otel) return;
  const instruments = instrumentsOf(otel);
  instruments.reconciliationSweeps.add(1, { 'portone.outcome': outcome });
  instruments.reconciliationDuration.record(durationMs / 1000, { 'portone.outcome': outcome });
  for (const [field, result] of Object.entries(RESULTS)) {
    const count = counts[field as keyof typeof RESULTS];
    if (count > 0) instruments.reconciliationPayments.add(count, { 'portone.reconciliation.result': result });
  }
}
