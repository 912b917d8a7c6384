import type { ErrorRule, RetryGuidance } from '@issuer-errors/core';

/** Every error Acme documents, first match wins; the words are Acme's own. */
export const acmeRules: readonly ErrorRule[] = [
  {
    status: 400,
    code: 'invalid_request',
    description: 'A parameter is missing or malformed; `errors` names each field.',
    action: 'Fix the fields and send again.',
  },
  {
    status: 401,
    code: 'unauthenticated',
    description: 'The API key is missing, revoked or of another environment.',
    action: 'Check the key.',
  },
  {
    status: 402,
    providerCode: 'insufficient_funds',
    code: 'business_rule_violation',
    description: 'The funding account cannot cover the transfer.',
    action: 'Fund the account, then send again.',
  },
  {
    status: 404,
    code: 'not_found',
    description: 'No such resource in this account.',
    action: 'Check the id.',
  },
  {
    status: 429,
    code: 'rate_limited',
    description: 'More than 50 requests per second.',
    action: 'Wait `retry_in` seconds.',
  },
  {
    status: 500,
    code: 'internal_error',
    maxRetries: 1,
    description: 'Acme failed; the transfer may have been made.',
    action: 'Check the transfer before sending it again; retry reads once.',
  },
  {
    status: [502, 503],
    code: 'upstream_unavailable',
    description: 'Acme is down for maintenance or overloaded.',
    action: 'Retry with backoff.',
  },
];

/** Acme's retry guidance: exponential backoff from 500 ms with full jitter, at most 10 s. */
export const acmeRetry: RetryGuidance = {
  backoff: { baseMs: 500, factor: 2, maxMs: 10_000, jitter: 'full' },
};
