import { createMemoryHealthStore, type MemoryHealthStore } from '../health/memory-health-store';
import type { RateBucket, RateStore, RateTake } from './rate-types';

interface BucketState {
  /** Spent by every request that leaves; refilled at the budget's rate up to its burst. */
  tokens: number;
  updatedAt: number;
  /** Until when the issuer asked this class to wait (epoch ms). */
  cooldownUntil: number;
}

/** A {@link RateStore} that answers at once. */
export interface MemoryRateStore extends RateStore {
  take(bucket: RateBucket): RateTake;
  coolDown(bucket: RateBucket, ms: number): void;
  readonly health: MemoryHealthStore;
}

/**
 * A {@link RateStore} in this process's memory: what every client uses unless given
 * another. Each client has one of its own; clients given the same store share it, and the
 * issuer's health (the retry budget and the breaker) with it.
 * `now` is the clock (`Date.now` by default), `random` the jitter of the breaker's wait.
 */
export function createMemoryRateStore(
  now: () => number = Date.now,
  random: () => number = Math.random,
): MemoryRateStore {
  const states = new Map<string, BucketState>();
  const stateOf = ({ key, budget }: RateBucket): BucketState => {
    let state = states.get(key);
    if (state === undefined) {
      state = { tokens: budget?.burst ?? 1, updatedAt: now(), cooldownUntil: 0 };
      states.set(key, state);
    }
    return state;
  };

  return {
    health: createMemoryHealthStore(now, random),
    take(bucket) {
      const state = stateOf(bucket);
      const current = now();
      const cooldownMs = Math.max(0, state.cooldownUntil - current);
      const { budget } = bucket;
      if (budget === undefined) return { waitMs: cooldownMs, cooldownMs };
      const elapsedMs = Math.max(0, current - state.updatedAt);
      state.tokens = Math.min(
        budget.burst ?? 1,
        state.tokens + (elapsedMs * budget.requestsPerSecond) / 1000,
      );
      state.updatedAt = current;
      const tokenMs = Math.ceil(((1 - state.tokens) * 1000) / budget.requestsPerSecond);
      const waitMs = Math.max(cooldownMs, tokenMs);
      if (waitMs === 0) state.tokens -= 1;
      return { waitMs, cooldownMs };
    },
    coolDown(bucket, ms) {
      const state = stateOf(bucket);
      state.cooldownUntil = Math.max(state.cooldownUntil, now() + ms);
    },
  };
}
