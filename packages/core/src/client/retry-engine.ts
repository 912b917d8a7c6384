import type { IssuerAdapter } from '../adapter/adapter-types';
import type { ErrorKind } from '../error/error-kinds';
import type { IssuerError } from '../error/issuer-error';
import { err, ok, type Result } from '../error/result';
import type { HealthVerdict } from '../health/health-types';
import { computeBackoffMs } from './backoff';
import { breakerOpenError, cooldownError, stoppedError, tokenError } from './call-errors';
import type { ClassGuards } from './class-guards';
import { HealthGuard } from './health-guard';
import type { RequestGate } from './request-gate';
import { createScope, type Scope } from './scope';
import { ABORTED, sleep, untilAborted } from './sleep';
import type { TokenCoordinator } from './token-coordinator';

/** What `onRetry` receives before each retry: before its wait, or with `delayMs: 0` right after a token refresh. */
export interface RetryEvent {
  /** The attempt that failed (1 for the first). */
  readonly attempt: number;
  /** How long the client waits before the next attempt. */
  readonly delayMs: number;
  /** Why it retries. */
  readonly error: IssuerError;
}

/** The client's retry settings, defaults applied. */
export interface RetrySettings {
  readonly maxAttempts: number;
  /** The whole call's time limit, as a timer holds it; `undefined` for none. */
  readonly totalTimeoutMs: number | undefined;
  readonly maxRetryDelayMs: number;
  readonly random: () => number;
  readonly tokens: TokenCoordinator | undefined;
  /**
   * The guards of a method's rate class, shared by every call of the client: the gate (the
   * issuer's cooldown and the client's budget) and the health guard (retry budget and breaker).
   */
  readonly guardsFor: (method: string) => ClassGuards;
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
  readonly onError: ((error: IssuerError) => void) | undefined;
}

/** One request as the retry engine sees it: whose rules apply, whether it may be resent, and how to send it once. */
export interface RetryRequest<T> {
  readonly adapter: IssuerAdapter;
  readonly method: string;
  /** The issuer deduplicates it, so a write may be resent after a failure it may have acted on. */
  readonly idempotent: boolean;
  /** Sends one attempt within the call, with `token` as its bearer token. Never rejects. */
  readonly send: (call: Scope, token: string | undefined) => Promise<Result<T, IssuerError>>;
  /** Told how long each attempt waited at the gate, for telemetry. Must not throw. */
  readonly passedGate?: ((waitedMs: number) => void) | undefined;
}

/**
 * The one retry layer. Each attempt takes four steps: a token, the gate, the send, and the
 * decision on a failure (refresh the token, wait and resend, or finish with the error).
 */
export async function runWithRetries<T>(
  settings: RetrySettings,
  request: RetryRequest<T>,
  callerSignal: AbortSignal | undefined,
): Promise<Result<T, IssuerError>> {
  const call = createScope(callerSignal, settings.totalTimeoutMs);
  try {
    return await new RetryRun(settings, request, call).run();
  } finally {
    call.dispose();
  }
}

/** The state of one call across its attempts. */
class RetryRun<T> {
  readonly #settings: RetrySettings;
  readonly #request: RetryRequest<T>;
  readonly #call: Scope;
  readonly #gate: RequestGate;
  readonly #health: HealthGuard | undefined;
  readonly #deadline: number;
  readonly #retriesByKind = new Map<ErrorKind, number>();
  #attempt = 0;
  #totalRetryDelayMs = 0;
  /** Whether the token was already refreshed after a 401: only once per call. */
  #refreshed = false;
  /** The token a refresh gave, for the next attempt. */
  #refreshedToken: string | undefined;
  /** The first attempt is the breaker's probe: its outcome opens or closes the breaker for every process. */
  #probe = false;

  constructor(settings: RetrySettings, request: RetryRequest<T>, call: Scope) {
    this.#settings = settings;
    this.#request = request;
    this.#call = call;
    const guards = settings.guardsFor(request.method);
    this.#gate = guards.gate;
    this.#health = guards.health;
    this.#deadline = Date.now() + (settings.totalTimeoutMs ?? Infinity);
  }

  async run(): Promise<Result<T, IssuerError>> {
    const refused = await this.#admit();
    if (refused !== undefined) return this.#finish(refused);
    while (true) {
      this.#attempt += 1;
      const token = await this.#token();
      if (token.isErr()) return this.#finish(token.error);
      const held = await this.#pass();
      if (held !== undefined) return this.#finish(held);
      const result = await this.#request.send(this.#call, token.value);
      if (result.isOk()) {
        this.#record(undefined, false);
        return result;
      }
      const next = await this.#decide(result.error, token.value);
      if (next !== undefined) return this.#finish(next);
    }
  }

  /** Before the first attempt: the breaker's error when it is open, so the call is never sent. */
  async #admit(): Promise<IssuerError | undefined> {
    const admission = await this.#health?.admit();
    if (admission?.kind === 'open')
      return breakerOpenError(this.#request.adapter, admission.waitMs);
    this.#probe = admission?.kind === 'probe';
    return undefined;
  }

  /** Step 1: the token to send, if the client has a token source. */
  async #token(): Promise<Result<string | undefined, IssuerError>> {
    const refreshed = this.#refreshedToken;
    this.#refreshedToken = undefined;
    if (refreshed !== undefined) return ok(refreshed);
    const { tokens } = this.#settings;
    return tokens === undefined ? ok(undefined) : this.#awaitToken(() => tokens.current());
  }

  /** Step 2: the gate of the request's class; the error that keeps the request from being sent, if any. */
  async #pass(): Promise<IssuerError | undefined> {
    const started = performance.now();
    const passage = await this.#gate.pass(this.#call.signal, this.#settings.maxRetryDelayMs);
    if (passage.kind === 'cooldown')
      return cooldownError(this.#request.adapter, passage.cooldownMs);
    if (passage.kind === 'stopped') return this.#stopped();
    this.#request.passedGate?.(performance.now() - started);
    return undefined;
  }

  /** Step 4: after a failed attempt, readies the next one; the final error when there is none. */
  async #decide(
    error: IssuerError,
    sentToken: string | undefined,
  ): Promise<IssuerError | undefined> {
    // The issuer's own wait cools down the request's whole class (every process's, in a shared
    // store); a backoff of the client's choosing delays only this request.
    if (error.kind === 'rate_limited' && error.retryAfterMs !== undefined) {
      this.#gate.coolDown(error.retryAfterMs);
    }
    if (this.#mayRefreshToken(error, sentToken)) {
      this.#record(error, false);
      return this.#refreshToken(error, sentToken);
    }
    const retries = this.#retriesByKind.get(error.kind) ?? 0;
    const delayMs = this.#mayRetry(error, retries)
      ? this.#delayBeforeRetry(error, retries)
      : undefined;
    const wantsRetry =
      delayMs !== undefined &&
      delayMs <= this.#settings.maxRetryDelayMs &&
      Date.now() + delayMs < this.#deadline;
    const verdict = await this.#record(error, wantsRetry);
    if (!wantsRetry || delayMs === undefined) return error;
    if (verdict?.retry === false) return error.with({ retryRefusedBy: verdict.refusedBy });
    notify(this.#settings.onRetry, { attempt: this.#attempt, delayMs, error });
    this.#retriesByKind.set(error.kind, retries + 1);
    return this.#wait(delayMs);
  }

  /**
   * Tells the health guard how an attempt went (`error` undefined: a success). Only a retry the
   * client wants waits for the verdict; otherwise the call goes on and the record follows.
   */
  #record(
    error: IssuerError | undefined,
    wantsRetry: boolean,
  ): Promise<HealthVerdict | undefined> | undefined {
    const counted = error === undefined ? 'answer' : HealthGuard.countsAs(error);
    if (this.#health === undefined || counted === undefined) return undefined;
    const probe = this.#probe;
    this.#probe = false;
    const recorded = this.#health.record({
      failed: counted === 'failure',
      first: this.#attempt === 1,
      probe,
      wantsRetry,
      budgeted: error?.kind !== 'rate_limited',
      status: error?.status,
      code: error?.code,
      requestId: error?.requestId,
    });
    if (wantsRetry) return recorded.catch(() => undefined);
    recorded.catch(ignore);
    return undefined;
  }

  /** A 401 on a sent token earns one refresh per call, when an attempt is left. */
  #mayRefreshToken(error: IssuerError, sentToken: string | undefined): sentToken is string {
    return (
      error.kind === 'authentication' &&
      sentToken !== undefined &&
      !this.#refreshed &&
      this.#attempt < this.#settings.maxAttempts
    );
  }

  async #refreshToken(error: IssuerError, sentToken: string): Promise<IssuerError | undefined> {
    this.#refreshed = true;
    // A token was sent, so there is a token source.
    const tokens = this.#settings.tokens as TokenCoordinator;
    const renewed = await this.#awaitToken(() => tokens.refreshAfterRejection(sentToken));
    if (renewed.isErr()) return renewed.error;
    this.#refreshedToken = renewed.value;
    notify(this.#settings.onRetry, { attempt: this.#attempt, delayMs: 0, error });
    return undefined;
  }

  /** Whether the error may be retried: attempts and the kind's retries left, and never a write the provider may have acted on. */
  #mayRetry(error: IssuerError, retries: number): boolean {
    if (this.#attempt >= this.#settings.maxAttempts || !error.retryable) return false;
    const { adapter, method, idempotent } = this.#request;
    const isWrite = method === 'POST' || method === 'PATCH';
    if (isWrite && !idempotent && error.outcome !== 'rejected') return false;
    const maxRetries =
      adapter.ruleFor(error)?.maxRetries ?? adapter.retry.byKind?.[error.kind]?.maxRetries;
    return retries < (maxRetries ?? Infinity);
  }

  /** How long to wait before a retry: the provider's hint, else the kind's backoff. */
  #delayBeforeRetry(error: IssuerError, retries: number): number {
    const { retry } = this.#request.adapter;
    const backoff = retry.byKind?.[error.kind]?.backoff ?? retry.backoff;
    return error.retryAfterMs ?? computeBackoffMs(backoff, retries, this.#settings.random);
  }

  /** Waits `delayMs`, counting only the time waited; the stop error when the call stops first. */
  async #wait(delayMs: number): Promise<IssuerError | undefined> {
    const started = Date.now();
    const waited = await sleep(delayMs, this.#call.signal);
    this.#totalRetryDelayMs += waited ? delayMs : Date.now() - started;
    return waited ? undefined : this.#stopped();
  }

  /** Waits for the token source (a first token, or one after a rejection) until the call stops. */
  async #awaitToken(ask: () => Promise<string>): Promise<Result<string, IssuerError>> {
    try {
      const token = await untilAborted(ask(), this.#call.signal);
      return token === ABORTED ? err(this.#stopped()) : ok(token);
    } catch (thrown) {
      return err(tokenError(this.#request.adapter, thrown));
    }
  }

  #stopped(): IssuerError {
    return stoppedError(this.#request.adapter, this.#call.stopReason() ?? 'cancelled');
  }

  #finish(error: IssuerError): Result<T, IssuerError> {
    const final = error.with({
      attempts: this.#attempt,
      totalRetryDelayMs: this.#totalRetryDelayMs,
    });
    notify(this.#settings.onError, final);
    return err(final);
  }
}

function ignore(): void {}

function notify<E>(callback: ((event: E) => void) | undefined, event: E) {
  try {
    callback?.(event);
  } catch {
    // A logging callback must never change the outcome of a call.
  }
}
