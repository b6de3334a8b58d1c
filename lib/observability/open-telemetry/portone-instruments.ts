import type { Counter, Histogram, MeterProvider } from '@opentelemetry/api';
import type { OpenTelemetryApi } from './load-open-telemetry';

/** Name under which the module's tracer and meter are registered. @internal */
export const INSTRUMENTATION_SCOPE = 'nestjs-portone';

/** The module's metric instruments. @internal */
export interface PortOneInstruments {
  /** `portone.client.call.duration` (s): one logical call, retries included. */
  readonly callDuration: Histogram;
  /** `portone.client.calls`: calls by `portone.outcome` (`success` / `error`) and `error.type`. */
  readonly calls: Counter;
  /** `portone.client.retries`: attempts made again after a transient failure. */
  readonly retries: Counter;
  /** `portone.client.token.refreshes`: access-token fetches (V1 getToken, V2 login/refresh) by outcome. */
  readonly tokenRefreshes: Counter;
  /** `portone.webhook.reconciliation.sweeps`: sweeps by `portone.outcome` (`complete`/`incomplete`/`failed`). */
  readonly reconciliationSweeps: Counter;
  /** `portone.webhook.reconciliation.payments`: listed payments by `portone.reconciliation.result`. */
  readonly reconciliationPayments: Counter;
  /** `portone.webhook.reconciliation.sweep.duration` (s). */
  readonly reconciliationDuration: Histogram;
}

let cached: { provider: MeterProvider; instruments: PortOneInstruments } | undefined;

/**
 * The instruments of the meter provider registered now. A provider registered after the module started
 * (or replaced, as tests do) gets its own instruments: the API's global meter is not a proxy.
 * @internal
 */
export function instrumentsOf(otel: OpenTelemetryApi): PortOneInstruments {
  const provider = otel.metrics.getMeterProvider();
  if (cached?.provider !== provider) {
    const meter = provider.getMeter(INSTRUMENTATION_SCOPE);
    cached = {
      provider,
      instruments: {
        callDuration: meter.createHistogram('portone.client.call.duration', {
          unit: 's',
          description: 'Duration of PortOne calls, retries and token fetches included',
          advice: { explicitBucketBoundaries: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] },
        }),
        calls: meter.createCounter('portone.client.calls', {
          unit: '{call}',
          description: 'PortOne calls by outcome',
        }),
        retries: meter.createCounter('portone.client.retries', {
          unit: '{retry}',
          description: 'PortOne HTTP attempts repeated after a transient failure',
        }),
        tokenRefreshes: meter.createCounter('portone.client.token.refreshes', {
          unit: '{fetch}',
          description: 'PortOne access-token fetches by outcome',
        }),
        reconciliationSweeps: meter.createCounter('portone.webhook.reconciliation.sweeps', {
          unit: '{sweep}',
          description: 'Webhook reconciliation sweeps by outcome',
        }),
        reconciliationPayments: meter.createCounter('portone.webhook.reconciliation.payments', {
          unit: '{payment}',
          description: 'Payments listed by reconciliation sweeps, by what the sweep did with them',
        }),
        reconciliationDuration: meter.createHistogram('portone.webhook.reconciliation.sweep.duration', {
          unit: 's',
          description: 'Duration of webhook reconciliation sweeps',
          advice: { explicitBucketBoundaries: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] },
        }),
      },
    };
  }
  return cached.instruments;
}
