import type { Attributes } from '@opentelemetry/api';
import {
  type DataPoint,
  type Histogram,
  MeterProvider,
  type MetricData,
  MetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** A metric reader that collects when asked, as a test wants. */
class CollectingReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/** One metric's points, as the SDK aggregated them. */
export interface RecordedMetric {
  readonly name: string;
  readonly unit: string;
  readonly points: ReadonlyArray<{
    readonly attributes: Attributes;
    readonly value: number | Histogram;
  }>;
}

/** The real OpenTelemetry SDK, its spans and metrics kept in memory. */
export interface RecordingSdk {
  readonly tracer: ReturnType<BasicTracerProvider['getTracer']>;
  readonly meter: ReturnType<MeterProvider['getMeter']>;
  readonly tracerProvider: BasicTracerProvider;
  readonly meterProvider: MeterProvider;
  /** The spans ended so far, in the order they ended. */
  spans(): ReadableSpan[];
  /** The metrics recorded so far, by name. */
  metrics(): Promise<Map<string, RecordedMetric>>;
  shutdown(): Promise<void>;
}

/** Starts a tracer and a meter of the SDK with in-memory exporters. */
export function startRecordingSdk(): RecordingSdk {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const reader = new CollectingReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  return {
    tracer: tracerProvider.getTracer('test'),
    meter: meterProvider.getMeter('test'),
    tracerProvider,
    meterProvider,
    spans: () => exporter.getFinishedSpans(),
    async metrics() {
      const { resourceMetrics } = await reader.collect();
      const byName = new Map<string, RecordedMetric>();
      for (const scope of resourceMetrics.scopeMetrics) {
        for (const metric of scope.metrics) byName.set(metric.descriptor.name, toRecorded(metric));
      }
      return byName;
    },
    async shutdown() {
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
}

function toRecorded(metric: MetricData): RecordedMetric {
  const points = (metric.dataPoints as DataPoint<number | Histogram>[]).map((point) => ({
    attributes: point.attributes,
    value: point.value,
  }));
  return { name: metric.descriptor.name, unit: metric.descriptor.unit, points };
}
