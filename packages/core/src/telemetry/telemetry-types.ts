/**
 * The parts of OpenTelemetry's `Tracer` and `Meter` a client uses. Any tracer and meter of
 * `@opentelemetry/api` 1.9 or later fits; the types are written out here so that an app without
 * OpenTelemetry type-checks too.
 */
export interface TracerLike {
  /** Starts a span; `context` is OpenTelemetry's `Context`. */
  startSpan(name: string, options?: object, context?: unknown): unknown;
}

/** The part of OpenTelemetry's `Meter` a client uses. */
export interface MeterLike {
  /** Makes a histogram. */
  createHistogram(name: string, options?: object): unknown;
  /** Makes a counter. */
  createCounter(name: string, options?: object): unknown;
  /** Makes a gauge (`@opentelemetry/api` 1.9 or later). */
  createGauge?(name: string, options?: object): unknown;
}

/**
 * Where a client's spans and metrics go. Default: OpenTelemetry's global tracer and meter
 * providers, when `@opentelemetry/api` is installed (with no SDK registered, they record nothing
 * and cost next to nothing). `false` turns telemetry off.
 */
export interface TelemetryOptions {
  /** The tracer of the call and attempt spans. Default: the global provider's, named `@issuer-errors/core`. */
  readonly tracer?: TracerLike;
  /** The meter of the client's metrics. Default: the global provider's, named `@issuer-errors/core`. */
  readonly meter?: MeterLike;
}
