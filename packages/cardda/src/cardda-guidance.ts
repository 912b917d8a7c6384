import type { RuleGuidance } from '@issuer-errors/core';

/**
 * Cardda's own guidance for each row of `carddaRules`, by the row's `id`: when
 * Cardda sends the error, and what to do about it. The generated docs and
 * support tools read it; it is kept out of the rules so that apps do not bundle the prose.
 */
export const carddaGuidance: Readonly<Record<string, RuleGuidance>> = {
  bad_request: {
    description:
      'The request body or query string is malformed (invalid JSON, wrong types, missing required field).',
    action: 'Inspect the message field. Fix and retry.',
  },
  unauthenticated: {
    description: 'Missing or invalid Authorization header.',
    action: 'Verify the API key is active and not revoked.',
  },
  email_not_verified: {
    description: 'The user owning the API key has not verified their email.',
    action: 'Ask the user to confirm their email.',
  },
  unauthorized: {
    description:
      'The company-id header was required but absent (often a bare {"error": "unauthorized"}).',
    action: 'Add the company-id header.',
  },
  forbidden: {
    description:
      'Authenticated, but the policy denies this action (insufficient role, the resource belongs to another company, etc.).',
    action: "Check the user's role in the company.",
  },
  not_found: {
    description:
      'Resource not found — or company-id names a company the user is not a member of: Cardda answers 404 in both cases by design.',
    action: 'Check the id, and that company-id is a company this API key belongs to.',
  },
  conflict: {
    description:
      'The action conflicts with current state (e.g. authorizing an already authorized transaction, enrolling an existing recipient).',
    action: 'Re-fetch the resource and reconcile; do not retry as is.',
  },
  unprocessable_entity: {
    description: 'Validation failed on POST / PATCH / PUT; the body lists errors by field.',
    action: 'Show each field error next to its form field, fix and resend.',
  },
  rate_limit_exceeded: {
    description: 'Too many requests.',
    action: 'Wait for Retry-After (else the body’s retry_after seconds, else 1 s), then retry.',
  },
  internal_error: {
    description: "Unexpected error on Cardda's side.",
    action: 'Retry with exponential backoff; if it persists, contact Cardda with the X-Request-Id.',
  },
  upstream: {
    description: 'Temporary upstream issue (a banking partner, a card issuer).',
    action: 'Retry with backoff.',
  },
  'status-400': {
    description: 'A 400 with an error code Cardda does not document.',
    action: 'Inspect the message field. Fix and retry.',
  },
  'status-401': {
    description: 'A 401 with an error code Cardda does not document.',
    action: 'Verify the API key and the company-id header.',
  },
  'status-403': {
    description: 'A 403 with an error code Cardda does not document.',
    action: "Check the user's role in the company.",
  },
  'status-404': {
    description: 'A 404 with an error code Cardda does not document.',
    action: 'Check the id and the company-id header.',
  },
  'status-409': {
    description: 'A 409 with an error code Cardda does not document.',
    action: 'Re-fetch the resource and reconcile.',
  },
  'status-422': {
    description:
      'A validation error as a bare { errors: { field: [...] } } map, or with an undocumented code.',
    action: 'Show each field error next to its form field, fix and resend.',
  },
  'status-429': {
    description: 'A 429 with an error code Cardda does not document.',
    action: 'Wait for Retry-After (else 1 s), then retry.',
  },
  'status-431': {
    description:
      'Request headers too large: an API key, token or header of the app too long for Cardda to read (not in Cardda’s table).',
    action:
      'Check the API key as read from its file or secret store, and the headers the app adds.',
  },
  'status-500': {
    description: 'A 500 with an error code Cardda does not document.',
    action: 'Retry with exponential backoff; if it persists, contact Cardda with the X-Request-Id.',
  },
};
