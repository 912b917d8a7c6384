import { type IssuerError, matchError } from '@issuer-errors/core';

const seconds = (ms: number | undefined) => (ms === undefined ? 'a backoff' : `${ms / 1000} s`);

/** What the app decides to do about an error: one handler, the same code for every issuer. */
export function decide(error: IssuerError): string {
  const reconcileFirst = error.outcome === 'unknown' ? 'check whether it went through, then ' : '';
  return matchError(error, {
    validation: (error) => {
      const fields = Object.keys(error.fieldErrors);
      return fields.length === 0
        ? 'show the message; fix the request'
        : `mark fields: ${fields.join(', ')}`;
    },
    authentication: (error) =>
      error.code === 'email_not_verified'
        ? 'ask the user to verify their email'
        : error.code === 'invalid_credentials'
          ? 'fix the client secret'
          : 'sign in again / rotate the key',
    permission: () => 'tell the user they lack access',
    not_found: () => 'show "not found"',
    conflict: (error) =>
      error.retryAfterMs === undefined
        ? 're-fetch and reconcile'
        : `try again in ${seconds(error.retryAfterMs)}`,
    business_rule: (error) => `explain the rule: ${error.code}`,
    rate_limited: (error) => `slow down; retry after ${seconds(error.retryAfterMs)}`,
    unavailable: () => `${reconcileFirst}retry later`,
    internal: (error) => `${reconcileFirst}retry after ${seconds(error.retryAfterMs)}`,
    configuration: (error) => `page on-call: ${error.code}`,
    network: () => `${reconcileFirst}retry`,
    timeout: () => `${reconcileFirst}retry`,
    cancelled: () => 'nothing: the user left',
    invalid_response: () => 'report to the issuer with the request id',
    unknown: () => 'log with the request id and alert',
  });
}
