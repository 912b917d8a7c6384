/**
 * `startRecordingTelemetry`: the real OpenTelemetry SDK with in-memory exporters, for tests of what
 * a client records. Needs `@opentelemetry/api`, `@opentelemetry/sdk-trace-base` and
 * `@opentelemetry/sdk-metrics` 2.x installed beside it.
 *
 * @packageDocumentation
 */
export {
  type RecordedPoint,
  type RecordedSpan,
  type RecordingTelemetry,
  startRecordingTelemetry,
} from './recording-telemetry';
