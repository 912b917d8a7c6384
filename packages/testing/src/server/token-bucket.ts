import type { FakeRateLimit } from './fake-issuer-types';

/** A request let through, or refused with how long until the next one would be. */
export type BucketDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly waitMs: number };

/** A token bucket over a clock; `take` spends one request. */
export interface TokenBucket {
  take(): BucketDecision;
}

/** Starts full. */
export function createTokenBucket(limit: FakeRateLimit, now: () => number = Date.now): TokenBucket {
  const burst = limit.burst ?? 1;
  let tokens = burst;
  let updatedAt = now();
  return {
    take() {
      const current = now();
      tokens = Math.min(burst, tokens + ((current - updatedAt) / 1000) * limit.requestsPerSecond);
      updatedAt = current;
      if (tokens >= 1) {
        tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, waitMs: Math.ceil(((1 - tokens) / limit.requestsPerSecond) * 1000) };
    },
  };
}
