import type { IssuerAdapter } from '../adapter/adapter-types';
import { stoppedError } from '../client/call-errors';
import { createScope, type Scope } from '../client/scope';
import { ABORTED, untilAborted } from '../client/sleep';
import type { IssuerError } from '../error/issuer-error';
import { err, type Result } from '../error/result';
import { ATTEMPT_SIGNAL } from './attempt-signal';
import type { HttpMethod, KyInstanceLike, RequestOptions } from './client-types';
import { readSuccess } from './read-success';

/** Told when an attempt's response arrives: its telemetry. */
export interface AttemptListener {
  answered(status: number): void;
}

/** Everything one request needs, whatever the attempt. */
export interface RequestPlan<T> {
  readonly adapter: IssuerAdapter;
  readonly ky: KyInstanceLike;
  readonly url: string;
  readonly method: HttpMethod;
  readonly headers: Readonly<Record<string, string>>;
  readonly options: RequestOptions<T>;
}

/**
 * Sends one attempt of a call, with `token` as its bearer token, in at most `timeoutMs` (the
 * answer and its body together). Never rejects.
 */
export async function sendAttempt<T>(
  plan: RequestPlan<T>,
  call: Scope,
  token: string | undefined,
  timeoutMs: number | undefined,
  listener?: AttemptListener,
): Promise<Result<T, IssuerError>> {
  // A call's signal (the caller's, or its total time limit) replaces the request's own in fetch,
  // where ky's timeout could then not reach: such an attempt needs a scope of its own.
  if (call.signal === undefined || timeoutMs === undefined) {
    return send(plan, call, token, timeoutMs, listener);
  }
  const attempt = createScope(call, timeoutMs);
  try {
    return await send(plan, attempt, token, undefined, listener);
  } finally {
    attempt.dispose();
  }
}

/** Sends within `scope`, with ky timing the answer and a timer the body when `timeoutMs` is given. */
async function send<T>(
  plan: RequestPlan<T>,
  scope: Scope,
  token: string | undefined,
  timeoutMs: number | undefined,
  listener: AttemptListener | undefined,
): Promise<Result<T, IssuerError>> {
  const { adapter, options } = plan;
  const started = Date.now();
  try {
    const sent = Promise.resolve(
      plan.ky(plan.url, {
        method: plan.method,
        headers:
          token === undefined
            ? plan.headers
            : { ...plan.headers, authorization: `Bearer ${token}` },
        // ky times the answer with its own signal (docs/architecture.md, "A request's overhead").
        timeout: timeoutMs ?? false,
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
    listener?.answered(response.status);
    // The body gets what is left of the attempt's time; an attempt without a limit reads without one.
    const limits = {
      signal: scope.signal,
      timeoutMs: timeoutMs === undefined ? Infinity : timeoutMs - (Date.now() - started),
    };
    if (!response.ok) return err(await adapter.fromResponse(response, limits));
    return await readSuccess(adapter, response, options.schema, limits);
  } catch (thrown) {
    const reason = scope.stopReason() ?? (isTimeoutError(thrown) ? 'timeout' : undefined);
    return err(reason === undefined ? adapter.fromThrown(thrown) : stoppedError(adapter, reason));
  }
}

/** ky's own `TimeoutError`, or the one `readSuccess` throws for a body that outlasted the attempt. */
function isTimeoutError(thrown: unknown): boolean {
  try {
    return (thrown as { name?: unknown } | null)?.name === 'TimeoutError';
  } catch {
    return false;
  }
}
