// The build imports it as `#neverthrow`, which Node loads with `require`: see neverthrow-node.ts.
import { err, errAsync, ok, type Result, ResultAsync } from 'neverthrow';
import type { IssuerError } from '../error/issuer-error';

export { err, errAsync, ok, type Result, ResultAsync };

/** The result of a synchronous issuer operation. */
export type IssuerResult<T> = Result<T, IssuerError>;

/** The result of an asynchronous issuer call: what every client method returns. */
export type IssuerResultAsync<T> = ResultAsync<T, IssuerError>;

/**
 * Runs a call that may throw synchronously or reject, as an {@link IssuerResultAsync}.
 * Whatever it throws goes through `toError` (an adapter's `fromThrown`), so the
 * result's error is always an `IssuerError`.
 *
 * @example
 * const result = await tryIssuerCall(() => fetch(url), cardda.fromThrown);
 */
export function tryIssuerCall<T>(
  call: () => T | PromiseLike<T>,
  toError: (error: unknown) => IssuerError,
): IssuerResultAsync<T> {
  return ResultAsync.fromPromise(Promise.resolve().then(call), toError);
}
