import type { IssuerAdapter } from '../adapter/adapter-types';
import type { IssuerError } from '../error/issuer-error';
import { PROBE_POLL_MS } from '../health/health-settings';
import type {
  Admission,
  AttemptRecord,
  HealthBucket,
  HealthStore,
  HealthVerdict,
  OutageSnapshot,
} from '../health/health-types';
import { createMemoryHealthStore, type MemoryHealthStore } from '../health/memory-health-store';
import type { RateClass } from '../rate/rate-types';
import { type OutageReport, toOutageReport } from './outage-report';
import { DEFAULT_STORE_TIME_LIMIT_MS, withinTimeLimit } from './within-time-limit';

/** What a guard needs besides its store: whose health, and whom to tell of an outage. */
export interface HealthGuardSetup {
  readonly adapter: IssuerAdapter;
  readonly rateClass: RateClass;
  readonly store: HealthStore | undefined;
  readonly timeLimitMs: number | undefined;
  readonly onOutage: ((report: OutageReport) => void) | undefined;
  /** Told when the mirror sees the breaker open or close. */
  readonly onBreakerChange?: ((open: boolean) => void) | undefined;
  readonly random: () => number;
}

/** The kinds of failure that say the issuer itself is failing. */
const ISSUER_FAILURES: ReadonlySet<string> = new Set([
  'unavailable',
  'internal',
  'timeout',
  'network',
]);
/** Attempts that tell nothing of the issuer's health: never answered because of the caller or the setup. */
const NOT_COUNTED: ReadonlySet<string> = new Set(['cancelled', 'configuration']);
const CLOSED: Admission = { kind: 'closed' };

/**
 * The retry budget and breaker of one rate class, as a client sees them. The breaker's state is
 * mirrored here from the store's answers, so a call asks the store nothing before it leaves while
 * the breaker is closed, and nothing while it is open until a probe may go. When the store cannot
 * answer, the process's own memory decides.
 */
export class HealthGuard {
  readonly #setup: HealthGuardSetup;
  readonly #bucket: HealthBucket | PromiseLike<HealthBucket>;
  /** The process's own health: what decides when the store cannot. */
  readonly #own: MemoryHealthStore;
  /** When this process next asks the store to admit a call (epoch ms); `0` while the breaker is closed. */
  #openUntil = 0;

  constructor(setup: HealthGuardSetup, bucket: HealthBucket | PromiseLike<HealthBucket>) {
    this.#setup = setup;
    this.#bucket = bucket;
    this.#own = createMemoryHealthStore(Date.now, setup.random);
  }

  /** Whether an attempt's error counts for the issuer's health, and as a failure of it. */
  static countsAs(error: IssuerError): 'failure' | 'answer' | undefined {
    if (NOT_COUNTED.has(error.kind)) return undefined;
    return ISSUER_FAILURES.has(error.kind) ? 'failure' : 'answer';
  }

  /** Whether a call's first attempt may leave; asks the store only once the breaker's wait is over. */
  async admit(): Promise<Admission> {
    if (this.#openUntil === 0) return CLOSED;
    const now = Date.now();
    if (now < this.#openUntil) return { kind: 'open', waitMs: this.#openUntil - now };
    const knownOpenForMs = Math.max(1, this.#openUntil - now);
    const bucket = await this.#bucket;
    const admission =
      (await this.#ask((store) => store.admit(bucket, knownOpenForMs), isAdmission)) ??
      this.#own.admit(bucket, knownOpenForMs);
    if (admission.kind === 'closed') this.#mirror(0);
    else if (admission.kind === 'probe') this.#mirror(Date.now() + PROBE_POLL_MS);
    else this.#mirror(Date.now() + admission.waitMs);
    return admission;
  }

  /** Records an attempt's outcome; the verdict on its retry. */
  async record(attempt: AttemptRecord): Promise<HealthVerdict> {
    const bucket = await this.#bucket;
    const verdict =
      (await this.#ask((store) => store.record(bucket, attempt), isVerdict)) ??
      this.#own.record(bucket, attempt);
    this.#mirror(verdict.openForMs > 0 ? Date.now() + verdict.openForMs : 0);
    if (verdict.opened !== undefined) this.#report('started', verdict.opened);
    if (verdict.closed !== undefined) this.#report('ended', verdict.closed);
    return verdict;
  }

  /** Keeps when the breaker next lets a call ask, telling whoever listens when it opens or closes. */
  #mirror(openUntil: number): void {
    const changed = (openUntil === 0) !== (this.#openUntil === 0);
    this.#openUntil = openUntil;
    if (changed) this.#setup.onBreakerChange?.(openUntil !== 0);
  }

  /** The store's answer; `undefined` (the process decides) when it has none, fails, or is late. */
  async #ask<T>(
    question: (store: HealthStore) => T | undefined | PromiseLike<T | undefined>,
    isAnswer: (value: unknown) => value is T,
  ): Promise<T | undefined> {
    const { store } = this.#setup;
    if (store === undefined) return undefined;
    try {
      const answer = question(store);
      const settled = isPromiseLike(answer)
        ? await withinTimeLimit(answer, this.#setup.timeLimitMs ?? DEFAULT_STORE_TIME_LIMIT_MS)
        : answer;
      return isAnswer(settled) ? settled : undefined;
    } catch {
      return undefined;
    }
  }

  #report(state: OutageReport['state'], snapshot: OutageSnapshot): void {
    const { adapter, rateClass, onOutage } = this.#setup;
    try {
      onOutage?.(toOutageReport(adapter, rateClass, state, snapshot));
    } catch {
      // A reporting callback must never change the outcome of a call.
    }
  }
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | null)?.then === 'function';
}

function isAdmission(value: unknown): value is Admission {
  const admission = value as { kind?: unknown; waitMs?: unknown } | undefined;
  if (admission?.kind === 'closed' || admission?.kind === 'probe') return true;
  const { waitMs } = admission ?? {};
  return (
    admission?.kind === 'open' && typeof waitMs === 'number' && waitMs >= 0 && waitMs < Infinity
  );
}

function isVerdict(value: unknown): value is HealthVerdict {
  const verdict = value as Partial<HealthVerdict> | undefined;
  return (
    typeof verdict?.retry === 'boolean' &&
    Number.isFinite(verdict.openForMs) &&
    (verdict.openForMs as number) >= 0
  );
}
