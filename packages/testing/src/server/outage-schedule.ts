import type { WireResponse } from '../fixture-response';
import type { FakeOutage } from './fake-issuer-types';
import type { ProviderProfile } from './provider-profile';

/** The statuses an outage may answer with: the issuers' documented server failures. */
const OUTAGE_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504]);

/** When the fake's outage runs, and what it answers. */
export interface OutageSchedule {
  /** Starts `outage` (checked against the provider's documented 5xx), or ends it with `undefined`. */
  set(outage: FakeOutage | undefined): void;
  /** The outage's answer to a request now; `undefined` when none runs (or a degraded issuer lets this one through). */
  answer(): WireResponse | undefined;
}

/** An outage schedule on the fake's clock; `random` draws which requests a degraded issuer fails. */
export function createOutageSchedule(
  profile: ProviderProfile,
  now: () => number,
  random: () => number = Math.random,
): OutageSchedule {
  let current: { outage: FakeOutage; startsAt: number; endsAt: number } | undefined;
  return {
    set(outage) {
      if (outage === undefined) {
        current = undefined;
        return;
      }
      const problem = outageProblem(outage, profile);
      if (problem !== undefined) throw new TypeError(problem);
      const startsAt = now() + (outage.afterMs ?? 0);
      current = { outage, startsAt, endsAt: startsAt + (outage.forMs ?? Infinity) };
    },
    answer() {
      if (current === undefined) return undefined;
      const at = now();
      if (at < current.startsAt || at >= current.endsAt) return undefined;
      if (random() >= (current.outage.share ?? 1)) return undefined;
      // Cardda's scenarios carry a fresh X-Request-Id each; Clara documents no request id.
      return profile.scenario(current.outage.error, {});
    },
  };
}

function outageProblem(outage: FakeOutage, profile: ProviderProfile): string | undefined {
  const wire = profile.scenario(outage.error, {});
  if (wire === undefined || !OUTAGE_STATUSES.has(wire.status)) {
    return `An outage answers with a documented 500, 502, 503 or 504 scenario; "${outage.error}" is not one`;
  }
  const { forMs, afterMs, share } = outage;
  if (forMs !== undefined && !(forMs > 0)) return 'An outage lasts more than 0 ms (forMs)';
  if (afterMs !== undefined && !(afterMs >= 0))
    return 'An outage starts 0 ms from now or later (afterMs)';
  if (share !== undefined && !(share > 0 && share <= 1))
    return 'An outage answers a share above 0, at most 1, of requests';
  return undefined;
}
