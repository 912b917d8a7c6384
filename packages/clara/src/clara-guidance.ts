import type { RuleGuidance } from '@issuer-errors/core';

/**
 * Clara's own guidance for each row of `claraRules`, by the row's `id`: when
 * Clara sends the error, and what to do about it. The generated docs and
 * support tools read it; it is kept out of the rules so that apps do not bundle the prose.
 */
export const claraGuidance: Readonly<Record<string, RuleGuidance>> = {
  'queued-card': {
    description:
      'This user already has a card in the creation queue. Concurrent card creation for the same user is not allowed.',
    action: 'Wait for the in-progress creation to complete or time out (~2 min) before retrying.',
  },
  B013: {
    description: "B013: the card threshold exceeds the company's available credit line.",
    action: 'Set a lower threshold or contact your Clara account team to review credit limits.',
  },
  B022: {
    description:
      "B022: the target user hasn't completed email verification or 2FA setup, or has been deleted.",
    action: 'Verify the user is active in the Clara platform before issuing a card.',
  },
  B033: {
    description: 'B033: internal processing failure.',
    action: 'Retry once after 2–5 seconds; if persistent, contact integration support.',
  },
  'oauth-client': {
    description: 'The OAuth client credentials were rejected by /oauth/token.',
    action: 'Check the client id and client secret; a token refresh will not help.',
  },
  'date-format': {
    description: 'Dates must be YYYY-MM-DD (ISO 8601), with no slashes or other separators.',
    action: 'Send the named date as YYYY-MM-DD.',
  },
  'date-range': {
    description: 'The date range is invalid: startDate must be ≤ endDate.',
    action: 'Send a start date on or before the end date.',
  },
  'tax-id': {
    description:
      'The tax ID does not match its country format: MX 11 or 13 characters, BR 11 digits, CO 7–10 digits.',
    action: "Fix the tax ID to its country's format.",
  },
  'duplicate-email': {
    description: 'A user with that email already exists in the company.',
    action: 'Use another email, or look up the existing user instead of creating one.',
  },
  'transaction-type': {
    description: 'transactionTypeName must be one of: PIX, TED, BILL, TRANSACTION.',
    action: 'Send one of PIX, TED, BILL or TRANSACTION.',
  },
  'status-400': {
    description: 'Bad request: invalid parameters or missing required fields.',
    action: 'Fix the request body or query parameters before retrying.',
  },
  'status-401': {
    description:
      'Missing, expired or invalid Bearer token, or no mTLS client certificate presented: both arrive as { "message": "Unauthorized" }.',
    action:
      'Request a new token from /oauth/token and retry once (the client does this); if it persists, check that the client certificate is sent.',
  },
  'status-403': {
    description: "Valid token, but the user's role lacks access to the endpoint.",
    action: 'Confirm the API user has the COMPANY_OWNER or required role; retrying will not help.',
  },
  'status-404': {
    description: 'The resource does not exist.',
    action: 'Verify the UUID or path parameter.',
  },
  'status-422': {
    description: 'Well-formed, but fails business validation.',
    action: 'Check the provider code for the specific Clara error code.',
  },
  'status-429': {
    description:
      'Rate limit exceeded (limits are per client certificate, lower for writes than for reads).',
    action:
      'Back off exponentially with jitter: 2^attempt s + up to 1 s; a Retry-After header wins when sent.',
  },
  'status-431': {
    description:
      'Request headers too large: a token or header of the app too long for Clara to read (not in Clara’s table).',
    action:
      'Check the token source and the headers the app adds; resending the same request will not help.',
  },
  'status-500': {
    description: 'Internal server error.',
    action: 'Retry once after 2–5 seconds; if persistent, contact support.',
  },
  upstream: {
    description: 'A gateway or upstream failure before or after Clara handled the request.',
    action: 'Retry with backoff.',
  },
  'client-certificate': {
    description:
      'Network authentication required: the mTLS client certificate is missing or not sent.',
    action: 'Check the client certificate configuration (cert and key on every request).',
  },
};
