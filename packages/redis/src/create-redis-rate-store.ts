import {
  createMemoryRateStore,
  IssuerError,
  type RateBucket,
  type RateStore,
  type RateTake,
} from '@issuer-errors/core';
import { RedisHealth } from './redis-health';
import { COOL_DOWN_SCRIPT, TAKE_SCRIPT } from './redis-scripts';
import { type RedisClientLike, runScript } from './run-script';

/** Options of {@link createRedisRateStore}. */
export interface RedisRateStoreOptions {
  /** A connected node-redis client (`createClient()` of the `redis` package, 5 or later), shared with the rest of the app if you like. */
  readonly redis: RedisClientLike;
  /** Put before every key (default `'issuer-errors:rate:'`). */
  readonly prefix?: string;
  /** How long one Redis command may take before the store stops waiting for it (default 100 ms). */
  readonly commandTimeoutMs?: number;
  /**
   * The share of each budget this process keeps while Redis does not answer (default 0.25):
   * set it to 1 / the number of processes, so that the fleet stays under the issuer's limit.
   */
  readonly fallbackShare?: number;
  /**
   * Called once when Redis stops answering (not once per request), with why; called again
   * only after Redis has answered since. Exceptions it throws are ignored.
   */
  readonly onStoreError?: (error: Error) => void;
  /** The source of jitter, `Math.random` by default. */
  readonly random?: () => number;
}

const DEFAULT_PREFIX = 'issuer-errors:rate:';
const DEFAULT_COMMAND_TIMEOUT_MS = 100;
const DEFAULT_FALLBACK_SHARE = 0.25;
/** How much further apart than its budget's interval the store hands out slots. */
const SPACING_MARGIN = 0.02;
/** Waiters woken by the end of a cooldown spread over up to a tenth of it, and never more than this. */
const MAX_WAKE_JITTER_MS = 250;

/**
 * A `RateStore` (of `@issuer-errors/core`) in Redis: every process that gives its clients this store and uses one
 * credential keeps one budget and one cooldown per class, so a fleet stays under the
 * issuer's limit together and one 429 cools down the fleet's class.
 *
 * One atomic script per request, timed by the Redis server's clock. Keys hold the provider,
 * a hash of the credential and the class, never the credential. When Redis fails, is slow
 * or restarts, each process falls back to `fallbackShare` of each budget in its own memory,
 * asks Redis again with backoff, and reports the outage once: no call fails because of Redis.
 *
 * @example
 * import { createClient } from 'redis';
 * import { createRedisRateStore } from '@issuer-errors/redis';
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const cardda = createCarddaClient({
 *   apiKey,
 *   rateLimit: { requestsPerSecond: 40 },
 *   rateStore: createRedisRateStore({ redis, fallbackShare: 1 / 4 }),
 * });
 */
export function createRedisRateStore(options: RedisRateStoreOptions): RateStore {
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
    fallbackShare = DEFAULT_FALLBACK_SHARE,
    random = Math.random,
  } = options;
  const health = new RedisHealth((cause) => report(options, cause, fallbackShare), random);
  // Without a listener, node-redis would throw a lost connection's error and end the process.
  redis.on?.('error', health.failed);
  /** Cooldowns known here: set by this process, or read from Redis, so that waiters need not ask again. */
  const cooldowns = createMemoryRateStore();
  const fallback = createMemoryRateStore();

  const keysOf = ({ key }: RateBucket) => [
    `${prefix}{${key}}:budget`,
    `${prefix}{${key}}:cooldown`,
  ];
  const wake = (cooldownMs: number): RateTake => ({
    waitMs: cooldownMs + Math.ceil(random() * Math.min(MAX_WAKE_JITTER_MS, cooldownMs / 10)),
    cooldownMs,
  });
  const takeHere = (bucket: RateBucket): RateTake =>
    fallback.take({ key: bucket.key, budget: shareOf(bucket, fallbackShare) });

  return {
    async take(bucket) {
      const known = cooldowns.take({ key: bucket.key, budget: undefined });
      if (known.cooldownMs > 0) return wake(known.cooldownMs);
      if (!health.mayAsk()) return takeHere(bucket);
      try {
        const reply = await runScript(
          redis,
          TAKE_SCRIPT,
          { keys: keysOf(bucket), arguments: budgetArguments(bucket) },
          commandTimeoutMs,
        );
        const [waitMs, cooldownMs] = toTake(reply);
        health.answered();
        if (cooldownMs === 0) return { waitMs, cooldownMs };
        cooldowns.coolDown(bucket, cooldownMs);
        return wake(cooldownMs);
      } catch (cause) {
        health.failed(cause);
        return takeHere(bucket);
      }
    },
    coolDown(bucket, ms) {
      const cooldownMs = Math.ceil(ms);
      cooldowns.coolDown(bucket, cooldownMs);
      if (!health.mayAsk()) return;
      const [, cooldownKey] = keysOf(bucket);
      const cooldown = { keys: [cooldownKey as string], arguments: [String(cooldownMs)] };
      runScript(redis, COOL_DOWN_SCRIPT, cooldown, commandTimeoutMs).then(
        health.answered,
        health.failed,
      );
    },
  };
}

/**
 * The script's arguments: ms between requests (0 for no budget) and the burst. Slots are 2%
 * further apart than the budget says: the processes that were given two slots in a row send
 * them a few ms early or late, and an issuer without a burst to spare would refuse the one that
 * arrived early.
 */
function budgetArguments({ budget }: RateBucket): string[] {
  if (budget === undefined) return ['0', '1'];
  const intervalMs = (1000 / budget.requestsPerSecond) * (1 + SPACING_MARGIN);
  return [String(intervalMs), String(budget.burst ?? 1)];
}

/** The share of a budget one process keeps without Redis: at least one request at a time. */
function shareOf({ budget }: RateBucket, share: number): RateBucket['budget'] {
  if (budget === undefined) return undefined;
  return {
    requestsPerSecond: budget.requestsPerSecond * share,
    burst: Math.max(1, Math.floor((budget.burst ?? 1) * share)),
  };
}

/** The script's reply, `[waitMs, cooldownMs]`; anything else is a failure of the store. */
function toTake(reply: unknown): [number, number] {
  const [waitMs, cooldownMs] = Array.isArray(reply) && reply.length === 2 ? reply.map(Number) : [];
  if (Number(waitMs) >= 0 && Number(cooldownMs) >= 0) return [Number(waitMs), Number(cooldownMs)];
  throw new Error('Redis answered the rate script with something else than [wait, cooldown]');
}

function report(options: RedisRateStoreOptions, cause: unknown, share: number): void {
  const percent = Math.round(share * 100);
  const error = new Error(
    `Redis rate store: Redis is not answering; each process keeps ${percent}% of each budget in memory until it does`,
    { cause },
  );
  try {
    options.onStoreError?.(error);
  } catch {
    // A logging callback must never change the outcome of a call.
  }
}

function setupProblem(options: RedisRateStoreOptions | undefined): string | undefined {
  const { redis, commandTimeoutMs, fallbackShare } = options ?? ({} as RedisRateStoreOptions);
  if (typeof redis?.evalSha !== 'function' || typeof redis.eval !== 'function') {
    return 'redis needs a connected node-redis client (createClient() of the redis package, 5 or later)';
  }
  if (commandTimeoutMs !== undefined && !(commandTimeoutMs > 0 && commandTimeoutMs <= 60_000)) {
    return 'commandTimeoutMs needs a number of ms above 0, at most 60 000';
  }
  if (fallbackShare !== undefined && !(fallbackShare > 0 && fallbackShare <= 1)) {
    return 'fallbackShare needs a number above 0, at most 1';
  }
  return undefined;
}
