import type { IssuerError } from '@issuer-errors/core';

/** What pino, winston and console-like loggers have in common. */
export interface Logger {
  error(fields: object, message: string): void;
}

/** The part of an OpenTelemetry span this needs (no dependency on `@opentelemetry/api`). */
export interface SpanLike {
  setAttributes(attributes: Record<string, string | number | boolean>): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  recordException(exception: Error): unknown;
}

const SPAN_STATUS_ERROR = 2;

/** One structured line per final error: every field is cleaned and safe to keep in logs. */
export function logIssuerError(logger: Logger, error: IssuerError): void {
  logger.error({ issuer: error.toJSON() }, `${error.provider} ${error.kind}/${error.code}`);
}

/** OpenTelemetry's `error.type` and `http.response.status_code`, plus the issuer's facts. */
export function recordIssuerError(span: SpanLike, error: IssuerError): void {
  span.setAttributes({
    'error.type': error.code,
    ...(error.status === undefined ? {} : { 'http.response.status_code': error.status }),
    'issuer.provider': error.provider,
    'issuer.kind': error.kind,
    'issuer.code': error.code,
    ...(error.requestId === undefined ? {} : { 'issuer.request_id': error.requestId }),
    'issuer.retryable': error.retryable,
    'issuer.attempts': error.attempts ?? 1,
  });
  span.recordException(error);
  span.setStatus({ code: SPAN_STATUS_ERROR, message: error.message });
}
