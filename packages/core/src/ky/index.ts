/**
 * `createIssuerClient`: a ky-based client whose calls return `ResultAsync<T, IssuerError>`, with a retry engine that never replays a write the provider may have acted on.
 *
 * @packageDocumentation
 */

export type {
  InferSchemaOutput,
  StandardSchemaIssue,
  StandardSchemaResult,
  StandardSchemaV1,
} from '../adapter/standard-schema';
export type { OutageReport } from '../client/outage-report';
export type { RetryEvent } from '../client/retry-engine';
export type { AccessTokenSource } from '../client/token-coordinator';
// The options' types; a store's own types are on the main entry.
export type { IssuerHealthOptions } from '../health/health-types';
export type {
  RateBudget,
  RateLimitOptions,
  RateStore,
  ReadWriteBudgets,
} from '../rate/rate-types';
export type { MeterLike, TelemetryOptions, TracerLike } from '../telemetry/telemetry-types';
export { urlProblem } from './client-setup';
export type {
  HttpMethod,
  IssuerClient,
  IssuerClientOptions,
  KyInstanceLike,
  RequestOptions,
} from './client-types';
export { createIssuerClient } from './create-issuer-client';
export { joinUrl } from './join-url';
