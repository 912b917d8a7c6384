import type { IssuerAdapter } from '../adapter/adapter-types';
import type { OutageSnapshot } from '../health/health-types';
import type { RateClass } from '../rate/rate-types';

/**
 * What `onOutage` receives: once for the whole fleet when the breaker opens (`state: 'started'`)
 * and once when a probe closes it (`'ended'`), each in one process. It holds no credential,
 * token or card number: counts, statuses, fine codes and the provider's request ids.
 */
export interface OutageReport extends OutageSnapshot {
  readonly state: 'started' | 'ended';
  /** `'clara'`, `'cardda'`, or a third-party adapter's name. */
  readonly provider: string;
  /** The class whose breaker opened: `'read'`, `'write'`, or `'all'` for an issuer with one limit. */
  readonly rateClass: RateClass;
  /** What the provider's docs say to do when failures persist: whom to contact, with what. */
  readonly advice: string;
}

/** A report of `snapshot`, as the provider's adapter words its advice. */
export function toOutageReport(
  adapter: IssuerAdapter,
  rateClass: RateClass,
  state: OutageReport['state'],
  snapshot: OutageSnapshot,
): OutageReport {
  return {
    state,
    provider: adapter.name,
    rateClass,
    advice:
      adapter.retry.whenPersistent ??
      `Contact ${adapter.displayName}'s support with the request ids.`,
    ...snapshot,
  };
}
