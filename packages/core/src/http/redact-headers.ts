import { toSafeIdentifier, toSafeLine } from '../safety/safe-text';
import { headerEntries } from './headers';
import { REQUEST_ID_HEADERS } from './request-id';

/** The only response headers an error keeps: none of them can carry a credential. */
export const ALLOWED_HEADERS: ReadonlySet<string> = new Set([
  'content-type',
  'retry-after',
  'date',
  ...REQUEST_ID_HEADERS,
  'ratelimit',
  'ratelimit-policy',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
]);

const MAX_HEADER_VALUE_BYTES = 256;

const REQUEST_ID_HEADER_NAMES: ReadonlySet<string> = new Set(REQUEST_ID_HEADERS);

/**
 * Keeps only {@link ALLOWED_HEADERS}, with lower-case names and one-line values; a request id
 * stays as the provider sent it, never card-masked. Authorization, cookies, API keys and every
 * other header are dropped.
 */
export function redactHeaders(headers: unknown): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of headerEntries(headers)) {
    if (ALLOWED_HEADERS.has(name) && !(name in kept)) {
      kept[name] = REQUEST_ID_HEADER_NAMES.has(name)
        ? toSafeIdentifier(value, MAX_HEADER_VALUE_BYTES)
        : toSafeLine(value, MAX_HEADER_VALUE_BYTES);
    }
  }
  return kept;
}
