import { HEALTH_WINDOW_MS, MAX_REQUEST_IDS, PROBE_POLL_MS } from './health-settings';
import type {
  Admission,
  AttemptRecord,
  HealthBucket,
  HealthSettings,
  HealthStore,
  HealthVerdict,
  OutageFailures,
  OutageSnapshot,
} from './health-types';

/** The failures counted since the last success, kept until the breaker closes. */
interface FailureCount {
  startedAt: number;
  failedAttempts: number;
  failedCalls: number;
  readonly failures: Map<string, { -readonly [K in keyof OutageFailures]: OutageFailures[K] }>;
  readonly requestIds: string[];
}

/** One class of one credential: counts decayed over the window, the breaker, the failures. */
interface HealthState {
  /** First attempts, retries, attempts and failed attempts, decayed with a time constant of the window. */
  calls: number;
  retries: number;
  attempts: number;
  failedAttempts: number;
  countedAt: number;
  /** Attempts in a row that failed for the issuer. */
  consecutive: number;
  /** When a probe may go (epoch ms); `0` while the breaker is closed. */
  openUntil: number;
  /** Until when the probe's lease runs; `0` when nobody probes. */
  probeUntil: number;
  failed: FailureCount | undefined;
}

/** A {@link HealthStore} that answers at once. */
export interface MemoryHealthStore extends HealthStore {
  record(bucket: HealthBucket, attempt: AttemptRecord): HealthVerdict;
  admit(bucket: HealthBucket, knownOpenForMs: number): Admission;
}

/**
 * A {@link HealthStore} in this process's memory: each client's own, and a client's fallback when
 * its shared store cannot answer. The Redis store's script keeps the same rules (see
 * `docs/architecture.md`, "The issuer's health"). `now` is the clock, `random` the jitter of the
 * probe's wait.
 */
export function createMemoryHealthStore(
  now: () => number = Date.now,
  random: () => number = Math.random,
): MemoryHealthStore {
  const states = new Map<string, HealthState>();
  const stateOf = (key: string, at: number): HealthState => {
    let state = states.get(key);
    if (state === undefined) {
      state = {
        calls: 0,
        retries: 0,
        attempts: 0,
        failedAttempts: 0,
        countedAt: at,
        consecutive: 0,
        openUntil: 0,
        probeUntil: 0,
        failed: undefined,
      };
      states.set(key, state);
    }
    return state;
  };
  const probeWait = ({ probeAfterMs }: HealthSettings) =>
    Math.round(probeAfterMs.min + random() * (probeAfterMs.max - probeAfterMs.min));

  return {
    record({ key, settings }, attempt) {
      const at = now();
      const state = stateOf(key, at);
      decay(state, at);
      state.attempts += 1;
      if (attempt.first) state.calls += 1;
      if (attempt.failed) {
        state.failedAttempts += 1;
        state.consecutive += 1;
      } else {
        state.consecutive = 0;
        if (state.openUntil === 0) state.failed = undefined;
      }
      let opened: OutageSnapshot | undefined;
      let closed: OutageSnapshot | undefined;
      if (attempt.probe) state.probeUntil = 0;
      if (attempt.probe && state.openUntil > 0) {
        if (attempt.failed) state.openUntil = at + probeWait(settings);
        else {
          closed = { ...snapshotOf(state.failed, at), endedAt: at };
          state.openUntil = 0;
          state.failed = undefined;
        }
      } else if (state.openUntil === 0 && attempt.failed && shouldOpen(state, settings)) {
        state.openUntil = at + probeWait(settings);
      }
      const verdict = decideRetry(state, settings, attempt);
      if (attempt.failed) countFailure(state, attempt, !verdict.retry);
      if (state.openUntil > 0 && state.failed !== undefined && state.failed.startedAt === 0) {
        state.failed.startedAt = at;
        opened = snapshotOf(state.failed, at);
      }
      return {
        ...verdict,
        openForMs: state.openUntil === 0 ? 0 : Math.max(1, state.openUntil - at),
        ...(opened === undefined ? {} : { opened }),
        ...(closed === undefined ? {} : { closed }),
      };
    },
    admit({ key, settings }, knownOpenForMs) {
      const at = now();
      const known = states.has(key);
      const state = stateOf(key, at);
      // A store that has no state (it lost it, or is the process's fallback) keeps the breaker
      // the process knows; one that closed it since has a state saying so.
      if (!known && knownOpenForMs > 0) {
        state.openUntil = at + knownOpenForMs;
        state.failed = { ...emptyCount(), startedAt: at };
      }
      if (state.openUntil === 0) return { kind: 'closed' };
      if (state.probeUntil > at) {
        return { kind: 'open', waitMs: Math.min(PROBE_POLL_MS, state.probeUntil - at) };
      }
      if (state.openUntil > at) return { kind: 'open', waitMs: state.openUntil - at };
      state.probeUntil = at + settings.probeLeaseMs;
      return { kind: 'probe' };
    },
  };
}

/** Decays the counts to `at`, so they weigh the last window most. */
function decay(state: HealthState, at: number): void {
  const factor = Math.exp(-Math.max(0, at - state.countedAt) / HEALTH_WINDOW_MS);
  state.calls *= factor;
  state.retries *= factor;
  state.attempts *= factor;
  state.failedAttempts *= factor;
  state.countedAt = at;
}

function shouldOpen(state: HealthState, settings: HealthSettings): boolean {
  return (
    state.consecutive >= settings.consecutiveFailures ||
    (state.attempts >= settings.minimumAttempts &&
      state.failedAttempts >= settings.failureRatio * state.attempts)
  );
}

/** Whether a failure's retry may go: not while the breaker is open, and within the budget unless a 429's. */
function decideRetry(
  state: HealthState,
  settings: HealthSettings,
  attempt: AttemptRecord,
): Pick<HealthVerdict, 'retry' | 'refusedBy'> {
  if (!attempt.wantsRetry) return { retry: false };
  if (state.openUntil > 0) return { retry: false, refusedBy: 'breaker' };
  if (!attempt.budgeted) return { retry: true };
  if (state.retries + 1 > settings.retryRatio * state.calls + settings.minRetries) {
    return { retry: false, refusedBy: 'retry_budget' };
  }
  state.retries += 1;
  return { retry: true };
}

function emptyCount(): FailureCount {
  return { startedAt: 0, failedAttempts: 0, failedCalls: 0, failures: new Map(), requestIds: [] };
}

function countFailure(state: HealthState, attempt: AttemptRecord, final: boolean): void {
  state.failed ??= emptyCount();
  const { failed } = state;
  failed.failedAttempts += 1;
  if (final) failed.failedCalls += 1;
  const status = attempt.status ?? null;
  const code = attempt.code ?? 'unknown';
  const name = `${status} ${code}`;
  const row = failed.failures.get(name) ?? { status, code, attempts: 0, calls: 0 };
  row.attempts += 1;
  if (final) row.calls += 1;
  failed.failures.set(name, row);
  const { requestId } = attempt;
  if (
    requestId !== undefined &&
    failed.requestIds.length < MAX_REQUEST_IDS &&
    !failed.requestIds.includes(requestId)
  ) {
    failed.requestIds.push(requestId);
  }
}

function snapshotOf(failed: FailureCount | undefined, at: number): OutageSnapshot {
  const count = failed ?? emptyCount();
  return {
    startedAt: count.startedAt || at,
    failedAttempts: count.failedAttempts,
    failedCalls: count.failedCalls,
    failures: [...count.failures.values()].map((row) => ({ ...row })),
    requestIds: [...count.requestIds],
  };
}
