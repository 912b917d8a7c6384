import type { ErrorRule } from '@issuer-errors/core';

const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;

/**
 * How every documented Cardda error maps to the taxonomy: Cardda's own
 * `error` codes first (branching on `error`, never on `message`), then each
 * status for codes Cardda has not documented, keeping the code. The first
 * matching row wins. Descriptions and actions are Cardda's own guidance.
 */
export const carddaRules: readonly ErrorRule[] = [
  {
    status: 400,
    providerCode: 'bad_request',
    code: 'invalid_request',
    description:
      'The request body or query string is malformed (invalid JSON, wrong types, missing required field).',
    action: 'Inspect the message field. Fix and retry.',
  },
  {
    status: 401,
    providerCode: 'unauthenticated',
    code: 'unauthenticated',
    description: 'Missing or invalid Authorization header.',
    action: 'Verify the API key is active and not revoked.',
  },
  {
    status: 401,
    providerCode: 'email_not_verified',
    code: 'email_not_verified',
    description: 'The user owning the API key has not verified their email.',
    action: 'Ask the user to confirm their email.',
  },
  {
    status: 401,
    providerCode: 'unauthorized',
    code: 'missing_company_id',
    description:
      'The company-id header was required but absent (often a bare {"error": "unauthorized"}).',
    action: 'Add the company-id header.',
  },
  {
    status: 403,
    providerCode: 'forbidden',
    code: 'forbidden',
    description:
      'Authenticated, but the policy denies this action (insufficient role, the resource belongs to another company, etc.).',
    action: "Check the user's role in the company.",
  },
  {
    status: 404,
    providerCode: 'not_found',
    code: 'not_found',
    description:
      'Resource not found — or company-id names a company the user is not a member of: Cardda answers 404 in both cases by design.',
    action: 'Check the id, and that company-id is a company this API key belongs to.',
  },
  {
    status: 409,
    providerCode: 'conflict',
    code: 'conflict',
    description:
      'The action conflicts with current state (e.g. authorizing an already authorized transaction, enrolling an existing recipient).',
    action: 'Re-fetch the resource and reconcile; do not retry as is.',
  },
  {
    status: 422,
    providerCode: 'unprocessable_entity',
    code: 'invalid_field',
    description: 'Validation failed on POST / PATCH / PUT; the body lists errors by field.',
    action: 'Show each field error next to its form field, fix and resend.',
  },
  {
    status: 429,
    providerCode: 'rate_limit_exceeded',
    code: 'rate_limited',
    retryAfterMs: DEFAULT_RATE_LIMIT_WAIT_MS,
    description: 'Too many requests.',
    action: 'Wait for Retry-After (else the body’s retry_after seconds, else 1 s), then retry.',
  },
  {
    status: 500,
    providerCode: 'internal_error',
    code: 'internal_error',
    description: "Unexpected error on Cardda's side.",
    action: 'Retry with exponential backoff; if it persists, contact Cardda with the X-Request-Id.',
  },
  {
    status: [502, 503, 504],
    code: 'upstream_unavailable',
    description: 'Temporary upstream issue (a banking partner, a card issuer).',
    action: 'Retry with backoff.',
  },
  {
    status: 400,
    code: 'invalid_request',
    description: 'A 400 with an error code Cardda does not document.',
    action: 'Inspect the message field. Fix and retry.',
  },
  {
    status: 401,
    code: 'unauthenticated',
    description: 'A 401 with an error code Cardda does not document.',
    action: 'Verify the API key and the company-id header.',
  },
  {
    status: 403,
    code: 'forbidden',
    description: 'A 403 with an error code Cardda does not document.',
    action: "Check the user's role in the company.",
  },
  {
    status: 404,
    code: 'not_found',
    description: 'A 404 with an error code Cardda does not document.',
    action: 'Check the id and the company-id header.',
  },
  {
    status: 409,
    code: 'conflict',
    description: 'A 409 with an error code Cardda does not document.',
    action: 'Re-fetch the resource and reconcile.',
  },
  {
    status: 422,
    code: 'invalid_field',
    description:
      'A validation error as a bare { errors: { field: [...] } } map, or with an undocumented code.',
    action: 'Show each field error next to its form field, fix and resend.',
  },
  {
    status: 429,
    code: 'rate_limited',
    retryAfterMs: DEFAULT_RATE_LIMIT_WAIT_MS,
    description: 'A 429 with an error code Cardda does not document.',
    action: 'Wait for Retry-After (else 1 s), then retry.',
  },
  {
    status: 500,
    code: 'internal_error',
    description: 'A 500 with an error code Cardda does not document.',
    action: 'Retry with exponential backoff; if it persists, contact Cardda with the X-Request-Id.',
  },
];
