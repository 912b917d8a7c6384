import type { HealthStore } from '../health/health-types';

/** A token bucket: `burst` requests at once, refilled at `requestsPerSecond`. */
export interface RateBudget {
  /** Requests per second at steady state; a positive number. */
  readonly requestsPerSecond: number;
  /** Requests that may go at once after a quiet spell; a whole number ≥ 1 (default 1). */
  readonly burst?: number;
}

/** Budgets for reads (GET, HEAD) and writes (every other method) apart, as Clara counts them. */
export interface ReadWriteBudgets {
  readonly read: RateBudget;
  readonly write: RateBudget;
}

/** A client's `rateLimit`: one budget for every request, or one for reads and one for writes. */
export type RateLimitOptions = RateBudget | ReadWriteBudgets;

/**
 * Which of an issuer's limits a request counts against: `'read'` (GET, HEAD) or `'write'`
 * when the issuer limits them apart, `'all'` when it has one limit.
 */
export type RateClass = 'read' | 'write' | 'all';

/** One class of one credential's limit, as a {@link RateStore} sees it. */
export interface RateBucket {
  /**
   * Names the budget and its cooldown: `<provider>:<a hash of the credential, or the client's rateKey>:<class>`.
   * Never a credential: a store may keep it as it is.
   */
  readonly key: string;
  /** The budget to keep, or `undefined` for none (the bucket then holds only a cooldown). */
  readonly budget: RateBudget | undefined;
}

/** What {@link RateStore.take} answers. */
export interface RateTake {
  /**
   * `0`: a slot was taken and the request may leave. Otherwise how long to wait: for the slot
   * reserved (`reserved: true`), or before asking again.
   */
  readonly waitMs: number;
  /** How much longer the issuer's cooldown runs, in ms (`0` for none); a part of `waitMs`. */
  readonly cooldownMs: number;
  /**
   * `true`: the slot `waitMs` from now is this request's, and it leaves then without asking
   * again (a shared store answers so, to serve a fleet first come, first served at one round
   * trip a request). A request that stops waiting loses its slot. Never with a cooldown.
   */
  readonly reserved?: boolean;
}

/**
 * Where a client keeps its rate budgets and cooldowns. The default keeps them in the
 * process; a shared store (`@issuer-errors/redis`) lets every process that uses one
 * credential keep one budget and one cooldown per class.
 *
 * A store answers quickly or not at all: a client lets the request leave when `take`
 * throws or takes longer than its `timeLimitMs` (a second by default), so a broken store never
 * fails a call.
 */
export interface RateStore {
  /**
   * How long a client waits for `take` before letting the request leave without it: a store
   * that times its own commands says so here, so that the two limits cannot disagree
   * (default 1 s).
   */
  readonly timeLimitMs?: number;
  /**
   * Where the issuer's health is kept (the retry budget and the breaker of each class): shared
   * by every process of the store when it is. Without it, each client keeps its own in memory.
   */
  readonly health?: HealthStore;
  /**
   * Whether the store decides in this process's memory now, the shared store being unreachable
   * or unusable: the client's telemetry records it (`issuer.store.fallback`) after each call.
   */
  isInFallback?(): boolean;
  /** Takes a slot of the bucket's budget now, when its budget and cooldown allow; says how long to wait otherwise. */
  take(bucket: RateBucket): RateTake | PromiseLike<RateTake>;
  /** Cools the bucket's class down for `ms` from now, unless a longer cooldown already runs. */
  coolDown(bucket: RateBucket, ms: number): void | PromiseLike<void>;
}
