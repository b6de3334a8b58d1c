import { context, metrics, trace, type Attributes } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';

/**
 * The OpenTelemetry SDK as an app registers it (global tracer and meter providers, the async-hooks context
 * manager), exporting into memory so tests can read every span and metric the module recorded.
 */
export class InMemoryTelemetry {
  private readonly spanExporter = new InMemorySpanExporter();
  private readonly metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  private readonly metricReader = new PeriodicExportingMetricReader({
    exporter: this.metricExporter,
    exportIntervalMillis: 3_600_000,
  });
  private readonly tracerProvider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(this.spanExporter)],
  });
  private readonly meterProvider = new MeterProvider({ readers: [this.metricReader] });
  private readonly contextManager = new AsyncLocalStorageContextManager();

  static install(): InMemoryTelemetry {
    const telemetry = new InMemoryTelemetry();
    context.setGlobalContextManager(telemetry.contextManager.enable());
    trace.setGlobalTracerProvider(telemetry.tracerProvider);
    metrics.setGlobalMeterProvider(telemetry.meterProvider);
    return telemetry;
  }

  spans(): ReadableSpan[] {
    return this.spanExporter.getFinishedSpans();
  }

  /** The one finished span called `name`. */
  span(name: string): ReadableSpan {
    const found = this.spans().filter(span => span.name === name);
    if (found.length !== 1) throw new Error(`expected one span "${name}", found ${found.length}`);
    return found[0];
  }

  reset(): void {
    this.spanExporter.reset();
  }

  /** Collects and exports the metrics now; returns every data point by metric name. */
  async metrics(): Promise<Map<string, { attributes: Attributes; value: unknown }[]>> {
    this.metricExporter.reset();
    await this.metricReader.forceFlush();
    const points = new Map<string, { attributes: Attributes; value: unknown }[]>();
    for (const resource of this.metricExporter.getMetrics()) {
      for (const scope of resource.scopeMetrics) {
        for (const metric of scope.metrics) {
          const list = points.get(metric.descriptor.name) ?? [];
          for (const point of metric.dataPoints as { attributes: Attributes; value: unknown }[])
            list.push(point);
          points.set(metric.descriptor.name, list);
        }
      }
    }
    return points;
  }

  async uninstall(): Promise<void> {
    await this.tracerProvider.shutdown();
    await this.meterProvider.shutdown();
    trace.disable();
    metrics.disable();
    context.disable();
  }
}

/** Every string an exported span or metric point carries: names, attribute keys and values, event data. */
export function recordedStrings(
  spans: readonly ReadableSpan[],
  metricPoints: { attributes: Attributes }[],
): string[] {
  const strings: string[] = [];
  const addAttributes = (attributes: Attributes) => {
    for (const [key, value] of Object.entries(attributes)) strings.push(key, JSON.stringify(value));
  };
  for (const span of spans) {
    strings.push(span.name, JSON.stringify(span.status));
    addAttributes(span.attributes);
    for (const event of span.events) {
      strings.push(event.name);
      addAttributes(event.attributes ?? {});
    }
    for (const link of span.links) addAttributes(link.attributes ?? {});
  }
  for (const point of metricPoints) addAttributes(point.attributes);
  return strings;
}
