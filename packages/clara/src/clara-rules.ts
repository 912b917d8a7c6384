import type { ErrorRule } from '@issuer-errors/core';

const TWO_MINUTES_MS = 120_000;
const CORE_FAILURE_RETRY_MS = 2_000;

/**
 * How every documented Clara error maps to the taxonomy. The first matching row
 * wins; a row with a `providerCode` or `message` matches when either does.
 * Clara's guidance for each row is in `claraGuidance`.
 */
export const claraRules: readonly ErrorRule[] = [
  {
    message: /already has a card in the creation queue/i,
    code: 'operation_in_progress',
    retryable: true,
    retryAfterMs: TWO_MINUTES_MS,
  },
  {
    providerCode: 'B013',
    message: /\bB013\b|threshold exceeds company limit/i,
    code: 'credit_limit_exceeded',
  },
  {
    providerCode: 'B022',
    message: /\bB022\b|user is not activated/i,
    code: 'user_not_active',
  },
  {
    providerCode: 'B033',
    message: /\bB033\b|core service failure/i,
    code: 'core_service_failure',
    retryable: true,
    retryAfterMs: CORE_FAILURE_RETRY_MS,
    maxRetries: 1,
  },
  {
    providerCode: ['invalid_client', 'unauthorized_client', 'invalid_grant'],
    code: 'invalid_credentials',
  },
  {
    status: 400,
    message: /invalid date format|must be YYYY-MM-DD/i,
    code: 'invalid_date_format',
    field: { fromMessage: /\b(\w+) must be YYYY-MM-DD/i },
  },
  {
    status: 400,
    message:
      /date range is invalid|start(?: ?date)? must be (?:≤|<=|before|on or before|less than or equal to)|startDate (?:is )?(?:after|greater than|>) endDate/i,
    code: 'invalid_date_range',
  },
  {
    status: 400,
    message: /tax ?id|\b(?:RFC|CPF|CNPJ|NIT)\b/i,
    code: 'invalid_tax_id',
    field: 'taxId',
  },
  {
    status: 400,
    message:
      /e-?mail.*(?:already (?:exists|registered|in use|taken)|duplicate)|(?:duplicate|already exists).*e-?mail/i,
    code: 'duplicate_email',
    field: 'email',
  },
  {
    status: 400,
    message: /transactionTypeName/i,
    code: 'invalid_enum_value',
    field: 'transactionTypeName',
  },
  {
    status: 400,
    code: 'invalid_request',
  },
  {
    status: 401,
    code: 'unauthenticated',
  },
  {
    status: 403,
    code: 'forbidden',
  },
  {
    status: 404,
    code: 'not_found',
  },
  {
    status: 422,
    code: 'business_rule_violation',
  },
  {
    status: 429,
    code: 'rate_limited',
  },
  {
    status: 500,
    code: 'internal_error',
    retryAfterMs: CORE_FAILURE_RETRY_MS,
    maxRetries: 1,
  },
  {
    status: [502, 503, 504],
    code: 'upstream_unavailable',
  },
  {
    status: 511,
    code: 'client_certificate_missing',
  },
];
