import type * as OpenTelemetry from '@opentelemetry/api';

/** @internal */
export type OpenTelemetryApi = typeof OpenTelemetry;

let loaded: OpenTelemetryApi | null | undefined;

/**
 * `@opentelemetry/api` when the app has it installed, otherwise undefined. It is an optional peer: apps that
 * do not use OpenTelemetry never load it, and the module then records nothing. Looked up once per process.
 * @internal
 */
export function loadOpenTelemetry(): OpenTelemetryApi | undefined {
  if (loaded === undefined) {
    try {
      // A plain require inside try: a static import would make the package mandatory.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loaded = require('@opentelemetry/api') as OpenTelemetryApi;
    } catch {
      loaded = null;
    }
  }
  return loaded ?? undefined;
}
