import type { IssuerError } from '@issuer-errors/core';

/** One line for the user, whichever issuer failed: a `switch` that must name every kind. */
export function describeError(error: IssuerError): string {
  switch (error.kind) {
    case 'validation':
      return `check ${Object.keys(error.fieldErrors).join(', ') || 'the request'}: ${error.message}`;
    case 'business_rule':
      return error.code === 'credit_limit_exceeded'
        ? 'that limit is above the company limit'
        : error.message;
    case 'rate_limited':
    case 'unavailable':
    case 'timeout':
    case 'network':
      return error.outcome === 'unknown'
        ? 'we could not confirm it went through: check before trying again'
        : 'the issuer is busy: try again in a moment';
    case 'not_found':
      return 'not found';
    case 'conflict':
      return 'already in progress: try again later';
    case 'authentication':
    case 'permission':
    case 'configuration':
      return 'our issuer connection needs attention: we have been told';
    case 'internal':
    case 'invalid_response':
    case 'unknown':
      return `the issuer failed (reference ${error.requestId ?? 'none'})`;
    case 'cancelled':
      return 'cancelled';
    default:
      return error.kind satisfies never;
  }
}
