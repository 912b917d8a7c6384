import { cardda } from '@issuer-errors/cardda';
import { type IssuerError, matchError } from '@issuer-errors/core';

/** After: the error is a value; one exhaustive handler, the same for every issuer. */
export async function handleAfter(res: Response): Promise<string> {
  const error: IssuerError = await cardda.fromResponse(res); // never throws; reads ≤ 64 KiB
  return matchError(error, {
    validation: (error) => `fix ${Object.keys(error.fieldErrors).join(', ') || 'the request'}`,
    authentication: (error) =>
      error.code === 'email_not_verified' ? 'ask the user to verify their email' : 'check the key',
    configuration: (error) => `fix our setup: ${error.code}`, // missing_company_id
    permission: () => 'not allowed',
    not_found: () => 'not found, or not this company',
    conflict: () => 'already exists',
    business_rule: (error) => error.message,
    rate_limited: (error) => `retry in ${error.retryAfterMs} ms`,
    unavailable: (error) => (error.outcome === 'unknown' ? 'check, then resend' : 'retry later'),
    internal: (error) => `check, then resend (request ${error.requestId})`,
    timeout: () => 'check, then resend',
    network: () => 'retry later',
    cancelled: () => 'cancelled',
    invalid_response: () => 'check, then resend',
    unknown: (error) => `unexpected: ${error.providerCode ?? error.status}`,
  });
}
