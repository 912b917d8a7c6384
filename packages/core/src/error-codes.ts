import type { ErrorKind } from './error-kinds';

/**
 * The catalog of fine-grained canonical codes, each typed to exactly one kind.
 *
 * Tables keyed by code are typed `Record<ErrorCode, …>`, so a new code does not
 * compile until every table handles it.
 */
export const ERROR_CODES = {
  invalid_request: 'validation',
  invalid_field: 'validation',
  invalid_date_format: 'validation',
  invalid_date_range: 'validation',
  invalid_tax_id: 'validation',
  invalid_enum_value: 'validation',
  duplicate_email: 'validation',
  unauthenticated: 'authentication',
  invalid_credentials: 'authentication',
  email_not_verified: 'authentication',
  forbidden: 'permission',
  not_found: 'not_found',
  conflict: 'conflict',
  operation_in_progress: 'conflict',
  business_rule_violation: 'business_rule',
  credit_limit_exceeded: 'business_rule',
  user_not_active: 'business_rule',
  rate_limited: 'rate_limited',
  upstream_unavailable: 'unavailable',
  internal_error: 'internal',
  core_service_failure: 'internal',
  client_certificate_missing: 'configuration',
  missing_company_id: 'configuration',
  invalid_client_setup: 'configuration',
  connection_failed: 'network',
  connection_reset: 'network',
  tls_failure: 'network',
  network_error: 'network',
  timeout: 'timeout',
  cancelled: 'cancelled',
  unreadable_response: 'invalid_response',
  unexpected_response: 'invalid_response',
  unknown: 'unknown',
} as const satisfies Record<string, ErrorKind>;

/** A fine-grained canonical code: a key of {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes that belong to kind `K`: `ErrorCodeOf<'business_rule'>` is `'credit_limit_exceeded' | …`. */
export type ErrorCodeOf<K extends ErrorKind> = CodesByKind[K];

type CodesByKind = {
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
