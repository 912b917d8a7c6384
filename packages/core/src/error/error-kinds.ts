/**
 * Every kind of error an issuer call can end in: a closed set, so an app can
 * handle all of them with one exhaustive `switch` (or {@link matchError}).
 *
 * Adding a kind is a breaking change; adding a fine code ({@link ERROR_CODES}) is not.
 */
export const ERROR_KINDS = [
  'validation',
  'authentication',
  'permission',
  'not_found',
  'conflict',
  'business_rule',
  'rate_limited',
  'unavailable',
  'internal',
  'configuration',
  'network',
  'timeout',
  'cancelled',
  'invalid_response',
  'unknown',
] as const;

/** One of {@link ERROR_KINDS}: the coarse class of an {@link IssuerError}. */
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Whether `value` is one of {@link ERROR_KINDS}. */
export function isErrorKind(value: unknown): value is ErrorKind {
  return (ERROR_KINDS as readonly unknown[]).includes(value);
}
