import type { RateLimitOptions } from './client-types';

interface Waiter {
  readonly resolve: (passed: boolean) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

/**
 * The one gate every attempt of a client passes, in order: a cooldown that a 429
 * with `Retry-After` sets for all requests at once, and an optional token bucket
 * (`rateLimit`) that spaces requests before the provider has to refuse them.
 * Tokens are taken when a request leaves, not when it starts waiting, so a late
 * timer never lets a burst through that the provider's own bucket would refuse.
 */
export class RequestGate {
  /** Until when the provider asked every request to wait (epoch ms). */
  #cooldownUntil = 0;
  readonly #limit: RateLimitOptions | undefined;
  readonly #burst: number;
  /** Spent by every request that leaves; read only when there is a limit. */
  #tokens: number;
  #updatedAt = Date.now();
  readonly #queue: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(rateLimit: RateLimitOptions | undefined) {
    this.#limit = rateLimit;
    this.#burst = rateLimit?.burst ?? 1;
    this.#tokens = this.#burst;
  }

  /** How long the cooldown the provider asked for still runs, in ms. */
  cooldownRemainingMs(): number {
    return Math.max(0, this.#cooldownUntil - Date.now());
  }

  /** Pauses every request of the client for `ms` from now, unless a longer pause already runs. */
  coolDown(ms: number): void {
    // Waiters already queued find the new cooldown when their timer fires, and wait on.
    this.#cooldownUntil = Math.max(this.#cooldownUntil, Date.now() + ms);
  }

  /** Resolves `true` when the request may leave (after those that came first), `false` if `signal` aborts first. */
  pass(signal: AbortSignal | undefined): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    if (this.#queue.length === 0 && this.#waitMs() === 0) {
      this.#tokens -= 1;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const waiter: Waiter = {
        resolve,
        signal,
        onAbort: () => {
          this.#queue.splice(this.#queue.indexOf(waiter), 1);
          resolve(false);
          this.#schedule();
        },
      };
      signal?.addEventListener('abort', waiter.onAbort);
      this.#queue.push(waiter);
      this.#schedule();
    });
  }

  /** Lets waiters through while the gate is open, then sets one timer for the next opening. */
  #drain = () => {
    this.#timer = undefined;
    let waiter = this.#queue[0];
    while (waiter !== undefined && this.#waitMs() === 0) {
      this.#queue.shift();
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.#tokens -= 1;
      waiter.resolve(true);
      waiter = this.#queue[0];
    }
    this.#schedule();
  };

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = this.#queue.length === 0 ? undefined : setTimeout(this.#drain, this.#waitMs());
  }

  /** How long until a request may leave: the cooldown, then a whole token. */
  #waitMs(): number {
    const now = Date.now();
    const cooldownMs = Math.max(0, this.#cooldownUntil - now);
    if (this.#limit === undefined) return cooldownMs;
    const { requestsPerSecond } = this.#limit;
    const elapsedMs = Math.max(0, now - this.#updatedAt);
    this.#tokens = Math.min(this.#burst, this.#tokens + (elapsedMs * requestsPerSecond) / 1000);
    this.#updatedAt = now;
    const tokenMs = Math.ceil(((1 - this.#tokens) * 1000) / requestsPerSecond);
    return Math.max(cooldownMs, tokenMs);
  }
}
