import type { PortOneObserver } from './call-observer';
import { CallStatistics } from './call-statistics';
import { CompositeObserver } from './composite-observer';
import { loadOpenTelemetry } from './open-telemetry/load-open-telemetry';
import { OpenTelemetryObserver } from './open-telemetry/open-telemetry-observer';
import { serverAddressOf } from './open-telemetry/telemetry-attributes';

/** The observers of one API client: its health statistics, and OpenTelemetry when the app has it. @internal */
export interface ApiObservers {
  readonly statistics: CallStatistics;
  readonly observer: PortOneObserver;
}

/** @internal */
export function createObservers(api: 'v1' | 'v2', baseUrl: string, usesTokens: boolean): ApiObservers {
  const statistics = new CallStatistics(usesTokens);
  const otel = loadOpenTelemetry();
  if (!otel) return { statistics, observer: statistics };
  const telemetry = new OpenTelemetryObserver(otel, api, serverAddressOf(baseUrl));
  return { statistics, observer: new CompositeObserver([telemetry, statistics]) };
}
