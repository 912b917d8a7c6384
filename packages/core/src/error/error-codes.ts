import type { ErrorKind } from './error-kinds';

/**
 * The catalog of fine-grained canonical codes, each typed to exactly one kind.
 *
 * Tables keyed by code are typed `Record<ErrorCode, …>`, so a new code does not
 * compile until every table handles it.
 */
export const ERROR_CODES = {
  /** A 400 without a more specific code. */
  invalid_request: 'validation',
  /** Cardda's 422 field map. */
  invalid_field: 'validation',
  /** Clara: dates not `YYYY-MM-DD` (field named in `fieldErrors`). */
  invalid_date_format: 'validation',
  /** Clara: `startDate` after `endDate`. */
  invalid_date_range: 'validation',
  /** Clara: tax ID not in its country's format (`fieldErrors.taxId`). */
  invalid_tax_id: 'validation',
  /** Clara: `transactionTypeName` not PIX, TED, BILL or TRANSACTION. */
  invalid_enum_value: 'validation',
  /** Clara: a user with that email already exists (`fieldErrors.email`). */
  duplicate_email: 'validation',
  /** Missing, expired or invalid token. */
  unauthenticated: 'authentication',
  /** OAuth client credentials rejected (`invalid_client`, `invalid_grant`). */
  invalid_credentials: 'authentication',
  /** Cardda: the API key's user has not verified their email. */
  email_not_verified: 'authentication',
  /** A 403. */
  forbidden: 'permission',
  /** A 404. */
  not_found: 'not_found',
  /** Cardda's 409. */
  conflict: 'conflict',
  /** Clara: a card for this user is already in the creation queue (retry after 2 min). */
  operation_in_progress: 'conflict',
  /** Clara: any other B-code. */
  business_rule_violation: 'business_rule',
  /** Clara `B013`. */
  credit_limit_exceeded: 'business_rule',
  /** Clara `B022`. */
  user_not_active: 'business_rule',
  /** A 429. */
  rate_limited: 'rate_limited',
  /** 502, 503, 504. */
  upstream_unavailable: 'unavailable',
  /** Not sent: the issuer failed persistently and the client's breaker is open until its next probe (`rejected`). */
  breaker_open: 'unavailable',
  /** A 500. */
  internal_error: 'internal',
  /** Clara `B033`. */
  core_service_failure: 'internal',
  /** Clara's 511: no mTLS client certificate. */
  client_certificate_missing: 'configuration',
  /** Cardda's 401 `unauthorized`: no `company-id` header. */
  missing_company_id: 'configuration',
  /** A 431: the request's headers are too large (an oversized API key, token or header of the app's). */
  request_headers_too_large: 'configuration',
  /** The client cannot run as set up (ky not installed, say). */
  invalid_client_setup: 'configuration',
  /** Refused, DNS failure, unreachable, connect timeout: never connected (`rejected`). */
  connection_failed: 'network',
  /** The connection dropped after it opened (`unknown`). */
  connection_reset: 'network',
  /** The TLS handshake failed: nothing was sent (`rejected`). */
  tls_failure: 'network',
  /** A fetch failure with no more detail (`unknown`). */
  network_error: 'network',
  /** The client's time limit ran out. */
  timeout: 'timeout',
  /** The caller's signal aborted. */
  cancelled: 'cancelled',
  /** The body could not be read. */
  unreadable_response: 'invalid_response',
  /** A success body that fails its schema. */
  unexpected_response: 'invalid_response',
  /** Anything else. */
  unknown: 'unknown',
} as const satisfies Record<string, ErrorKind>;

/** A fine-grained canonical code: a key of {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes that belong to kind `K`: `ErrorCodeOf<'business_rule'>` is `'credit_limit_exceeded' | …`. */
export type ErrorCodeOf<K extends ErrorKind> = CodesByKind[K];

/** The fine codes of each kind: the map behind {@link ErrorCodeOf}. */
export type CodesByKind = {
  [Kind in ErrorKind]: {
    [C in ErrorCode]: (typeof ERROR_CODES)[C] extends Kind ? C : never;
  }[ErrorCode];
};

/** Whether `value` is a code of the {@link ERROR_CODES} catalog. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** The kind a code belongs to. */
export function kindOfCode<C extends ErrorCode>(code: C): (typeof ERROR_CODES)[C] {
  return ERROR_CODES[code];
}
