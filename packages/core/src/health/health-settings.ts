import type { HealthSettings, IssuerHealthOptions } from './health-types';

/** The window the retry budget and the failure ratio are counted over (an exponential decay of this time constant). */
export const HEALTH_WINDOW_MS = 10_000;
/** While another process probes, others ask again this soon, so the fleet follows a probe's success at once. */
export const PROBE_POLL_MS = 500;
/** The most request ids an outage report keeps. */
export const MAX_REQUEST_IDS = 10;
/** A probe's lease when attempts have no time limit. */
const MAX_PROBE_LEASE_MS = 60_000;

const DEFAULTS = {
  retryRatio: 0.2,
  minRetries: 10,
  consecutiveFailures: 10,
  failureRatio: 0.5,
  minimumAttempts: 20,
  probeAfterMs: { min: 2_000, max: 4_000 },
} as const;

/** The settings of a client's `health` option, defaults applied; `attemptTimeoutMs` bounds a probe's lease. */
export function toHealthSettings(
  options: IssuerHealthOptions | undefined,
  attemptTimeoutMs: number | undefined,
): HealthSettings {
  return {
    ...DEFAULTS,
    ...options,
    probeLeaseMs: Math.min(attemptTimeoutMs ?? MAX_PROBE_LEASE_MS, MAX_PROBE_LEASE_MS),
  };
}

/** What is wrong with a `health` option, in words for a setup error; `undefined` when nothing is. */
export function healthProblem(options: unknown): string | undefined {
  if (options === undefined || options === false) return undefined;
  if (typeof options !== 'object' || options === null) {
    return 'health must be an object of settings, or false to turn the retry budget and breaker off';
  }
  const value = options as Record<string, unknown>;
  const ratio = (name: string) => {
    const given = value[name];
    return given === undefined || (typeof given === 'number' && given >= 0 && given <= 1)
      ? undefined
      : `health.${name} must be a number from 0 to 1`;
  };
  const count = (name: string) => {
    const given = value[name];
    return given === undefined || (Number.isInteger(given) && (given as number) >= 1)
      ? undefined
      : `health.${name} must be a whole number of at least 1`;
  };
  const probe = value.probeAfterMs as { min?: unknown; max?: unknown } | undefined;
  const probeProblem =
    probe === undefined ||
    (typeof probe === 'object' &&
      probe !== null &&
      typeof probe.min === 'number' &&
      typeof probe.max === 'number' &&
      probe.min >= 0 &&
      probe.max >= probe.min &&
      probe.max <= 300_000)
      ? undefined
      : 'health.probeAfterMs must be { min, max } in ms, 0 ≤ min ≤ max ≤ 300000';
  const minRetries = value.minRetries;
  const minRetriesProblem =
    minRetries === undefined || (Number.isInteger(minRetries) && (minRetries as number) >= 0)
      ? undefined
      : 'health.minRetries must be a whole number of at least 0';
  return (
    ratio('retryRatio') ??
    ratio('failureRatio') ??
    minRetriesProblem ??
    count('consecutiveFailures') ??
    count('minimumAttempts') ??
    probeProblem
  );
}
