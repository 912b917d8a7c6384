import { getHeader } from './headers';
import { parseHttpDate } from './http-date';

/** The longest wait any error advises: 24 hours. Longer hints are capped to it. */
export const MAX_RETRY_AFTER_MS = 86_400_000;

const DELTA_SECONDS = /^\d+$/;

/**
 * Parses a `Retry-After` value into the milliseconds to wait: delta-seconds
 * (`"120"`) or an HTTP-date in any of its three forms. A date in the past gives
 * `0`; the result is never negative, never NaN and capped at 24 h. Anything
 * else (`"-5"`, `"soon"`, `""`) gives `undefined`.
 *
 * @example
 * parseRetryAfter('2'); // 2000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2015-10-21T07:27:00Z')); // 60000
 */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string' && typeof text !== 'number') return undefined;
  const trimmed = String(text).trim();
  if (DELTA_SECONDS.test(trimmed)) return clampDelayMs(Number(trimmed) * 1000);
  // A text that is no date gives NaN, which clampDelayMs turns into undefined.
  return clampDelayMs((parseHttpDate(trimmed, now) ?? NaN) - now);
}

/** Reads and parses the `Retry-After` header (any casing) of {@link HeadersInput}. */
export function retryAfterFromHeaders(headers: unknown, now?: number): number | undefined {
  return parseRetryAfter(getHeader(headers, 'retry-after'), now);
}

/**
 * Clamps a delay to `0…24 h`; `undefined` for anything that is not a finite number.
 * Negative delays become `0`.
 */
export function clampDelayMs(delayMs: unknown): number | undefined {
  if (delayMs === Infinity) return MAX_RETRY_AFTER_MS;
  // Number.isFinite rejects NaN, -Infinity and every non-number without coercing it.
  if (!Number.isFinite(delayMs)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.round(delayMs as number)));
}
