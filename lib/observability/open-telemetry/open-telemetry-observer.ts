// Types only: the package itself is loaded lazily by loadOpenTelemetry(), and only when installed.
import type { Attributes, Span } from '@opentelemetry/api';
import type { CallObservation, ObservedCall, PortOneObserver, TokenFetchObservation } from '../call-observer';
import type { OpenTelemetryApi } from './load-open-telemetry';
import { instrumentsOf, INSTRUMENTATION_SCOPE } from './portone-instruments';
import { callAttributes, errorAttributes, type ServerAddress } from './telemetry-attributes';

/**
 * Records PortOne calls with OpenTelemetry: one CLIENT span per logical call (`PortOne <Service.method>`),
 * each retry as a `portone.retry` event on it, each token fetch as a child span `PortOne token` holding a
 * CLIENT span per token request (`PortOne getToken`, `PortOne login`, `PortOne refreshToken`), and the
 * call, retry and token metrics. Only attributes built by `telemetry-attributes.ts` are recorded: no path
 * parameter values, bodies, headers, messages or exceptions (their stacks and texts stay out of traces).
 *
 * Uses the global tracer and meter providers of the moment, so an SDK started after the module is seen.
 * @internal
 */
export class OpenTelemetryObserver implements PortOneObserver {
  constructor(
    private readonly otel: OpenTelemetryApi,
    private readonly api: 'v1' | 'v2',
    private readonly server: ServerAddress,
  ) {}

  callStarted(call: ObservedCall): CallObservation {
    return this.observe(call, true);
  }

  /** A token request is traced like a call (a child of `PortOne token`) but not counted as one. */
  tokenRequestStarted(request: ObservedCall): CallObservation {
    return this.observe(request, false);
  }

  private observe(call: ObservedCall, countAsCall: boolean): CallObservation {
    const { otel } = this;
    const attributes = callAttributes(call, this.server);
    const span = this.tracer().startSpan(`PortOne ${call.operation}`, {
      kind: otel.SpanKind.CLIENT,
      attributes,
    });
    const context = otel.trace.setSpan(otel.context.active(), span);
    const metricAttributes = { 'portone.api': call.api, 'portone.operation': call.operation };
    return {
      run: inner => otel.context.with(context, inner),
      attemptEnded: attempt => {
        if (attempt.retryInMs === undefined || !attempt.error) return;
        const failure = errorAttributes(attempt.error);
        span.addEvent('portone.retry', {
          'portone.attempt': attempt.attempt + 1,
          'portone.retry.delay_ms': attempt.retryInMs,
          'error.type': failure['error.type'],
          ...(attempt.status !== undefined && { 'http.response.status_code': attempt.status }),
          ...(attempt.requestId && { 'portone.request_id': attempt.requestId }),
        });
        if (countAsCall) {
          instrumentsOf(otel).retries.add(1, { ...metricAttributes, 'error.type': failure['error.type'] });
        }
      },
      ended: result => {
        const status = result.status !== undefined && { 'http.response.status_code': result.status };
        const failure = result.error && errorAttributes(result.error);
        span.setAttributes({
          ...status,
          ...failure,
          ...(result.requestId && { 'portone.request_id': result.requestId }),
          ...(result.attempts > 1 && { 'http.request.resend_count': result.attempts - 1 }),
        });
        endSpan(otel, span, result.error);
        if (!countAsCall) return;
        // Metric attributes stay few-valued: no request ids, no error classes beyond error.type.
        const measured: Attributes = {
          ...metricAttributes,
          ...status,
          'portone.outcome': result.error ? 'error' : 'success',
          ...(failure && { 'error.type': failure['error.type'] }),
        };
        const instruments = instrumentsOf(otel);
        instruments.callDuration.record(result.durationMs / 1000, measured);
        instruments.calls.add(1, measured);
      },
    };
  }

  tokenFetchStarted(): TokenFetchObservation {
    const { otel } = this;
    // INTERNAL: one fetch may make two HTTP requests (a refused refresh, then a login), each a CLIENT span below.
    const span = this.tracer().startSpan('PortOne token', {
      kind: otel.SpanKind.INTERNAL,
      attributes: {
        'server.address': this.server.address,
        'server.port': this.server.port,
        'portone.api': this.api,
        'portone.operation': 'token',
      },
    });
    const context = otel.trace.setSpan(otel.context.active(), span);
    return {
      run: inner => otel.context.with(context, inner),
      ended: result => {
        const failure = result.error && errorAttributes(result.error);
        if (failure) span.setAttributes(failure);
        endSpan(otel, span, result.error);
        instrumentsOf(otel).tokenRefreshes.add(1, {
          'portone.api': this.api,
          'portone.outcome': result.error ? 'error' : 'success',
          ...(failure && { 'error.type': failure['error.type'] }),
        });
      },
    };
  }

  private tracer() {
    return this.otel.trace.getTracer(INSTRUMENTATION_SCOPE);
  }
}

/** Ends a span; a failure sets the ERROR status WITHOUT a message (messages may quote PortOne). */
function endSpan(otel: OpenTelemetryApi, span: Span, error: Error | undefined): void {
  if (error) span.setStatus({ code: otel.SpanStatusCode.ERROR });
  span.end();
}
