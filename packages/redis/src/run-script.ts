import { evaluate, type RedisClientLike, type ScriptArguments } from './redis-client';
import type { RedisScript } from './redis-scripts';

/** Why a command got no answer in time: Redis was silent. */
export class RedisSilentError extends Error {
  override readonly name = 'RedisSilentError';
}

/**
 * Runs a script by its SHA, loading it again when Redis has lost it (NOSCRIPT, after a
 * restart), and rejects with a {@link RedisSilentError} when no answer came within
 * `timeLimitMs`. The verdict waits for the event loop's next check phase: after a stall,
 * timers run before sockets are read, and an answer already received must win. A command still
 * queued in a node-redis client then is dropped, so that an outage does not pile commands up.
 */
export async function runScript(
  redis: RedisClientLike,
  script: RedisScript,
  options: ScriptArguments,
  timeLimitMs: number,
): Promise<unknown> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let check: ReturnType<typeof setImmediate> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      check = setImmediate(() => {
        controller.abort();
        reject(new RedisSilentError(`Redis did not answer within ${timeLimitMs} ms`));
      });
    }, timeLimitMs);
  });
  const answer = evalScript(redis, script, options, controller.signal);
  // A command that answers after the time limit has nobody to tell.
  answer.catch(() => {});
  late.catch(() => {});
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
    clearImmediate(check);
  }
}

async function evalScript(
  client: RedisClientLike,
  script: RedisScript,
  options: ScriptArguments,
  signal: AbortSignal,
): Promise<unknown> {
  try {
    return await evaluate(client, 'evalsha', script.sha, options, signal);
  } catch (error) {
    if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
    return evaluate(client, 'eval', script.source, options, signal);
  }
}
