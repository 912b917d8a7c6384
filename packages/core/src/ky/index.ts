/**
 * `createIssuerClient`: a ky-based client whose calls return `ResultAsync<T, IssuerError>`, with a retry engine that never replays a write the provider may have acted on.
 *
 * @packageDocumentation
 */

// The options' types; a store's own types are on the main entry.
export type {
  RateBudget,
  RateLimitOptions,
  RateStore,
  ReadWriteBudgets,
} from '../rate/rate-types';
export type {
  InferSchemaOutput,
  StandardSchemaIssue,
  StandardSchemaResult,
  StandardSchemaV1,
} from '../standard-schema';
export type {
  AccessTokenSource,
  HttpMethod,
  IssuerClient,
  IssuerClientOptions,
  KyInstanceLike,
  RequestOptions,
  RetryEvent,
} from './client-types';
export { createIssuerClient } from './create-issuer-client';
export { joinUrl } from './join-url';
