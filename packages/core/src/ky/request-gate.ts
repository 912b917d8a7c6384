import type { RateLimitOptions } from './client-types';

interface Waiter {
  readonly resolve: (passed: boolean) => void;
  readonly signal: AbortSignal;
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
    const until = Date.now() + ms;
    if (until <= this.#cooldownUntil) return;
    this.#cooldownUntil = until;
    this.#schedule();
  }

  /** Resolves `true` when the request may leave (after those that came first), `false` if `signal` aborts first. */
  pass(signal: AbortSignal): Promise<boolean> {
    if (signal.aborted) return Promise.resolve(false);
    if (this.#queue.length === 0 && this.#waitMs() === 0) {
      this.#take();
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const waiter: Waiter = {
        resolve,
        signal,
        onAbort: () => {
          this.#queue.splice(this.#queue.indexOf(waiter), 1);
          resolve(false);
          if (this.#queue.length === 0) this.#schedule();
        },
      };
      signal.addEventListener('abort', waiter.onAbort, { once: true });
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
      waiter.signal.removeEventListener('abort', waiter.onAbort);
      this.#take();
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
    this.#refill(now);
    const tokenMs = Math.ceil(((1 - this.#tokens) * 1000) / this.#limit.requestsPerSecond);
    return Math.max(cooldownMs, tokenMs);
  }

  #refill(now: number) {
    const elapsedMs = Math.max(0, now - this.#updatedAt);
    const added = (elapsedMs * (this.#limit?.requestsPerSecond ?? 0)) / 1000;
    this.#tokens = Math.min(this.#burst, this.#tokens + added);
    this.#updatedAt = now;
  }

  #take() {
    if (this.#limit !== undefined) this.#tokens -= 1;
  }
}
