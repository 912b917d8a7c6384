import { randomUUID } from 'node:crypto';
import {
  createMemoryRateStore,
  IssuerError,
  type RateBucket,
  type RateTake,
} from '@issuer-errors/core';
import { listenForErrors } from './client-listeners';
import { FallbackBudgets } from './fallback-budgets';
import { clientState } from './redis-client';
import { createRedisIssuerHealth } from './redis-issuer-health';
import { MAX_RETRY_MS, RedisReachability } from './redis-reachability';
import { COOL_DOWN_SCRIPT, TAKE_SCRIPT } from './redis-scripts';
import {
  type RedisRateStore,
  type RedisRateStoreOptions,
  setupProblem,
} from './redis-store-options';
import { runScript } from './run-script';
import { clientReport, failureReport, isStoreReport, rateMismatchReport } from './store-reports';
import { budgetArguments, intervalOf, readReply, toRequestsPerSecond } from './take-script';

const DEFAULT_PREFIX = 'issuer-errors:rate:';
const DEFAULT_COMMAND_TIMEOUT_MS = 100;
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
  /** This store's name among a budget's fleet: a process's, not a secret. */
  const processId = randomUUID();
  const fallback = new FallbackBudgets(options.fallbackShare);
  const mismatchesReported = new Set<string>();
  let closed = false;
  const reachability = new RedisReachability(
    {
      failed: (cause) => {
        fallback.empty(Date.now());
        tell(options.onStoreError, isStoreReport(cause) ? cause : failureReport(cause));
      },
      recovered: () => {
        fallback.rejoin(Date.now() + MAX_RETRY_MS);
        tell(options.onStoreRecovered, undefined);
      },
    },
    random,
  );
  // Without a listener, node-redis would throw a lost connection's error and end the process.
  const stopListening = listenForErrors(redis, reachability.failed);
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
  const takeHere = (bucket: RateBucket): RateTake => fallback.take(bucket, Date.now());

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
    reachability.answered();
    fallback.countFleet(bucket.key, answer.fleetSize);
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
  return {
    timeLimitMs: commandTimeoutMs,
    health: createRedisIssuerHealth({
      redis,
      prefix,
      commandTimeoutMs,
      random,
      reachability,
      isClosed: () => closed,
    }),
    async take(bucket) {
      const known = cooldowns.take({ key: bucket.key, budget: undefined });
      if (known.cooldownMs > 0) return wake(known.cooldownMs);
      // Back from an outage, a request first waits for a slot of this process's own share.
      const ownWaitMs =
        closed || reachability.failing ? 0 : fallback.waitBeforeRedis(bucket, Date.now());
      if (ownWaitMs > 0) return { waitMs: ownWaitMs, cooldownMs: 0 };
      if (closed || !reachability.mayAsk()) return takeHere(bucket);
      const state = clientState(redis);
      if (state !== 'ready') {
        reachability.failed(clientReport(state));
        return takeHere(bucket);
      }
      try {
        return await takeFromRedis(bucket);
      } catch (cause) {
        reachability.failed(cause);
        return takeHere(bucket);
      }
    },
    coolDown(bucket, ms) {
      const cooldownMs = Math.ceil(ms);
      cooldowns.coolDown(bucket, cooldownMs);
      if (closed || reachability.failing || clientState(redis) !== 'ready') return;
      const [, cooldownKey] = keysOf(bucket);
      const cooldown = { keys: [cooldownKey as string], arguments: [String(cooldownMs)] };
      runScript(redis, COOL_DOWN_SCRIPT, cooldown, commandTimeoutMs).then(
        reachability.answered,
        reachability.failed,
      );
    },
    isInFallback: () => closed || reachability.failing,
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
