import type { ErrorRule } from '@issuer-errors/core';

const TWO_MINUTES_MS = 120_000;
const CORE_FAILURE_RETRY_MS = 2_000;

/**
 * How every documented Clara error maps to the taxonomy. The first matching row
 * wins; a row with a `providerCode` or `message` matches when either does.
 * Descriptions and actions are Clara's own guidance.
 */
export const claraRules: readonly ErrorRule[] = [
  {
    message: /already has a card in the creation queue/i,
    code: 'operation_in_progress',
    retryable: true,
    retryAfterMs: TWO_MINUTES_MS,
    description:
      'This user already has a card in the creation queue. Concurrent card creation for the same user is not allowed.',
    action: 'Wait for the in-progress creation to complete or time out (~2 min) before retrying.',
  },
  {
    providerCode: 'B013',
    message: /\bB013\b|threshold exceeds company limit/i,
    code: 'credit_limit_exceeded',
    description: "B013: the card threshold exceeds the company's available credit line.",
    action: 'Set a lower threshold or contact your Clara account team to review credit limits.',
  },
  {
    providerCode: 'B022',
    message: /\bB022\b|user is not activated/i,
    code: 'user_not_active',
    description:
      "B022: the target user hasn't completed email verification or 2FA setup, or has been deleted.",
    action: 'Verify the user is active in the Clara platform before issuing a card.',
  },
  {
    providerCode: 'B033',
    message: /\bB033\b|core service failure/i,
    code: 'core_service_failure',
    retryable: true,
    retryAfterMs: CORE_FAILURE_RETRY_MS,
    maxRetries: 1,
    description: 'B033: internal processing failure.',
    action: 'Retry once after 2–5 seconds; if persistent, contact integration support.',
  },
  {
    providerCode: ['invalid_client', 'unauthorized_client', 'invalid_grant'],
    code: 'invalid_credentials',
    description: 'The OAuth client credentials were rejected by /oauth/token.',
    action: 'Check the client id and client secret; a token refresh will not help.',
  },
  {
    status: 400,
    message: /invalid date format|must be YYYY-MM-DD/i,
    code: 'invalid_date_format',
    field: { fromMessage: /\b(\w+) must be YYYY-MM-DD/i },
    description: 'Dates must be YYYY-MM-DD (ISO 8601), with no slashes or other separators.',
    action: 'Send the named date as YYYY-MM-DD.',
  },
  {
    status: 400,
    message:
      /date range is invalid|start(?: ?date)? must be (?:≤|<=|before|on or before|less than or equal to)|startDate (?:is )?(?:after|greater than|>) endDate/i,
    code: 'invalid_date_range',
    description: 'The date range is invalid: startDate must be ≤ endDate.',
    action: 'Send a start date on or before the end date.',
  },
  {
    status: 400,
    message: /tax ?id|\b(?:RFC|CPF|CNPJ|NIT)\b/i,
    code: 'invalid_tax_id',
    field: 'taxId',
    description:
      'The tax ID does not match its country format: MX 11 or 13 characters, BR 11 digits, CO 7–10 digits.',
    action: "Fix the tax ID to its country's format.",
  },
  {
    status: 400,
    message:
      /e-?mail.*(?:already (?:exists|registered|in use|taken)|duplicate)|(?:duplicate|already exists).*e-?mail/i,
    code: 'duplicate_email',
    field: 'email',
    description: 'A user with that email already exists in the company.',
    action: 'Use another email, or look up the existing user instead of creating one.',
  },
  {
    status: 400,
    message: /transactionTypeName/i,
    code: 'invalid_enum_value',
    field: 'transactionTypeName',
    description: 'transactionTypeName must be one of: PIX, TED, BILL, TRANSACTION.',
    action: 'Send one of PIX, TED, BILL or TRANSACTION.',
  },
  {
    status: 400,
    code: 'invalid_request',
    description: 'Bad request: invalid parameters or missing required fields.',
    action: 'Fix the request body or query parameters before retrying.',
  },
  {
    status: 401,
    code: 'unauthenticated',
    description:
      'Missing, expired or invalid Bearer token, or no mTLS client certificate presented: both arrive as { "message": "Unauthorized" }.',
    action:
      'Request a new token from /oauth/token and retry once (the client does this); if it persists, check that the client certificate is sent.',
  },
  {
    status: 403,
    code: 'forbidden',
    description: "Valid token, but the user's role lacks access to the endpoint.",
    action: 'Confirm the API user has the COMPANY_OWNER or required role; retrying will not help.',
  },
  {
    status: 404,
    code: 'not_found',
    description: 'The resource does not exist.',
    action: 'Verify the UUID or path parameter.',
  },
  {
    status: 422,
    code: 'business_rule_violation',
    description: 'Well-formed, but fails business validation.',
    action: 'Check the provider code for the specific Clara error code.',
  },
  {
    status: 429,
    code: 'rate_limited',
    description:
      'Rate limit exceeded (limits are per client certificate, lower for writes than for reads).',
    action:
      'Back off exponentially with jitter: 2^attempt s + up to 1 s; a Retry-After header wins when sent.',
  },
  {
    status: 500,
    code: 'internal_error',
    retryAfterMs: CORE_FAILURE_RETRY_MS,
    maxRetries: 1,
    description: 'Internal server error.',
    action: 'Retry once after 2–5 seconds; if persistent, contact support.',
  },
  {
    status: [502, 503, 504],
    code: 'upstream_unavailable',
    description: 'A gateway or upstream failure before or after Clara handled the request.',
    action: 'Retry with backoff.',
  },
  {
    status: 511,
    code: 'client_certificate_missing',
    description:
      'Network authentication required: the mTLS client certificate is missing or not sent.',
    action: 'Check the client certificate configuration (cert and key on every request).',
  },
];
