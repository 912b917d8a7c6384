import type { RateBucket } from '@issuer-errors/core';
import type { NodeRedisClientLike, ScriptArguments } from '../redis-client';

/** What the fake plays Redis with: the answer to each `EVALSHA`. */
export type Answer = (sha: string, options: ScriptArguments) => Promise<unknown>;

/** A reservation the take script answers: a wait, no cooldown, a fleet of `fleet`, no other rate. */
export const reserved = (waitMs = 0, fleet = 1) => [waitMs, 0, 1, fleet, ''];
/** A cooldown the take script answers. */
export const cooling = (cooldownMs: number, fleet = 1) => [cooldownMs, cooldownMs, 0, fleet, ''];

/** A node-redis client double: `answer` plays Redis; every command is recorded; its state can be set. */
export function fakeRedis(answer: Answer) {
  const commands: Array<{ command: string; sha: string; options: ScriptArguments }> = [];
  const listeners = new Set<(error: unknown) => void>();
  const state = { isOpen: true, isReady: true };
  const redis: NodeRedisClientLike = {
    evalSha: (sha, options) => {
      commands.push({ command: 'EVALSHA', sha, options });
      return answer(sha, options);
    },
    eval: (source, options) => {
      commands.push({ command: 'EVAL', sha: source, options });
      return Promise.resolve(reserved());
    },
    get isOpen() {
      return state.isOpen;
    },
    get isReady() {
      return state.isReady;
    },
    on: (event, listener) => {
      if (event === 'error') listeners.add(listener);
    },
    off: (event, listener) => {
      if (event === 'error') listeners.delete(listener);
    },
  };
  const emitError = (error: unknown) => {
    for (const listener of listeners) listener(error);
  };
  return { redis, commands, emitError, listeners, state };
}

/** A Cardda key's budget: 40/s with a burst of 4. */
export const bucket: RateBucket = {
  key: 'cardda:0123456789abcdef0123456789abcdef:all',
  budget: { requestsPerSecond: 40, burst: 4 },
};

/** An answer that never comes. */
export const never = () => new Promise<never>(() => {});
