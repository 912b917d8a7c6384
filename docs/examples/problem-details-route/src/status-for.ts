import type { IssuerError } from '@issuer-errors/core';

/**
 * The status your API answers with. The issuer's 4xx about the caller's data are the caller's;
 * a failure between your server and the issuer is yours: never hand your callers the issuer's
 * 401 (they would think *they* are logged out) or its 429.
 */
export function statusFor(error: IssuerError): number {
  switch (error.kind) {
    case 'validation':
    case 'business_rule':
      return 422;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'rate_limited':
    case 'cancelled':
      return 503;
    case 'timeout':
      return 504;
    case 'unavailable':
    case 'internal':
    case 'network':
    case 'invalid_response':
    case 'unknown':
      return 502;
    case 'authentication':
    case 'permission':
    case 'configuration':
      return 500;
    default:
      return error.kind satisfies never;
  }
}
