import type { IssuerAdapter } from '../adapter/adapter-types';
import { computeBackoffMs } from '../backoff';
import type { ErrorKind } from '../error-kinds';
import { IssuerError, isIssuerError } from '../issuer-error';
import { err, ok, type Result } from '../result';
import type { RetryEvent } from './client-types';
import type { RequestGate } from './request-gate';
import { createScope, type Scope } from './scope';
import { type RequestPlan, sendAttempt, stoppedError } from './send-attempt';
import { ABORTED, sleep, untilAborted } from './sleep';
import type { TokenCoordinator } from './token-coordinator';

/** The client's retry settings, defaults applied. */
export interface RetrySettings {
  readonly maxAttempts: number;
  /** One attempt's time limit, as a timer holds it; `undefined` for none. */
  readonly timeoutMs: number | undefined;
  /** The whole call's, likewise. */
  readonly totalTimeoutMs: number | undefined;
  readonly maxRetryDelayMs: number;
  readonly random: () => number;
  readonly tokens: TokenCoordinator | undefined;
  /** The gate of a method's rate class, shared by every call of the client: the issuer's cooldown and the client's budget. */
  readonly gateFor: (method: string) => RequestGate;
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
  readonly onError: ((error: IssuerError) => void) | undefined;
}

/** The one retry layer: sends, classifies, waits and resends until success or a final error. */
export async function runWithRetries<T>(
  settings: RetrySettings,
  plan: RequestPlan<T>,
  callerSignal: AbortSignal | undefined,
): Promise<Result<T, IssuerError>> {
  const call = createScope(callerSignal, settings.totalTimeoutMs);
  const { tokens } = settings;
  const gate = settings.gateFor(plan.method);
  const deadline = Date.now() + (settings.totalTimeoutMs ?? Infinity);
  const retriesByKind = new Map<ErrorKind, number>();
  let attempt = 0;
  let totalRetryDelayMs = 0;
  let refreshed = false;
  let refreshedToken: string | undefined;
  const finish = (error: IssuerError) => {
    const final = error.with({ attempts: attempt, totalRetryDelayMs });
    notify(settings.onError, final);
    return err(final);
  };

  try {
    while (true) {
      attempt += 1;
      const token =
        refreshedToken !== undefined
          ? ok(refreshedToken)
          : tokens === undefined
            ? ok(undefined)
            : await awaitToken(() => tokens.current(), plan.adapter, call);
      refreshedToken = undefined;
      if (token.isErr()) return finish(token.error);
      const passage = await gate.pass(call.signal, settings.maxRetryDelayMs);
      if (passage.kind === 'paused') return finish(pausedError(plan.adapter, passage.cooldownMs));
      if (passage.kind === 'stopped') {
        return finish(stoppedError(plan.adapter, call.stopReason() ?? 'cancelled'));
      }
      const result = await sendAttempt(plan, call, token.value, settings.timeoutMs);
      if (result.isOk()) return result;
      const error = result.error;
      // The issuer's own wait pauses the request's whole class (every process's, in a shared
      // store); a backoff of the client's choosing delays only this request.
      if (error.kind === 'rate_limited' && error.retryAfterMs !== undefined) {
        gate.coolDown(error.retryAfterMs);
      }

      if (
        error.kind === 'authentication' &&
        token.value !== undefined &&
        !refreshed &&
        attempt < settings.maxAttempts
      ) {
        refreshed = true;
        const usedToken = token.value;
        // A token was sent, so there is a token source.
        const source = tokens as TokenCoordinator;
        const renewed = await awaitToken(
          () => source.refreshAfterRejection(usedToken),
          plan.adapter,
          call,
        );
        if (renewed.isErr()) return finish(renewed.error);
        refreshedToken = renewed.value;
        notify(settings.onRetry, { attempt, delayMs: 0, error });
        continue;
      }

      const retries = retriesByKind.get(error.kind) ?? 0;
      if (!mayRetry(settings, plan, error, attempt, retries)) return finish(error);
      const delayMs = waitBeforeRetry(settings, plan, error, retries);
      if (delayMs > settings.maxRetryDelayMs) return finish(error);
      if (Date.now() + delayMs >= deadline) return finish(error);

      notify(settings.onRetry, { attempt, delayMs, error });
      retriesByKind.set(error.kind, retries + 1);
      const waitStarted = Date.now();
      const waited = await sleep(delayMs, call.signal);
      totalRetryDelayMs += waited ? delayMs : Date.now() - waitStarted;
      if (!waited) return finish(stoppedError(plan.adapter, call.stopReason() ?? 'cancelled'));
    }
  } finally {
    call.dispose();
  }
}

/** Whether the error may be retried: attempts and the kind's retries left, and never a write the provider may have acted on. */
function mayRetry<T>(
  settings: RetrySettings,
  plan: RequestPlan<T>,
  error: IssuerError,
  attempt: number,
  retries: number,
): boolean {
  if (attempt >= settings.maxAttempts || !error.retryable) return false;
  const isWrite = plan.method === 'POST' || plan.method === 'PATCH';
  if (isWrite && plan.options.idempotent !== true && error.outcome !== 'rejected') return false;
  const maxRetries =
    plan.adapter.ruleFor(error)?.maxRetries ?? plan.adapter.retry.byKind?.[error.kind]?.maxRetries;
  return retries < (maxRetries ?? Infinity);
}

/** How long to wait before a retry: the provider's hint, else the kind's backoff. */
function waitBeforeRetry<T>(
  settings: RetrySettings,
  plan: RequestPlan<T>,
  error: IssuerError,
  retries: number,
): number {
  const backoff = plan.adapter.retry.byKind?.[error.kind]?.backoff ?? plan.adapter.retry.backoff;
  return error.retryAfterMs ?? computeBackoffMs(backoff, retries, settings.random);
}

/** Waits for the token source (a first token, or one after a rejection) until the call stops. */
async function awaitToken(
  ask: () => Promise<string>,
  adapter: IssuerAdapter,
  call: Scope,
): Promise<Result<string, IssuerError>> {
  try {
    const token = await untilAborted(ask(), call.signal);
    return token === ABORTED
      ? err(stoppedError(adapter, call.stopReason() ?? 'cancelled'))
      : ok(token);
  } catch (thrown) {
    return err(tokenError(adapter, thrown));
  }
}

/** A request not sent because the provider's wait for its class outlasts `maxRetryDelayMs`. */
function pausedError(adapter: IssuerAdapter, cooldownMs: number): IssuerError {
  return new IssuerError({
    provider: adapter.name,
    code: 'rate_limited',
    message: `${adapter.displayName}: not sent: the provider asked requests like it to wait ${Math.ceil(cooldownMs / 1000)} s more`,
    retryAfterMs: cooldownMs,
  });
}

/** Why no token came; the request itself was never sent, so the provider certainly did not act on it. */
function tokenError(adapter: IssuerAdapter, thrown: unknown): IssuerError {
  const error = isIssuerError(thrown) ? thrown : classifyTokenFailure(adapter, thrown);
  return error.with({ outcome: 'rejected' });
}

function classifyTokenFailure(adapter: IssuerAdapter, thrown: unknown): IssuerError {
  const classified = adapter.fromThrown(thrown);
  if (classified.kind !== 'unknown') return classified;
  return new IssuerError({
    provider: adapter.name,
    code: 'unauthenticated',
    message: `${adapter.displayName}: could not obtain an access token`,
    cause: thrown,
  });
}

function notify<E>(callback: ((event: E) => void) | undefined, event: E) {
  try {
    callback?.(event);
  } catch {
    // A logging callback must never change the outcome of a call.
  }
}
