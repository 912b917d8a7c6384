import type { BackoffPolicy } from '../adapter/adapter-types';

/** No computed backoff waits longer than this: 20 s. */
export const MAX_BACKOFF_MS = 20_000;

/**
 * The wait before retry number `retryIndex` (0 for the first retry):
 * `baseMs * factor^retryIndex`, capped at `maxMs` (and 20 s), then jittered —
 * full jitter draws uniformly from `[0, delay]`; `{ addMs }` adds up to `addMs`.
 *
 * @example
 * computeBackoffMs({ baseMs: 1000, factor: 2, maxMs: 20_000, jitter: { addMs: 1000 } }, 2, () => 0.5); // 4500
 */
export function computeBackoffMs(
  policy: BackoffPolicy,
  retryIndex: number,
  random: () => number = Math.random,
): number {
  const delay = Math.min(policy.maxMs, MAX_BACKOFF_MS, policy.baseMs * policy.factor ** retryIndex);
  const draw = Math.min(1, Math.max(0, random()));
  const jittered = policy.jitter === 'full' ? delay * draw : delay + policy.jitter.addMs * draw;
  return Math.round(jittered);
}
