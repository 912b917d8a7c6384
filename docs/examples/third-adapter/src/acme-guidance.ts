import type { RuleGuidance } from '@issuer-errors/core';

/** Acme's words for each row of `acmeRules`, by the row's `id`: for the docs, not the bundle. */
export const acmeGuidance: Readonly<Record<string, RuleGuidance>> = {
  insufficient_funds: {
    description: 'The funding account cannot cover the transfer.',
    action: 'Fund the account, then send again.',
  },
  upstream: {
    description: 'Acme is down for maintenance or overloaded.',
    action: 'Retry with backoff.',
  },
  'status-400': {
    description: 'A parameter is missing or malformed; `errors` names each field.',
    action: 'Fix the fields and send again.',
  },
  'status-401': {
    description: 'The API key is missing, revoked or of another environment.',
    action: 'Check the key.',
  },
  'status-404': {
    description: 'No such resource in this account.',
    action: 'Check the id.',
  },
  'status-429': {
    description: 'More than 50 requests per second.',
    action: 'Wait `retry_in` seconds.',
  },
  'status-500': {
    description: 'Acme failed; the transfer may have been made.',
    action: 'Check the transfer before sending it again; retry reads once.',
  },
};
