import type { HealthBucket, HealthStore } from '@issuer-errors/core';
import { readAdmission, readVerdict, recordArguments } from './issuer-health-reply';
import { ADMIT_SCRIPT, RECORD_SCRIPT } from './issuer-health-scripts';
import { clientState, type RedisClientLike } from './redis-client';
import type { RedisReachability } from './redis-reachability';
import type { RedisScript } from './redis-scripts';
import { runScript } from './run-script';

/** What the Redis store shares with the issuer's health it keeps. */
export interface RedisIssuerHealthSetup {
  readonly redis: RedisClientLike;
  readonly prefix: string;
  readonly commandTimeoutMs: number;
  readonly random: () => number;
  readonly reachability: RedisReachability;
  /** The store was closed: nothing is asked of Redis any more. */
  readonly isClosed: () => boolean;
}

/**
 * The issuer's health (retry budget and breaker) of every class of a credential, kept in Redis
 * for the fleet: one script, one round trip, per decision. It answers `undefined` when Redis
 * cannot answer, and the client decides with its own health in memory.
 */
export function createRedisIssuerHealth(setup: RedisIssuerHealthSetup): HealthStore {
  const { redis, prefix, commandTimeoutMs, reachability } = setup;
  const keysOf = ({ key }: HealthBucket) => [
    `${prefix}{${key}}:health`,
    `${prefix}{${key}}:outage`,
  ];

  const ask = async <T>(
    bucket: HealthBucket,
    redisScript: RedisScript,
    scriptArguments: string[],
    read: (reply: unknown) => T,
  ): Promise<T | undefined> => {
    if (setup.isClosed() || !reachability.mayAsk()) return undefined;
    if (clientState(redis) !== 'ready') return undefined;
    try {
      const reply = await runScript(
        redis,
        redisScript,
        { keys: keysOf(bucket), arguments: scriptArguments },
        commandTimeoutMs,
      );
      const answer = read(reply);
      reachability.answered();
      return answer;
    } catch (cause) {
      reachability.failed(cause);
      return undefined;
    }
  };

  return {
    record: (bucket, attempt) =>
      ask(bucket, RECORD_SCRIPT, recordArguments(bucket, attempt, setup.random()), readVerdict),
    admit: (bucket, knownOpenForMs) =>
      ask(
        bucket,
        ADMIT_SCRIPT,
        [String(Math.ceil(knownOpenForMs)), String(Math.ceil(bucket.settings.probeLeaseMs))],
        readAdmission,
      ),
  };
}
