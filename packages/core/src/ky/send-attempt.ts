import type { IssuerAdapter } from '../adapter/adapter-types';
import { IssuerError } from '../issuer-error';
import { err, type Result } from '../result';
import { ATTEMPT_SIGNAL } from './attempt-signal';
import type { HttpMethod, KyInstanceLike, RequestOptions } from './client-types';
import { readSuccess } from './read-success';
import type { Scope, StopReason } from './scope';
import { ABORTED, untilAborted } from './sleep';

/** Everything one request needs, whatever the attempt. */
export interface RequestPlan<T> {
  readonly adapter: IssuerAdapter;
  readonly ky: KyInstanceLike;
  readonly url: string;
  readonly method: HttpMethod;
  readonly headers: Readonly<Record<string, string>>;
  readonly options: RequestOptions<T>;
}

/** Sends one attempt within `scope`, with `token` as its bearer token. Never rejects. */
export async function sendAttempt<T>(
  plan: RequestPlan<T>,
  scope: Scope,
  token: string | undefined,
): Promise<Result<T, IssuerError>> {
  const { adapter, options } = plan;
  try {
    const sent = Promise.resolve(
      plan.ky(plan.url, {
        method: plan.method,
        headers:
          token === undefined
            ? plan.headers
            : { ...plan.headers, authorization: `Bearer ${token}` },
        [ATTEMPT_SIGNAL]: scope.signal,
        ...(options.json === undefined ? {} : { json: options.json }),
        ...(options.searchParams === undefined ? {} : { searchParams: options.searchParams }),
      }),
    );
    // Not left to fetch alone: Node's fetch can lose a cloned Request's signal after a GC.
    const response = await untilAborted(sent, scope.signal);
    if (response === ABORTED) {
      sent.then((late) => late.body?.cancel()).catch(() => {});
      throw scope.signal?.reason;
    }
    if (!response.ok) return err(await adapter.fromResponse(response, { signal: scope.signal }));
    return await readSuccess(adapter, response, options.schema, scope.signal);
  } catch (thrown) {
    const reason = scope.stopReason();
    return err(reason === undefined ? adapter.fromThrown(thrown) : stoppedError(adapter, reason));
  }
}

/** The error of a call or attempt that was stopped by its caller or its time limit. */
export function stoppedError(adapter: IssuerAdapter, reason: StopReason): IssuerError {
  return new IssuerError({
    provider: adapter.name,
    code: reason,
    message:
      reason === 'timeout'
        ? `${adapter.displayName}: the request timed out`
        : `${adapter.displayName}: the request was cancelled`,
  });
}
