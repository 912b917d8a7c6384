import { type ErrorRule, type RetryPolicy, statusRules } from '@issuer-errors/core';

/** Every error Acme documents, first match wins; its guidance is kept by each row's `id`. */
export const acmeRules: readonly ErrorRule[] = [
  {
    id: 'insufficient_funds',
    status: 402,
    providerCode: 'insufficient_funds',
    code: 'business_rule_violation',
  },
  {
    id: 'upstream',
    status: [502, 503],
    code: 'upstream_unavailable',
  },
  // Any other code on these statuses: core's row for each status, with Acme's documented retries.
  ...statusRules([400, 401, 404, 429, 500], { 500: { maxRetries: 1 } }),
];

/** Acme's retry policy: exponential backoff from 500 ms with full jitter, at most 10 s. */
export const acmeRetry: RetryPolicy = {
  backoff: { baseMs: 500, factor: 2, maxMs: 10_000, jitter: 'full' },
};
