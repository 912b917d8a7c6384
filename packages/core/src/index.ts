/**
 * The taxonomy (`ERROR_KINDS`, `ERROR_CODES`), `IssuerError`, `matchError`, the adapter factory `defineAdapter`, header and body helpers, neverthrow `Result` aliases, and log and trace fields (`toLogFields`, `toOtelAttributes`, `recordOnSpan`).
 *
 * @packageDocumentation
 */
export type {
  AdapterConfig,
  BackoffPolicy,
  ErrorBodyFields,
  ErrorRule,
  FieldErrorSource,
  FromResponseOptions,
  IssuerAdapter,
  KeysOf,
  RawErrorInput,
  RetryGuidance,
  RuleGuidance,
} from './adapter/adapter-types';
export { defineAdapter } from './adapter/define-adapter';
export {
  type LenientBody,
  type LenientFieldType,
  type LenientFieldValue,
  type LenientShape,
  lenientObject,
} from './adapter/lenient-object';
export { computeBackoffMs, MAX_BACKOFF_MS } from './backoff';
export {
  type CodesByKind,
  ERROR_CODES,
  type ErrorCode,
  type ErrorCodeOf,
  isErrorCode,
  kindOfCode,
} from './error-codes';
export { ERROR_KINDS, type ErrorKind, isErrorKind } from './error-kinds';
export {
  addFieldError,
  DEFAULT_DETAILS_SHAPE,
  type DetailsShape,
  type FieldErrors,
  fieldErrorsFromDetails,
  fieldErrorsFromMap,
  mergeFieldErrors,
} from './field-errors';
export { classifyThrown, type ThrownClassification } from './from-thrown';
export { getHeader, type HeadersInput, headerEntries } from './headers';
export { parseHttpDate } from './http-date';
export { IssuerError, isIssuerError } from './issuer-error';
export { issuerErrorFromJSON } from './issuer-error-json';
export type { IssuerErrorInit, IssuerErrorJson, RawResponseSnapshot } from './issuer-error-types';
export { type ErrorOutcome, KIND_DEFAULTS, type KindDefaults } from './kind-defaults';
export { maskCardNumbers } from './mask-card-numbers';
export { type ErrorHandlers, matchError } from './match-error';
export { recordOnSpan, type SpanLike } from './observability/record-on-span';
export { type IssuerErrorLogFields, toLogFields } from './observability/to-log-fields';
export {
  type AttributeValue,
  type IssuerErrorAttributes,
  type ObservedError,
  toOtelAttributes,
} from './observability/to-otel-attributes';
export {
  type ProblemDetails,
  type ProblemDetailsOptions,
  type ProblemFieldError,
  toProblemDetails,
} from './problem-details';
export { createMemoryRateStore, type MemoryRateStore } from './rate/memory-rate-store';
export type {
  RateBucket,
  RateBudget,
  RateClass,
  RateLimitOptions,
  RateStore,
  RateTake,
  ReadWriteBudgets,
} from './rate/rate-types';
export {
  type BoundedText,
  MAX_ERROR_BODY_BYTES,
  type ReadBoundedTextOptions,
  readBoundedText,
} from './read-body';
export { isSensitiveKey, MAX_RAW_BODY_BYTES, redactBody } from './redact-body';
export { ALLOWED_HEADERS, redactHeaders } from './redact-headers';
export { REDACTED, redactSecretsInText } from './redact-secrets';
export { getRequestId, REQUEST_ID_HEADERS } from './request-id';
export {
  err,
  type IssuerResult,
  type IssuerResultAsync,
  ok,
  type Result,
  ResultAsync,
  tryIssuerCall,
} from './result';
export {
  clampDelayMs,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  retryAfterFromHeaders,
} from './retry-after';
export { toSafeCause } from './safe-cause';
export { MAX_MESSAGE_BYTES, toSafeLine, truncateToBytes } from './sanitize-text';
export type {
  InferSchemaOutput,
  StandardSchemaIssue,
  StandardSchemaResult,
  StandardSchemaV1,
} from './standard-schema';
