import type { ErrorCode } from '../error/error-codes';
import type { ErrorRule } from './adapter-types';

/** A status that {@link statusRules} has a row for. */
export type FallbackStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 431 | 500;

/** The canonical code each status means when the provider's own code is not one it documents. */
const CODE_BY_STATUS: Readonly<Record<FallbackStatus, ErrorCode>> = {
  400: 'invalid_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'invalid_field',
  429: 'rate_limited',
  431: 'request_headers_too_large',
  500: 'internal_error',
};

/** What an adapter changes in one status's row: its code, or the provider's documented retry facts. */
export type StatusRuleChange = Partial<
  Omit<ErrorRule, 'id' | 'status' | 'providerCode' | 'message' | 'field'>
>;

/**
 * The rows that catch each of `statuses` whatever the provider's code says, for the end of an
 * adapter's rules: one row a status, with id `status-<status>`, the status's usual code, and
 * what `changes` gives it.
 *
 * @example
 * statusRules([400, 401, 429], { 429: { retryAfterMs: 1000 } });
 * // [{ id: 'status-400', status: 400, code: 'invalid_request' }, …, { id: 'status-429', status: 429, code: 'rate_limited', retryAfterMs: 1000 }]
 */
export function statusRules(
  statuses: readonly FallbackStatus[],
  changes: Partial<Record<FallbackStatus, StatusRuleChange>> = {},
): ErrorRule[] {
  return statuses.map((status) => ({
    id: `status-${status}`,
    status,
    code: CODE_BY_STATUS[status],
    ...changes[status],
  }));
}
