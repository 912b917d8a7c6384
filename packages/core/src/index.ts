/**
 * The taxonomy (`ERROR_KINDS`, `ERROR_CODES`), `IssuerError`, `matchError`, the adapter factory `defineAdapter` with `lenientObject` and `statusRules`, neverthrow `Result` aliases, rate stores, text made safe for logs, problem+json, and log and trace fields (`toLogFields`, `toOtelAttributes`, `recordOnSpan`).
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
  RetryPolicy,
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
export type {
  InferSchemaOutput,
  StandardSchemaIssue,
  StandardSchemaResult,
  StandardSchemaV1,
} from './adapter/standard-schema';
export { type FallbackStatus, type StatusRuleChange, statusRules } from './adapter/status-rules';
export { computeBackoffMs } from './client/backoff';
export type { OutageReport } from './client/outage-report';
export {
  type CodesByKind,
  ERROR_CODES,
  type ErrorCode,
  type ErrorCodeOf,
  isErrorCode,
  kindOfCode,
} from './error/error-codes';
export { ERROR_KINDS, type ErrorKind, isErrorKind } from './error/error-kinds';
export {
  addFieldError,
  DEFAULT_DETAILS_SHAPE,
  type DetailsShape,
  type FieldErrors,
  fieldErrorsFromDetails,
  fieldErrorsFromMap,
} from './error/field-errors';
export { IssuerError, isIssuerError } from './error/issuer-error';
export { issuerErrorFromJSON } from './error/issuer-error-json';
export type {
  ErrorOutcome,
  IssuerErrorInit,
  IssuerErrorJson,
  RawResponseSnapshot,
  RetryRefusal,
} from './error/issuer-error-types';
export { type ErrorHandlers, matchError } from './error/match-error';
export {
  err,
  type IssuerResult,
  type IssuerResultAsync,
  ok,
  type Result,
  ResultAsync,
  tryIssuerCall,
} from './error/result';
export { HEALTH_WINDOW_MS, MAX_REQUEST_IDS, PROBE_POLL_MS } from './health/health-settings';
export type {
  Admission,
  AttemptRecord,
  HealthBucket,
  HealthSettings,
  HealthStore,
  HealthVerdict,
  IssuerHealthOptions,
  OutageFailures,
  OutageSnapshot,
} from './health/health-types';
export { createMemoryHealthStore, type MemoryHealthStore } from './health/memory-health-store';
export type { HeadersInput } from './http/headers';
export { getRequestId } from './http/request-id';
export { MAX_RETRY_AFTER_MS } from './http/retry-after';
export { recordOnSpan, type SpanLike } from './observability/record-on-span';
export { type IssuerErrorLogFields, toLogFields } from './observability/to-log-fields';
export {
  type AttributeValue,
  type IssuerErrorAttributes,
  type ObservedError,
  toOtelAttributes,
} from './observability/to-otel-attributes';
export { KIND_DEFAULTS, type KindDefaults } from './problem-details/kind-defaults';
export {
  type ProblemDetails,
  type ProblemDetailsOptions,
  type ProblemFieldError,
  toProblemDetails,
} from './problem-details/problem-details';
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
export { maskCardNumbers } from './safety/mask-card-numbers';
export { MAX_RAW_BODY_BYTES } from './safety/redact-body';
export { redactSecretsInText } from './safety/redact-secrets';
export { MAX_MESSAGE_BYTES, toSafeLine } from './safety/safe-text';
