import { ABORTED, untilAborted } from './sleep';

/**
 * Returns the access token to send. Asked before every attempt (concurrent asks
 * are shared), so it should cache its token; `forceRefresh` asks for a new one after a 401.
 * `signal` aborts when the ask outlives the client's `timeoutMs`: pass it to the token request.
 */
export type AccessTokenSource = (options: {
  readonly forceRefresh: boolean;
  readonly signal: AbortSignal;
}) => string | PromiseLike<string>;

/** An ask of the token source in flight, and whether it forces a refresh. */
interface Ask {
  readonly token: Promise<string>;
  readonly forced: boolean;
}

/**
 * Asks the token source before each attempt (the source caches: it knows when
 * its token expires) and makes asks single-flight: concurrent requests share
 * one ask, and every request that meets a 401 while a refresh runs waits for it.
 * An ask gets `timeoutMs`: then its signal aborts and it rejects with a
 * `TimeoutError`, so one token request that never ends cannot stall every call.
 */
export class TokenCoordinator {
  #current: string | undefined;
  /** The number of the ask that gave `#current`: an older ask settling later never replaces it. */
  #currentAsk = 0;
  #asks = 0;
  #pending: Ask | undefined;

  constructor(
    private readonly source: AccessTokenSource,
    /** How long one ask may take, as a timer holds it; `undefined` for no limit. */
    private readonly timeoutMs?: number,
  ) {}

  /** The token to send now. */
  current(): Promise<string> {
    this.#pending ??= this.#ask(false);
    return this.#pending.token;
  }

  /**
   * After a 401 to a request sent with `usedToken`: refreshes only if that is
   * still the current token (else another request already refreshed it).
   */
  refreshAfterRejection(usedToken: string): Promise<string> {
    if (this.#pending?.forced) return this.#pending.token;
    if (this.#current !== undefined && this.#current !== usedToken)
      return Promise.resolve(this.#current);
    // An ordinary ask in flight may give back the cached, rejected token: it is not waited for.
    this.#pending = this.#ask(true);
    return this.#pending.token;
  }

  #ask(forceRefresh: boolean): Ask {
    this.#asks += 1;
    const number = this.#asks;
    const controller = new AbortController();
    const timer =
      this.timeoutMs === undefined
        ? undefined
        : setTimeout(
            () =>
              controller.abort(
                new DOMException('The access token request timed out', 'TimeoutError'),
              ),
            this.timeoutMs,
          );
    const asked = Promise.resolve().then(() =>
      this.source({ forceRefresh, signal: controller.signal }),
    );
    const ask: Ask = {
      forced: forceRefresh,
      token: untilAborted(asked, controller.signal)
        .then((token) => {
          if (token === ABORTED) throw controller.signal.reason;
          if (number > this.#currentAsk) {
            this.#current = token;
            this.#currentAsk = number;
          }
          return token;
        })
        .finally(() => {
          clearTimeout(timer);
          if (this.#pending === ask) this.#pending = undefined;
        }),
    };
    return ask;
  }
}
