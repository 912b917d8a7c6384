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
export type {
  InferSchemaOutput,
  StandardSchemaIssue,
  StandardSchemaResult,
  StandardSchemaV1,
} from './standard-schema';
