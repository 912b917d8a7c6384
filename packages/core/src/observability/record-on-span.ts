import { toLogFields } from './to-log-fields';
import type { ObservedError } from './to-otel-attributes';

/** The part of an OpenTelemetry `Span` that {@link recordOnSpan} uses; any span-like object fits. */
export interface SpanLike {
  /** Sets attributes on the span. */
  setAttributes(attributes: Record<string, string | number | boolean | readonly string[]>): unknown;
  /** Sets the span's status. */
  setStatus(status: { code: number; message?: string }): unknown;
  /** Adds an `exception` event. */
  recordException?(exception: { name: string; message: string; code?: string }): unknown;
}

/** OpenTelemetry's `SpanStatusCode.ERROR`. */
const SPAN_STATUS_ERROR = 2;

/**
 * Marks a span as failed by this error: its attributes ({@link toOtelAttributes}), status
 * `ERROR` with the fine code as description, and an `exception` event of name, message and code
 * (no stack, no body). Never throws, even when the span does.
 *
 * @example
 * const result = await cardda.post('/banking/bank_recipients', { json });
 * if (result.isErr()) recordOnSpan(trace.getActiveSpan(), result.error);
 */
export function recordOnSpan(
  span: SpanLike | undefined | null,
  error: ObservedError & { readonly message?: unknown },
): void {
  if (typeof span !== 'object' || span === null) return;
  const { 'error.message': message, ...attributes } = toLogFields(error);
  const code = attributes['issuer.code'] ?? attributes['error.type'];
  attempt(() => span.setAttributes(attributes));
  attempt(() => span.setStatus({ code: SPAN_STATUS_ERROR, message: code }));
  attempt(() => span.recordException?.({ name: 'IssuerError', message: message ?? code, code }));
}

function attempt(call: () => unknown): void {
  try {
    call();
  } catch {}
}
