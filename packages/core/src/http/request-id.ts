import { toShortField } from '../safety/safe-text';
import { getHeader } from './headers';

/** Headers that carry a provider's request id, in order of preference. */
export const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id'] as const;

/**
 * The provider's request id (`X-Request-Id` in any casing, or a common
 * equivalent), made safe: one line of at most 128 bytes, as `IssuerError` keeps it; `undefined` when absent or blank.
 *
 * @example
 * getRequestId(new Headers({ 'X-Request-Id': '8f3c2a7e' })); // '8f3c2a7e'
 */
export function getRequestId(headers: unknown): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const requestId = toShortField(getHeader(headers, name));
    if (requestId !== undefined) return requestId;
  }
  return undefined;
}
