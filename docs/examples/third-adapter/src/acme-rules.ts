import type { ErrorRule, RetryGuidance } from '@issuer-errors/core';

/** Every error Acme documents, first match wins. */
export const acmeRules: readonly ErrorRule[] = [
  {
    status: 400,
    code: 'invalid_request',
  },
  {
    status: 401,
    code: 'unauthenticated',
  },
  {
    status: 402,
    providerCode: 'insufficient_funds',
    code: 'business_rule_violation',
  },
  {
    status: 404,
    code: 'not_found',
  },
  {
    status: 429,
    code: 'rate_limited',
  },
  {
    status: 500,
    code: 'internal_error',
    maxRetries: 1,
  },
  {
    status: [502, 503],
    code: 'upstream_unavailable',
  },
];

/** Acme's retry guidance: exponential backoff from 500 ms with full jitter, at most 10 s. */
export const acmeRetry: RetryGuidance = {
  backoff: { baseMs: 500, factor: 2, maxMs: 10_000, jitter: 'full' },
};
