import type { RateBucket, RateTake } from '@issuer-errors/core';

/** How much further apart than its budget's interval the store hands out slots. */
const SPACING_MARGIN = 0.02;

/** ms between slots of a bucket's budget (0 for none), 2% further apart than the budget says. */
export function intervalOf({ budget }: RateBucket): number {
  if (budget === undefined) return 0;
  return (1000 / budget.requestsPerSecond) * (1 + SPACING_MARGIN);
}

/** The budget's requests per second that {@link intervalOf} spaces out. */
export function toRequestsPerSecond(intervalMs: number): number {
  return (1000 * (1 + SPACING_MARGIN)) / intervalMs;
}

/**
 * The script's arguments: ms between slots (0 for no budget) and the burst. Slots are 2%
 * further apart than the budget says: the processes that were given two slots in a row send
 * them a few ms early or late, and an issuer without a burst to spare would refuse the one that
 * arrived early.
 */
export function budgetArguments(bucket: RateBucket): string[] {
  return [intervalOf(bucket).toFixed(3), String(bucket.budget?.burst ?? 1)];
}

/** What the take script answered. */
export interface ScriptAnswer {
  readonly take: RateTake;
  readonly cooldownMs: number;
  readonly fleetSize: number;
  /** The rate Redis keeps for the budget when another process asked for another one; '' otherwise. */
  readonly keptRate: string;
}

/** The script's reply; anything else is a failure of the store. */
export function readReply(reply: unknown): ScriptAnswer {
  const [waitMs, cooldownMs, reserved, fleetSize, keptRate] = Array.isArray(reply) ? reply : [];
  const numbers = [waitMs, cooldownMs, reserved, fleetSize].map(Number);
  if (
    numbers.every((value) => value >= 0 && Number.isFinite(value)) &&
    typeof keptRate === 'string'
  ) {
    const [wait = 0, cooldown = 0, isReserved = 0, fleet = 0] = numbers;
    const take: RateTake =
      isReserved === 1
        ? { waitMs: wait, cooldownMs: cooldown, reserved: true }
        : { waitMs: wait, cooldownMs: cooldown };
    return { take, cooldownMs: cooldown, fleetSize: fleet, keptRate };
  }
  throw new Error('Redis answered the rate script with something else than its five values');
}
