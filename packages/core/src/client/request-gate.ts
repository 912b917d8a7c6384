import { MAX_TIMER_MS } from '../http/time-limits';
import type { RateBucket, RateStore, RateTake } from '../rate/rate-types';
import { DEFAULT_STORE_TIME_LIMIT_MS, withinTimeLimit } from './within-time-limit';

/** How a request left the gate: it may go, the call stopped first, or the issuer's cooldown outlasts what the call may wait. */
export type GatePassage =
  | { readonly kind: 'passed' }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'cooldown'; readonly cooldownMs: number };

interface Waiter {
  readonly resolve: (passage: GatePassage) => void;
  readonly signal: AbortSignal | undefined;
  readonly maxCooldownMs: number;
  readonly onAbort: () => void;
}

const PASSED: GatePassage = { kind: 'passed' };
const STOPPED: GatePassage = { kind: 'stopped' };
/** A store's answer when it failed or is slower than its time limit: let the request leave. */
const OPEN: RateTake = { waitMs: 0, cooldownMs: 0 };

/**
 * The gate every attempt of one rate class passes, in order. Only the first waiter asks
 * the store for a slot; the others queue behind it, so a slot is taken when a request
 * leaves (or reserved for the first waiter, by a store that reserves), not when it starts
 * waiting, and a late timer never lets through a burst that the issuer's own bucket would
 * refuse.
 */
export class RequestGate {
  readonly #store: RateStore;
  readonly #bucket: RateBucket | PromiseLike<RateBucket>;
  readonly #queue: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** An answer of the store is awaited: nobody else asks meanwhile. */
  #asking = false;
  /** The budget of a bucket that came later, once it has. */
  #resolvedBudget: RateBucket['budget'];
  /** The waiter whose slot the store reserved, and when the slot is: it leaves then, if still first and not late. */
  #reserved: { readonly waiter: Waiter; readonly slotAt: number } | undefined;

  /** `bucket` may come later (a credential's hash); the store is asked once it has. */
  constructor(store: RateStore, bucket: RateBucket | PromiseLike<RateBucket>) {
    this.#store = store;
    this.#bucket = bucket;
  }

  /** Cools the class down for `ms` from now (a 429's wait), unless a longer cooldown already runs. */
  coolDown(ms: number): void {
    // A slot reserved before the cooldown is not used: the first waiter asks again.
    this.#reserved = undefined;
    const bucket = this.#bucket;
    try {
      const kept = isRateBucket(bucket)
        ? this.#store.coolDown(bucket, ms)
        : bucket.then((resolved) => this.#store.coolDown(resolved, ms));
      Promise.resolve(kept).then(undefined, ignore);
    } catch {
      // A store that cannot keep the cooldown loses it; the request's own wait still runs.
    }
  }

  /**
   * Resolves when the request may leave (after those that came first), when `signal`
   * aborts first, or at once when the issuer's cooldown outlasts `maxCooldownMs`.
   */
  pass(signal: AbortSignal | undefined, maxCooldownMs: number): Promise<GatePassage> {
    if (signal?.aborted) return Promise.resolve(STOPPED);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        resolve,
        signal,
        maxCooldownMs,
        onAbort: () => {
          const index = this.#queue.indexOf(waiter);
          this.#queue.splice(index, 1);
          resolve(STOPPED);
          if (index === 0) {
            clearTimeout(this.#timer);
            this.#drain();
          }
        },
      };
      signal?.addEventListener('abort', waiter.onAbort);
      this.#queue.push(waiter);
      if (this.#queue.length === 1) this.#drain();
    });
  }

  /** Asks the store for the first waiter, and for the next ones while the answers come at once. */
  #drain = (): void => {
    // The answer on its way goes to whoever is first when it comes.
    if (this.#asking) return;
    this.#timer = undefined;
    const reserved = this.#reserved;
    this.#reserved = undefined;
    if (reserved !== undefined && reserved.waiter === this.#queue[0] && this.#onTime(reserved)) {
      this.#leave(PASSED);
    }
    while (this.#queue.length > 0) {
      const answer = this.#ask();
      if (isRateTake(answer)) {
        if (!this.#admit(answer)) return;
        continue;
      }
      this.#asking = true;
      answer.then((take) => {
        this.#asking = false;
        if (this.#admit(take)) this.#drain();
      });
      return;
    }
  };

  /** Lets the first waiter leave or sets the timer for the next ask; `true` when the next waiter may ask at once. */
  #admit(take: RateTake): boolean {
    const waiter = this.#queue[0];
    // Every waiter left while the store answered: a slot it gave is not used.
    if (waiter === undefined) return false;
    if (take.waitMs > 0 && take.cooldownMs <= waiter.maxCooldownMs) {
      const reserved = take.reserved === true && take.cooldownMs === 0;
      if (reserved && take.waitMs <= MAX_TIMER_MS) {
        this.#reserved = { waiter, slotAt: Date.now() + take.waitMs };
      }
      this.#timer = setTimeout(this.#drain, Math.min(take.waitMs, MAX_TIMER_MS));
      return false;
    }
    this.#leave(take.waitMs === 0 ? PASSED : { kind: 'cooldown', cooldownMs: take.cooldownMs });
    return true;
  }

  /**
   * Whether a reserved slot is still this waiter's to use: not when the event loop woke it more
   * than a fifth of the budget's interval late, since the slots after it may go at their time and
   * it would reach the issuer too close to them. A late waiter asks again; its slot is lost. (Why
   * a fifth: "A reserved slot that wakes late" in docs/architecture.md.)
   */
  #onTime({ slotAt }: { readonly slotAt: number }): boolean {
    const budget = isRateBucket(this.#bucket) ? this.#bucket.budget : this.#resolvedBudget;
    const lateMs = budget === undefined ? 0 : 200 / budget.requestsPerSecond;
    return Date.now() - slotAt <= lateMs;
  }

  /** Lets the first waiter go with `passage`. */
  #leave(passage: GatePassage): void {
    const waiter = this.#queue.shift() as Waiter;
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
    waiter.resolve(passage);
  }

  /** The store's answer: at once when the store and the bucket are at hand, else a promise that never rejects. */
  #ask(): RateTake | Promise<RateTake> {
    const bucket = this.#bucket;
    try {
      const answer = isRateBucket(bucket)
        ? this.#store.take(bucket)
        : Promise.resolve(bucket).then((resolved) => {
            this.#resolvedBudget = resolved.budget;
            return this.#store.take(resolved);
          });
      if (isRateTake(answer)) return answer;
      const limitMs = this.#store.timeLimitMs ?? DEFAULT_STORE_TIME_LIMIT_MS;
      return withinTimeLimit(answer, limitMs).then((take) => (isRateTake(take) ? take : OPEN));
    } catch {
      return OPEN;
    }
  }
}

function isRateBucket(value: RateBucket | PromiseLike<RateBucket>): value is RateBucket {
  return typeof (value as RateBucket).key === 'string';
}

function isRateTake(value: unknown): value is RateTake {
  const { waitMs, cooldownMs } = (value ?? {}) as Partial<RateTake>;
  return (
    Number.isFinite(waitMs) &&
    Number.isFinite(cooldownMs) &&
    Number(waitMs) >= 0 &&
    Number(cooldownMs) >= 0
  );
}

function ignore(): void {}
