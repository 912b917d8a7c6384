import type { RateBucket, RateTake } from '@issuer-errors/core';

/** The share of a fleet Redis never counted. */
const UNKNOWN_FLEET_SHARE = 0.25;

/**
 * A process's own share of each budget, as reservations by GCRA on this host's clock: what it
 * keeps while it cannot use Redis, and keeps to for a while after Redis is back. The share is one
 * of the fleet Redis last counted on the budget, unless the app gives one. Each budget starts
 * empty when an outage starts: the fleet may have spent the shared burst just before, and a
 * process that starts full would add its burst to it.
 */
export class FallbackBudgets {
  /** The theoretical arrival time of each budget's next slot, by bucket key. */
  readonly #schedules = new Map<string, number>();
  /** The processes Redis last counted on each budget. */
  readonly #fleetSizes = new Map<string, number>();
  readonly #givenShare: number | undefined;
  /** When the last outage started: no budget has a slot sooner than one interval after it. */
  #emptySince = Number.NEGATIVE_INFINITY;
  /** Until when a process back from an outage keeps to its share: its peers may still be on theirs. */
  #rejoinUntil = 0;

  /** `share`: the app's `fallbackShare`, which wins over the fleet counted. */
  constructor(share: number | undefined) {
    this.#givenShare = share;
  }

  /** Redis counted `size` processes on the budget of `key`. */
  countFleet(key: string, size: number): void {
    this.#fleetSizes.set(key, size);
  }

  /** An outage starts: every budget is empty from `now`. */
  empty(now: number): void {
    this.#emptySince = now;
  }

  /** Redis is back: until `until`, a request waits for a slot of its own share before it asks Redis. */
  rejoin(until: number): void {
    this.#rejoinUntil = until;
  }

  /** Reserves the next slot of the bucket under this process's share of its budget. */
  take(bucket: RateBucket, now: number): RateTake {
    const next = this.#next(bucket, now);
    if (next === undefined) return { waitMs: 0, cooldownMs: 0 };
    this.#schedules.set(bucket.key, next.arrival + next.intervalMs);
    return { waitMs: next.waitMs, cooldownMs: 0, reserved: true };
  }

  /**
   * Back from an outage: how long until this process's own next slot, 0 when it has come (and
   * is taken, so that Redis is asked for the request) or when the rejoin is over.
   */
  waitBeforeRedis(bucket: RateBucket, now: number): number {
    if (now >= this.#rejoinUntil) return 0;
    const waitMs = this.#next(bucket, now)?.waitMs ?? 0;
    if (waitMs === 0) this.take(bucket, now);
    return waitMs;
  }

  #share(key: string): number {
    if (this.#givenShare !== undefined) return this.#givenShare;
    const fleetSize = this.#fleetSizes.get(key);
    return fleetSize === undefined ? UNKNOWN_FLEET_SHARE : 1 / Math.max(1, fleetSize);
  }

  #next({ key, budget }: RateBucket, now: number) {
    if (budget === undefined) return undefined;
    const share = this.#share(key);
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
