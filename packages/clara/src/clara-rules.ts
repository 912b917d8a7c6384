import { type ErrorRule, statusRules } from '@issuer-errors/core';

const TWO_MINUTES_MS = 120_000;
const CORE_FAILURE_RETRY_MS = 2_000;

/**
 * How every documented Clara error maps to the taxonomy. The first matching row
 * wins; a row with a `providerCode` or `message` matches when either does.
 * Clara's guidance for each row is in `claraGuidance`.
 */
export const claraRules: readonly ErrorRule[] = [
  {
    id: 'queued-card',
    message: /already has a card in the creation queue/i,
    code: 'operation_in_progress',
    retryable: true,
    retryAfterMs: TWO_MINUTES_MS,
  },
  {
    id: 'B013',
    providerCode: 'B013',
    message: /\bB013\b|threshold exceeds company limit/i,
    code: 'credit_limit_exceeded',
  },
  {
    id: 'B022',
    providerCode: 'B022',
    message: /\bB022\b|user is not activated/i,
    code: 'user_not_active',
  },
  {
    id: 'B033',
    providerCode: 'B033',
    message: /\bB033\b|core service failure/i,
    code: 'core_service_failure',
    retryable: true,
    retryAfterMs: CORE_FAILURE_RETRY_MS,
    maxRetries: 1,
  },
  {
    id: 'oauth-client',
    providerCode: ['invalid_client', 'unauthorized_client', 'invalid_grant'],
    code: 'invalid_credentials',
  },
  {
    id: 'date-format',
    status: 400,
    message: /invalid date format|must be YYYY-MM-DD/i,
    code: 'invalid_date_format',
    field: { fromMessage: /\b(\w+) must be YYYY-MM-DD/i },
  },
  {
    id: 'date-range',
    status: 400,
    message:
      /date range is invalid|start(?: ?date)? must be (?:≤|<=|before|on or before|less than or equal to)|startDate (?:is )?(?:after|greater than|>) endDate/i,
    code: 'invalid_date_range',
  },
  {
    id: 'tax-id',
    status: 400,
    message: /tax ?id|\b(?:RFC|CPF|CNPJ|NIT)\b/i,
    code: 'invalid_tax_id',
    field: 'taxId',
  },
  {
    id: 'duplicate-email',
    status: 400,
    message:
      /e-?mail.*(?:already (?:exists|registered|in use|taken)|duplicate)|(?:duplicate|already exists).*e-?mail/i,
    code: 'duplicate_email',
    field: 'email',
  },
  {
    id: 'transaction-type',
    status: 400,
    message: /transactionTypeName/i,
    code: 'invalid_enum_value',
    field: 'transactionTypeName',
  },
  {
    id: 'upstream',
    status: [502, 503, 504],
    code: 'upstream_unavailable',
  },
  {
    id: 'client-certificate',
    status: 511,
    code: 'client_certificate_missing',
  },
  ...statusRules([400, 401, 403, 404, 422, 429, 431, 500], {
    422: { code: 'business_rule_violation' },
    500: { retryAfterMs: CORE_FAILURE_RETRY_MS, maxRetries: 1 },
  }),
];
