import type { ErrorRule } from '@issuer-errors/core';

const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;

/**
 * How every documented Cardda error maps to the taxonomy: Cardda's own
 * `error` codes first (branching on `error`, never on `message`), then each
 * status for codes Cardda has not documented, keeping the code. The first
 * matching row wins. Cardda's guidance for each row is in `carddaGuidance`.
 */
export const carddaRules: readonly ErrorRule[] = [
  {
    status: 400,
    providerCode: 'bad_request',
    code: 'invalid_request',
  },
  {
    status: 401,
    providerCode: 'unauthenticated',
    code: 'unauthenticated',
  },
  {
    status: 401,
    providerCode: 'email_not_verified',
    code: 'email_not_verified',
  },
  {
    status: 401,
    providerCode: 'unauthorized',
    code: 'missing_company_id',
  },
  {
    status: 403,
    providerCode: 'forbidden',
    code: 'forbidden',
  },
  {
    status: 404,
    providerCode: 'not_found',
    code: 'not_found',
  },
  {
    status: 409,
    providerCode: 'conflict',
    code: 'conflict',
  },
  {
    status: 422,
    providerCode: 'unprocessable_entity',
    code: 'invalid_field',
  },
  {
    status: 429,
    providerCode: 'rate_limit_exceeded',
    code: 'rate_limited',
    retryAfterMs: DEFAULT_RATE_LIMIT_WAIT_MS,
  },
  {
    status: 500,
    providerCode: 'internal_error',
    code: 'internal_error',
  },
  {
    status: [502, 503, 504],
    code: 'upstream_unavailable',
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
    status: 409,
    code: 'conflict',
  },
  {
    status: 422,
    code: 'invalid_field',
  },
  {
    status: 429,
    code: 'rate_limited',
    retryAfterMs: DEFAULT_RATE_LIMIT_WAIT_MS,
  },
  {
    status: 500,
    code: 'internal_error',
  },
];
