import type { RateBudget, RateTake } from '@issuer-errors/core';

/**
 * A process's own share of each budget while it cannot use Redis, as reservations by GCRA on
 * this host's clock. Each budget starts empty when an outage starts: the fleet may have spent
 * the shared burst just before, and a process that starts full would add its burst to it.
 */
export class FallbackBudgets {
  /** The theoretical arrival time of each budget's next slot, by bucket key. */
  readonly #schedules = new Map<string, number>();
  /** When the last outage started: no budget has a slot sooner than one interval after it. */
  #emptySince = Number.NEGATIVE_INFINITY;

  /** Empties every budget from `now`. */
  empty(now: number): void {
    this.#emptySince = now;
  }

  /** Reserves the next slot of `key` under `share` of `budget`. */
  take(key: string, budget: RateBudget, share: number, now: number): RateTake {
    const { arrival, intervalMs, waitMs } = this.#next(key, budget, share, now);
    this.#schedules.set(key, arrival + intervalMs);
    return { waitMs, cooldownMs: 0, reserved: true };
  }

  /** How long until the next slot of `key` under `share` of `budget`, reserving nothing. */
  waitMs(key: string, budget: RateBudget, share: number, now: number): number {
    return this.#next(key, budget, share, now).waitMs;
  }

  #next(key: string, budget: RateBudget, share: number, now: number) {
    const intervalMs = 1000 / (budget.requestsPerSecond * share);
    const burst = Math.max(1, Math.floor((budget.burst ?? 1) * share));
    const toleranceMs = (burst - 1) * intervalMs;
    const arrival = Math.max(
      this.#schedules.get(key) ?? now,
      now,
      this.#emptySince + toleranceMs + intervalMs,
    );
    const waitMs = Math.ceil(Math.max(0, arrival - toleranceMs - now));
    return { arrival, intervalMs, waitMs };
  }
}
