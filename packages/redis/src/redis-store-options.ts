import type { RateStore } from '@issuer-errors/core';
import { isRedisClient, type RedisClientLike } from './redis-client';
import type { RedisStoreError } from './store-reports';

/** Options of {@link createRedisRateStore}. */
export interface RedisRateStoreOptions {
  /**
   * A connected client, shared with the rest of the app if you like: node-redis (`createClient()`
   * or `createCluster()` of the `redis` package, 5 or later) or ioredis (`new Redis()` or
   * `new Cluster()`, 5 or later).
   */
  readonly redis: RedisClientLike;
  /** Put before every key (default `'issuer-errors:rate:'`); no braces, which would put a fleet's keys in one cluster slot. */
  readonly prefix?: string;
  /**
   * How long one Redis command may take before this process uses its own share of the budget
   * (default 100 ms). The clients wait for the store exactly this long: the two cannot disagree.
   */
  readonly commandTimeoutMs?: number;
  /**
   * The share of each budget this process keeps while Redis does not answer. Default: one
   * process's share of the fleet that Redis last counted on that budget (every process that took
   * a slot in the last 30 s), or 0.25 when Redis was never reached.
   */
  readonly fallbackShare?: number;
  /**
   * Called once when Redis stops answering (not once per request), with why; called again only
   * after Redis has answered since. Also called, once, for each setup mistake Redis shows: a client
   * not connected, an error reply, processes of one budget asking for different rates. The error's
   * `problem` says which. Exceptions it throws are ignored.
   */
  readonly onStoreError?: (error: RedisStoreError) => void;
  /** Called once when Redis answers again after `onStoreError` reported it silent or failing. Exceptions it throws are ignored. */
  readonly onStoreRecovered?: () => void;
  /** The source of jitter, `Math.random` by default. */
  readonly random?: () => number;
}

/** A rate store in Redis: a `RateStore` of `@issuer-errors/core`, and what its process may ask of it. */
export interface RedisRateStore extends RateStore {
  /** How long the clients wait for `take`: the store's `commandTimeoutMs`. */
  readonly timeLimitMs: number;
  /** Whether this process keeps its budgets in its own memory now, Redis being silent or unusable. */
  isInFallback(): boolean;
  /**
   * Stops listening to the Redis client's errors (the client stays the app's, open). Takes after
   * it keep this process's own share of each budget, without Redis.
   */
  close(): void;
}

/** What in the options cannot work, or `undefined` when they can. */
export function setupProblem(options: RedisRateStoreOptions | undefined): string | undefined {
  const { redis, prefix, commandTimeoutMs, fallbackShare } =
    options ?? ({} as RedisRateStoreOptions);
  if (!isRedisClient(redis)) {
    return 'redis needs a connected client of node-redis (createClient() or createCluster() of the redis package, 5 or later) or ioredis (5 or later)';
  }
  if (prefix !== undefined && (typeof prefix !== 'string' || /[{}]/.test(prefix))) {
    return 'prefix needs text without braces: the store puts each budget in braces of its own, so that a cluster keeps its keys in one slot';
  }
  if (commandTimeoutMs !== undefined && !(commandTimeoutMs > 0 && commandTimeoutMs <= 60_000)) {
    return 'commandTimeoutMs needs a number of ms above 0, at most 60 000';
  }
  if (fallbackShare !== undefined && !(fallbackShare > 0 && fallbackShare <= 1)) {
    return 'fallbackShare needs a number above 0, at most 1';
  }
  return undefined;
}
