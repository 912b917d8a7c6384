import type { ErrorKind } from './error-kinds';
import type { IssuerError } from './issuer-error';
import { toIssuerError } from './to-issuer-error';

/** One handler per kind, each receiving the error narrowed to its kind. */
export type ErrorHandlers<R> = { readonly [K in ErrorKind]: (error: IssuerError<K>) => R };

/**
 * Handles an error exhaustively by kind: leaving out a kind is a compile error,
 * so a kind added in a major release shows every place that must handle it. Given what is not
 * an `IssuerError` (nor its JSON), the `unknown` handler gets an `unknown` error; reading the error
 * never throws.
 *
 * @example
 * const reply = matchError(error, {
 *   validation: (error) => ({ status: 400, fields: error.fieldErrors }),
 *   rate_limited: (error) => ({ status: 429, retryAfterMs: error.retryAfterMs }),
 *   // …one handler for each of the other kinds
 * });
 */
export function matchError<R>(error: IssuerError, handlers: ErrorHandlers<R>): R {
  const known = toIssuerError(error);
  const handler = handlers[known.kind] as (error: IssuerError) => R;
  return handler(known);
}
