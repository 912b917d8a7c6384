import type { ErrorCode } from '../error/error-codes';

/**
 * How a client guards an issuer that fails persistently: a budget on retries and a breaker.
 * Every field has a default (see `docs/guides/rate-limits-and-retries.md`, "When an issuer is down").
 */
export interface IssuerHealthOptions {
  /**
   * Retries of failures the issuer did not ask us to wait for (not 429s, not token refreshes)
   * are at most this share of first attempts, counted over the last ~10 s (default 0.2).
   */
  readonly retryRatio?: number;
  /** Retries allowed on top of the ratio over the same ~10 s, so a quiet app can retry its rare failure (default 10). */
  readonly minRetries?: number;
  /** The breaker opens after this many attempts in a row failed for the issuer (default 10). */
  readonly consecutiveFailures?: number;
  /** …or when this share of attempts over the last ~10 s failed for the issuer (default 0.5)… */
  readonly failureRatio?: number;
  /** …of at least this many attempts (default 20). */
  readonly minimumAttempts?: number;
  /** How long an open breaker waits before one probe, jittered between the two (default 2–4 s). */
  readonly probeAfterMs?: { readonly min: number; readonly max: number };
}

/** The health settings of one client, defaults applied. */
export interface HealthSettings {
  readonly retryRatio: number;
  readonly minRetries: number;
  readonly consecutiveFailures: number;
  readonly failureRatio: number;
  readonly minimumAttempts: number;
  readonly probeAfterMs: { readonly min: number; readonly max: number };
  /** How long a probe's lease lasts: one attempt's time limit. */
  readonly probeLeaseMs: number;
}

/** One class of one credential's health, as a {@link HealthStore} sees it: the rate bucket's key, with the settings. */
export interface HealthBucket {
  /** The rate bucket's key: `<provider>:<hash or rateKey>:<class>`. Never a credential. */
  readonly key: string;
  readonly settings: HealthSettings;
}

/** One attempt's outcome, as recorded. */
export interface AttemptRecord {
  /** The attempt failed for the issuer: `unavailable`, `internal`, a timeout or a lost connection. */
  readonly failed: boolean;
  /** The call's first attempt (it counts towards the retry budget). */
  readonly first: boolean;
  /** The attempt was the breaker's probe. */
  readonly probe: boolean;
  /** The client would retry this failure, if the budget and the breaker allow. */
  readonly wantsRetry: boolean;
  /** The retry would spend the budget (every retry but a 429's). */
  readonly budgeted: boolean;
  /** The failure's status, fine code and the provider's request id, for the outage report. */
  readonly status?: number | undefined;
  readonly code?: ErrorCode | undefined;
  readonly requestId?: string | undefined;
}

/** What a failure cost the issuer so far, for the outage report. */
export interface OutageFailures {
  /** `null` for a failure with no response (a timeout, a lost connection). */
  readonly status: number | null;
  readonly code: string;
  /** Attempts that failed so. */
  readonly attempts: number;
  /** Calls that ended so. */
  readonly calls: number;
}

/** The outage as the store counted it: failures since the last success before the breaker opened. */
export interface OutageSnapshot {
  /** When the breaker opened (epoch ms, the store's clock). */
  readonly startedAt: number;
  /** When it closed, on the report that says it ended. */
  readonly endedAt?: number;
  readonly failedAttempts: number;
  readonly failedCalls: number;
  readonly failures: readonly OutageFailures[];
  /** Up to 10 distinct request ids of failed responses, verbatim, oldest first. */
  readonly requestIds: readonly string[];
}

/** What a store answers to {@link HealthStore.record}. */
export interface HealthVerdict {
  /** The retry the attempt asked for may go. */
  readonly retry: boolean;
  /** Why not, when it wanted one. */
  readonly refusedBy?: 'retry_budget' | 'breaker';
  /** How long the breaker stays open before a probe may go (`0`: closed). */
  readonly openForMs: number;
  /** This record opened the breaker: the outage as counted so far. Given to one process only. */
  readonly opened?: OutageSnapshot;
  /** This record (a probe's success) closed it. Given to one process only. */
  readonly closed?: OutageSnapshot;
}

/** What a store answers to {@link HealthStore.admit}. */
export type Admission =
  | { readonly kind: 'closed' }
  | { readonly kind: 'probe' }
  | { readonly kind: 'open'; readonly waitMs: number };

/**
 * Where an issuer's health is kept: the retry budget and the breaker of each class of a
 * credential. In the process by default; a shared store (`@issuer-errors/redis`) keeps one for
 * every process. A method may answer `undefined` (or throw, or take longer than the store's
 * time limit): the client then decides with its own, in its memory.
 */
export interface HealthStore {
  /** Records an attempt's outcome; says whether its retry may go and how the breaker stands. */
  record(
    bucket: HealthBucket,
    attempt: AttemptRecord,
  ): HealthVerdict | undefined | PromiseLike<HealthVerdict | undefined>;
  /**
   * Asked while the breaker is open and its wait is over: lets one attempt go as the probe
   * (holding a lease for `probeLeaseMs`), or says how long to wait. `knownOpenForMs`: how long
   * the asking process believes the breaker is open, so a store with no state for the bucket (it
   * lost it) keeps the breaker open; a state that says closed is believed.
   */
  admit(
    bucket: HealthBucket,
    knownOpenForMs: number,
  ): Admission | undefined | PromiseLike<Admission | undefined>;
}
