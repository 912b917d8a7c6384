import type { RedisScript } from './redis-scripts';

/** The arguments of a script, as node-redis takes them. */
export interface ScriptArguments {
  readonly keys: string[];
  readonly arguments: string[];
}

/**
 * What the store uses of a node-redis client (the `redis` package, 5 or later): its two script
 * commands, and, when it has them, per-command abort signals and `error` events.
 */
export interface RedisClientLike {
  /** Runs a script Redis has cached, by its SHA-1 (`EVALSHA`). */
  evalSha(sha1: string, options: ScriptArguments): Promise<unknown>;
  /** Runs a script, and caches it (`EVAL`). */
  eval(script: string, options: ScriptArguments): Promise<unknown>;
  /** The same client, with commands that `signal` drops while they are still queued. */
  withAbortSignal?(signal: AbortSignal): RedisClientLike;
  /** Listens to the connection's errors. */
  on?(event: 'error', listener: (error: unknown) => void): unknown;
}

/**
 * Runs a script by its SHA, loading it again when Redis has lost it (NOSCRIPT, after a
 * restart), and rejects when no answer came within `timeLimitMs`. A command still queued
 * in the client then is dropped, so that an outage does not pile commands up.
 */
export async function runScript(
  redis: RedisClientLike,
  script: RedisScript,
  options: ScriptArguments,
  timeLimitMs: number,
): Promise<unknown> {
  const controller = new AbortController();
  const late = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () =>
      reject(new Error(`Redis did not answer within ${timeLimitMs} ms`)),
    );
  });
  const timer = setTimeout(() => controller.abort(), timeLimitMs);
  const client = redis.withAbortSignal?.(controller.signal) ?? redis;
  const answer = evalScript(client, script, options);
  // A command that answers after the time limit has nobody to tell.
  answer.catch(() => {});
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function evalScript(
  client: RedisClientLike,
  script: RedisScript,
  options: ScriptArguments,
): Promise<unknown> {
  try {
    return await client.evalSha(script.sha, options);
  } catch (error) {
    if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
    return client.eval(script.source, options);
  }
}
