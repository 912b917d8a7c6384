import {
  createMemoryRateStore,
  IssuerError,
  type RateBucket,
  type RateStore,
  type RateTake,
} from '@issuer-errors/core';
import { listenForErrors } from './client-listeners';
import { FallbackBudgets } from './fallback-budgets';
import { clientState, isRedisClient, type RedisClientLike } from './redis-client';
import { MAX_RETRY_MS, RedisHealth } from './redis-health';
import { COOL_DOWN_SCRIPT, TAKE_SCRIPT } from './redis-scripts';
import { runScript } from './run-script';
import {
  clientReport,
  failureReport,
  isStoreReport,
  type RedisStoreError,
  rateMismatchReport,
} from './store-reports';
import { budgetArguments, intervalOf, readReply, toRequestsPerSecond } from './take-script';

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

const DEFAULT_PREFIX = 'issuer-errors:rate:';
const DEFAULT_COMMAND_TIMEOUT_MS = 100;
/** The share of a fleet Redis never counted. */
const UNKNOWN_FLEET_SHARE = 0.25;
/** How long a process that takes no slot still counts as one of a budget's fleet. */
const FLEET_WINDOW_MS = 30_000;
/** Waiters woken by the end of a cooldown spread over up to a tenth of it, and never more than this. */
const MAX_WAKE_JITTER_MS = 250;

/**
 * A `RateStore` (of `@issuer-errors/core`) in Redis: every process that gives its clients this
 * store and uses one credential keeps one budget and one cooldown per class, so a fleet stays
 * under the issuer's limit together and one 429 cools down the fleet's class.
 *
 * One atomic script per request reserves the request's slot, first come, first served across the
 * fleet, timed by the Redis server's clock. Keys hold the provider, a hash of the credential and
 * the class, never the credential. When Redis is silent, each process keeps its share of each
 * budget in its own memory, asks Redis again with backoff, and reports the outage once: no call
 * fails because of Redis.
 *
 * @example
 * import { createClient } from 'redis';
 * import { createRedisRateStore } from '@issuer-errors/redis';
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const cardda = createCarddaClient({
 *   apiKey,
 *   rateLimit: { requestsPerSecond: 40 },
 *   rateStore: createRedisRateStore({ redis }),
 * });
 */
export function createRedisRateStore(options: RedisRateStoreOptions): RedisRateStore {
  const problem = setupProblem(options);
  if (problem !== undefined) {
    throw new IssuerError({
      provider: 'redis',
      code: 'invalid_client_setup',
      message: `createRedisRateStore: ${problem}`,
    });
  }
  const {
    redis,
    prefix = DEFAULT_PREFIX,
    commandTimeoutMs = DEFAULT_COMMAND_TIMEOUT_MS,
    random = Math.random,
  } = options;
  const processId = Array.from({ length: 4 }, () => random().toString(36).slice(2, 8)).join('');
  const fallback = new FallbackBudgets();
  /** The processes Redis last counted on each budget. */
  const fleetSizes = new Map<string, number>();
  const mismatchesReported = new Set<string>();
  /** Until when a process back from an outage also keeps to its own share: its peers may still be on theirs. */
  let rejoinUntil = 0;
  let closed = false;
  const health = new RedisHealth(
    {
      failed: (cause) => {
        fallback.empty(Date.now());
        tell(options.onStoreError, isStoreReport(cause) ? cause : failureReport(cause));
      },
      recovered: () => {
        rejoinUntil = Date.now() + MAX_RETRY_MS;
        tell(options.onStoreRecovered, undefined);
      },
    },
    random,
  );
  // Without a listener, node-redis would throw a lost connection's error and end the process.
  const stopListening = listenForErrors(redis, health.failed);
  /** Cooldowns known here: set by this process, or read from Redis, so that waiters need not ask again. */
  const cooldowns = createMemoryRateStore();

  const keysOf = ({ key }: RateBucket) => [
    `${prefix}{${key}}:budget`,
    `${prefix}{${key}}:cooldown`,
    `${prefix}{${key}}:rate`,
    `${prefix}{${key}}:fleet`,
  ];
  const wake = (cooldownMs: number): RateTake => ({
    waitMs: cooldownMs + Math.ceil(random() * Math.min(MAX_WAKE_JITTER_MS, cooldownMs / 10)),
    cooldownMs,
  });
  const shareOf = ({ key }: RateBucket): number => {
    if (options.fallbackShare !== undefined) return options.fallbackShare;
    const fleetSize = fleetSizes.get(key);
    return fleetSize === undefined ? UNKNOWN_FLEET_SHARE : 1 / Math.max(1, fleetSize);
  };
  const takeHere = (bucket: RateBucket): RateTake =>
    bucket.budget === undefined
      ? { waitMs: 0, cooldownMs: 0 }
      : fallback.take(bucket.key, bucket.budget, shareOf(bucket), Date.now());

  const takeFromRedis = async (bucket: RateBucket): Promise<RateTake> => {
    const reply = await runScript(
      redis,
      TAKE_SCRIPT,
      {
        keys: keysOf(bucket),
        arguments: [...budgetArguments(bucket), processId, `${FLEET_WINDOW_MS}`],
      },
      commandTimeoutMs,
    );
    const answer = readReply(reply);
    health.answered();
    fleetSizes.set(bucket.key, answer.fleetSize);
    if (answer.keptRate !== '' && !mismatchesReported.has(bucket.key)) {
      mismatchesReported.add(bucket.key);
      const asked = { intervalMs: intervalOf(bucket), burst: bucket.budget?.burst ?? 1 };
      tell(
        options.onStoreError,
        rateMismatchReport(bucket.key, asked, answer.keptRate, toRequestsPerSecond),
      );
    }
    if (answer.cooldownMs > 0) {
      cooldowns.coolDown(bucket, answer.cooldownMs);
      return wake(answer.cooldownMs);
    }
    return answer.take;
  };
  /**
   * Back from an outage, while its peers may still spend their shares: the wait for this
   * process's own next slot, when it has not come yet (Redis is asked once it has), else 0.
   */
  const ownShareWait = (bucket: RateBucket): number => {
    if (bucket.budget === undefined || Date.now() >= rejoinUntil) return 0;
    const waitMs = fallback.waitMs(bucket.key, bucket.budget, shareOf(bucket), Date.now());
    if (waitMs === 0) takeHere(bucket);
    return waitMs;
  };

  return {
    timeLimitMs: commandTimeoutMs,
    async take(bucket) {
      const known = cooldowns.take({ key: bucket.key, budget: undefined });
      if (known.cooldownMs > 0) return wake(known.cooldownMs);
      const ownWaitMs = closed || health.failing ? 0 : ownShareWait(bucket);
      if (ownWaitMs > 0) return { waitMs: ownWaitMs, cooldownMs: 0 };
      if (closed || !health.mayAsk()) return takeHere(bucket);
      const state = clientState(redis);
      if (state !== 'ready') {
        health.failed(clientReport(state));
        return takeHere(bucket);
      }
      try {
        return await takeFromRedis(bucket);
      } catch (cause) {
        health.failed(cause);
        return takeHere(bucket);
      }
    },
    coolDown(bucket, ms) {
      const cooldownMs = Math.ceil(ms);
      cooldowns.coolDown(bucket, cooldownMs);
      if (closed || health.failing || clientState(redis) !== 'ready') return;
      const [, cooldownKey] = keysOf(bucket);
      const cooldown = { keys: [cooldownKey as string], arguments: [String(cooldownMs)] };
      runScript(redis, COOL_DOWN_SCRIPT, cooldown, commandTimeoutMs).then(
        health.answered,
        health.failed,
      );
    },
    isInFallback: () => closed || health.failing,
    close() {
      closed = true;
      stopListening();
    },
  };
}

function tell<T>(callback: ((value: T) => void) | undefined, value: T): void {
  try {
    callback?.(value);
  } catch {
    // A logging callback must never change the outcome of a call.
  }
}

function setupProblem(options: RedisRateStoreOptions | undefined): string | undefined {
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
