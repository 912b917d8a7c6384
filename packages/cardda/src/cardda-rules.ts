import { type ErrorRule, statusRules } from '@issuer-errors/core';

const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;

/**
 * How every documented Cardda error maps to the taxonomy: Cardda's own
 * `error` codes first (branching on `error`, never on `message`), then each
 * status for codes Cardda has not documented, keeping the code. The first
 * matching row wins. Cardda's guidance for each row is in `carddaGuidance`.
 */
export const carddaRules: readonly ErrorRule[] = [
  {
    id: 'bad_request',
    status: 400,
    providerCode: 'bad_request',
    code: 'invalid_request',
  },
  {
    id: 'unauthenticated',
    status: 401,
    providerCode: 'unauthenticated',
    code: 'unauthenticated',
  },
  {
    id: 'email_not_verified',
    status: 401,
    providerCode: 'email_not_verified',
    code: 'email_not_verified',
  },
  {
    id: 'unauthorized',
    status: 401,
    providerCode: 'unauthorized',
    code: 'missing_company_id',
  },
  {
    id: 'forbidden',
    status: 403,
    providerCode: 'forbidden',
    code: 'forbidden',
  },
  {
    id: 'not_found',
    status: 404,
    providerCode: 'not_found',
    code: 'not_found',
  },
  {
    id: 'conflict',
    status: 409,
    providerCode: 'conflict',
    code: 'conflict',
  },
  {
    id: 'unprocessable_entity',
    status: 422,
    providerCode: 'unprocessable_entity',
    code: 'invalid_field',
  },
  {
    id: 'rate_limit_exceeded',
    status: 429,
    providerCode: 'rate_limit_exceeded',
    code: 'rate_limited',
    retryAfterMs: DEFAULT_RATE_LIMIT_WAIT_MS,
  },
  {
    id: 'internal_error',
    status: 500,
    providerCode: 'internal_error',
    code: 'internal_error',
  },
  {
    id: 'upstream',
    status: [502, 503, 504],
    code: 'upstream_unavailable',
  },
  ...statusRules([400, 401, 403, 404, 409, 422, 429, 431, 500], {
    429: { retryAfterMs: DEFAULT_RATE_LIMIT_WAIT_MS },
  }),
];
