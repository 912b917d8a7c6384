import type { Attributes, AttributeValue } from '@opentelemetry/api';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** A span as recorded: its name, kind, attributes and events. */
export interface RecordedSpan {
  readonly name: string;
  /** OpenTelemetry's `SpanKind`: 0 internal, 2 client. */
  readonly kind: number;
  readonly attributes: Attributes;
  readonly events: ReadonlyArray<{ readonly name: string; readonly attributes: Attributes }>;
  /** The span id of its parent, when it has one. */
  readonly parentSpanId: string | undefined;
  readonly spanId: string;
}

/** One point of a metric: its attributes and its value (a number, or a histogram's count and sum). */
export interface RecordedPoint {
  readonly attributes: Attributes;
  readonly value: number | { readonly count: number; readonly sum?: number | undefined };
}

/** What {@link startRecordingTelemetry} gives a test. */
export interface RecordingTelemetry {
  /** Hand it to a client's `telemetry` option. */
  readonly telemetry: {
    readonly tracer: ReturnType<BasicTracerProvider['getTracer']>;
    readonly meter: ReturnType<MeterProvider['getMeter']>;
  };
  /** The spans ended so far, in the order they ended. */
  spans(): RecordedSpan[];
  /** The metrics recorded so far: each metric's points, by the metric's name. */
  metrics(): Promise<Map<string, RecordedPoint[]>>;
  /** Every text any span attribute, span event or metric attribute holds, names included: to search for a secret. */
  everyText(): Promise<string[]>;
  shutdown(): Promise<void>;
}

/** Collects when asked, as a test wants. */
class OnDemandReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/**
 * The real OpenTelemetry SDK (`@opentelemetry/sdk-trace-base` and `@opentelemetry/sdk-metrics`
 * 2.x), its spans and metrics kept in memory for a test to read.
 *
 * @example
 * const recording = startRecordingTelemetry();
 * const cardda = createCarddaClient({ ...options, telemetry: recording.telemetry });
 * await cardda.get('/banking/bank_transactions');
 * expect(recording.spans().map((span) => span.name)).toEqual(['GET /v1/banking/bank_transactions', 'cardda GET /v1/banking/bank_transactions']);
 */
export function startRecordingTelemetry(): RecordingTelemetry {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const reader = new OnDemandReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  const spans = () => exporter.getFinishedSpans().map(toRecordedSpan);
  const metrics = async () => {
    const { resourceMetrics } = await reader.collect();
    const byName = new Map<string, RecordedPoint[]>();
    for (const { metrics: recorded } of resourceMetrics.scopeMetrics) {
      for (const { descriptor, dataPoints } of recorded) {
        const points = (dataPoints as Array<{ attributes: Attributes; value: unknown }>).map(
          ({ attributes, value }) => ({ attributes, value: value as RecordedPoint['value'] }),
        );
        byName.set(descriptor.name, [...(byName.get(descriptor.name) ?? []), ...points]);
      }
    }
    return byName;
  };
  return {
    telemetry: {
      tracer: tracerProvider.getTracer('@issuer-errors/testing'),
      meter: meterProvider.getMeter('@issuer-errors/testing'),
    },
    spans,
    metrics,
    async everyText() {
      const attributeSets = spans().flatMap((span) => [
        span.attributes,
        ...span.events.map((event) => event.attributes),
      ]);
      for (const points of (await metrics()).values()) {
        attributeSets.push(...points.map((point) => point.attributes));
      }
      const texts = spans().flatMap((span) => [
        span.name,
        ...span.events.map((event) => event.name),
      ]);
      for (const attributes of attributeSets) {
        for (const [name, value] of Object.entries(attributes)) texts.push(name, ...textsOf(value));
      }
      return texts;
    },
    async shutdown() {
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
}

function toRecordedSpan(span: ReadableSpan): RecordedSpan {
  return {
    name: span.name,
    kind: span.kind,
    attributes: span.attributes,
    events: span.events.map((event) => ({ name: event.name, attributes: event.attributes ?? {} })),
    parentSpanId: span.parentSpanContext?.spanId,
    spanId: span.spanContext().spanId,
  };
}

function textsOf(value: AttributeValue | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}
