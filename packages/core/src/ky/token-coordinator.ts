import type { AccessTokenSource } from './client-types';

/**
 * Asks the token source before each attempt (the source caches: it knows when
 * its token expires) and makes asks single-flight: concurrent requests share
 * one ask, and every request that meets a 401 while a refresh runs waits for it.
 */
export class TokenCoordinator {
  #current: string | undefined;
  #pending: Promise<string> | undefined;

  constructor(private readonly source: AccessTokenSource) {}

  /** The token to send now. */
  current(): Promise<string> {
    return this.#fetch(false);
  }

  /**
   * After a 401 to a request sent with `usedToken`: refreshes only if that is
   * still the current token (else another request already refreshed it).
   */
  refreshAfterRejection(usedToken: string): Promise<string> {
    if (this.#pending) return this.#pending;
    if (this.#current !== undefined && this.#current !== usedToken)
      return Promise.resolve(this.#current);
    return this.#fetch(true);
  }

  #fetch(forceRefresh: boolean): Promise<string> {
    this.#pending ??= Promise.resolve()
      .then(() => this.source({ forceRefresh }))
      .then((token) => {
        this.#current = token;
        return token;
      })
      .finally(() => {
        this.#pending = undefined;
      });
    return this.#pending;
  }
}
