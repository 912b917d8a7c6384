import { type IssuerError, matchError } from '@issuer-errors/core';

/** What the app decides to do about an error: the same code for every issuer. */
export function decide(error: IssuerError): string {
  return matchError(error, {
    validation: (error) =>
      `show field errors (${Object.keys(error.fieldErrors).join(', ') || 'form'})`,
    authentication: () => 'refresh credentials, retry once',
    permission: () => 'tell the user they lack access',
    not_found: () => 'show "not found"',
    conflict: (error) =>
      error.retryAfterMs === undefined
        ? 're-fetch and reconcile'
        : `retry in ${error.retryAfterMs} ms`,
    business_rule: (error) => `explain the rule (${error.code})`,
    rate_limited: (error) => `wait ${error.retryAfterMs ?? 'backoff'} ms, retry`,
    unavailable: () => 'retry with backoff',
    internal: (error) => `retry after ${error.retryAfterMs ?? 'backoff'} ms`,
    configuration: (error) => `page the on-call engineer (${error.code})`,
    network: (error) => (error.outcome === 'rejected' ? 'retry' : 'check before retrying a write'),
    timeout: () => 'check before retrying a write',
    cancelled: () => 'nothing: the user left',
    invalid_response: () => 'report to the issuer',
    unknown: () => 'log with the request id and alert',
  });
}
