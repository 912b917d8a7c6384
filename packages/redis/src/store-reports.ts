import { RedisSilentError } from './run-script';

/**
 * Why the Redis store reported: Redis is `silent` (no answer in time, a lost connection, a
 * client that reconnects); the client is `not_connected` (never `connect()`ed, or quit); Redis
 * answered with an `error_reply` (a prefix with braces on a cluster, an ACL without EVAL, scripting
 * disabled, a key of another type); or processes of one budget ask for different rates
 * (`rate_mismatch`). Only `silent` is an outage; the others are setup mistakes to fix.
 */
export type RedisStoreProblem = 'silent' | 'not_connected' | 'error_reply' | 'rate_mismatch';

/** What the Redis store hands `onStoreError`: an `Error` whose `problem` says which kind it is. */
export class RedisStoreError extends Error {
  override readonly name = 'RedisStoreError';
  /** Which kind of problem this is. */
  readonly problem: RedisStoreProblem;

  constructor(problem: RedisStoreProblem, message: string, cause?: unknown) {
    super(`Redis rate store: ${message}`, cause === undefined ? undefined : { cause });
    this.problem = problem;
  }
}

/** Replies that mean Redis is busy or moving (loading, a failover, a cluster resharding): an outage, not a mistake. */
const PASSING_REPLIES = /^(?:LOADING|BUSY|MASTERDOWN|TRYAGAIN|CLUSTERDOWN|READONLY|MOVED|ASK)\b/;
/** An error reply's first word: an upper-case code such as ERR, NOPERM, CROSSSLOT or WRONGTYPE. */
const ERROR_REPLY = /^[A-Z][A-Z_]+ /;
const WHILE_IT_LASTS = 'this process keeps its share of each budget in memory meanwhile';

/** The report of a failed command: an error reply in Redis's own words, or silence. */
export function failureReport(cause: unknown): RedisStoreError {
  const words = cause instanceof Error ? cause.message : '';
  if (ERROR_REPLY.test(words) && !PASSING_REPLIES.test(words)) {
    return new RedisStoreError(
      'error_reply',
      `Redis answered the rate script with an error, "${words.slice(0, 200)}": check the prefix (no braces on a cluster), the user's ACL (EVAL, EVALSHA) and that scripting is enabled; ${WHILE_IT_LASTS}`,
      cause,
    );
  }
  const why = cause instanceof RedisSilentError ? cause.message : 'the connection failed';
  return new RedisStoreError(
    'silent',
    `Redis is not answering (${why}); ${WHILE_IT_LASTS}, until it does`,
    cause,
  );
}

/** The report of a client that cannot send: it reconnects (an outage), or it is closed (a mistake). */
export function clientReport(state: 'connecting' | 'closed'): RedisStoreError {
  return state === 'connecting'
    ? new RedisStoreError(
        'silent',
        `Redis is not answering (the client is reconnecting); ${WHILE_IT_LASTS}, until it does`,
      )
    : new RedisStoreError(
        'not_connected',
        `the Redis client is not connected: connect() it before the first call, and quit() it only after the last; ${WHILE_IT_LASTS}`,
      );
}

/** The report of two rates asked for one budget, with both figures. */
export function rateMismatchReport(
  key: string,
  asked: { intervalMs: number; burst: number },
  kept: string,
  toRequestsPerSecond: (intervalMs: number) => number,
): RedisStoreError {
  const [keptInterval = Number.NaN, keptBurst = Number.NaN] = kept.split(' ').map(Number);
  const rate = (intervalMs: number, burst: number) =>
    `${Number(toRequestsPerSecond(intervalMs).toPrecision(3))}/s (burst ${burst})`;
  return new RedisStoreError(
    'rate_mismatch',
    `processes of budget ${key} ask for different rates: ${rate(asked.intervalMs, asked.burst)} here, ${rate(keptInterval, keptBurst)} elsewhere; every process keeps the stricter until they agree`,
  );
}

/** Whether `cause` is a report of this store already. */
export function isStoreReport(cause: unknown): cause is RedisStoreError {
  return cause instanceof RedisStoreError;
}
