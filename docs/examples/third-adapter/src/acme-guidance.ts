import type { RuleGuidance } from '@issuer-errors/core';

/** Acme's words for each row of `acmeRules`, in the same order: for the docs, not the bundle. */
export const acmeGuidance: readonly RuleGuidance[] = [
  {
    code: 'invalid_request',
    description: 'A parameter is missing or malformed; `errors` names each field.',
    action: 'Fix the fields and send again.',
  },
  {
    code: 'unauthenticated',
    description: 'The API key is missing, revoked or of another environment.',
    action: 'Check the key.',
  },
  {
    code: 'business_rule_violation',
    description: 'The funding account cannot cover the transfer.',
    action: 'Fund the account, then send again.',
  },
  {
    code: 'not_found',
    description: 'No such resource in this account.',
    action: 'Check the id.',
  },
  {
    code: 'rate_limited',
    description: 'More than 50 requests per second.',
    action: 'Wait `retry_in` seconds.',
  },
  {
    code: 'internal_error',
    description: 'Acme failed; the transfer may have been made.',
    action: 'Check the transfer before sending it again; retry reads once.',
  },
  {
    code: 'upstream_unavailable',
    description: 'Acme is down for maintenance or overloaded.',
    action: 'Retry with backoff.',
  },
];
