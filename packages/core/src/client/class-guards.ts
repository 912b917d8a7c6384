import type { IssuerAdapter } from '../adapter/adapter-types';
import type { HealthSettings } from '../health/health-types';
import { hashCredential } from '../rate/hash-credential';
import { createMemoryRateStore } from '../rate/memory-rate-store';
import { budgetOf, isReadWriteBudgets, rateClassOf } from '../rate/rate-classes';
import type { RateBucket, RateClass, RateLimitOptions, RateStore } from '../rate/rate-types';
import { HealthGuard } from './health-guard';
import type { OutageReport } from './outage-report';
import { RequestGate } from './request-gate';

/** What names and sizes a client's budgets and guards its issuer's health: the client's options of the same names. */
export interface ClassGuardOptions {
  readonly adapter: IssuerAdapter;
  readonly baseUrl: string;
  readonly rateLimit?: RateLimitOptions | undefined;
  readonly rateStore?: RateStore | undefined;
  readonly rateKey?: string | undefined;
  readonly rateCredential?: string | Uint8Array | undefined;
  /** `undefined` when the client's `health` is `false`. */
  readonly health: HealthSettings | undefined;
  readonly onOutage?: ((report: OutageReport) => void) | undefined;
  /** Told when this process sees a class's breaker open or close, for telemetry. */
  readonly onBreakerChange?: ((rateClass: RateClass, open: boolean) => void) | undefined;
  /** The jitter of the breaker's wait. */
  readonly random?: (() => number) | undefined;
}

/** What every call of one rate class passes: the rate gate, and the retry budget and breaker. */
export interface ClassGuards {
  readonly rateClass: RateClass;
  readonly gate: RequestGate;
  readonly health: HealthGuard | undefined;
}

/**
 * A client's guards, one pair per rate class, made on first use: reads and writes apart when the
 * issuer limits them apart (its adapter says so) or when `rateLimit` gives each its own budget.
 */
export function createClassGuards(options: ClassGuardOptions): (method: string) => ClassGuards {
  const apart =
    options.adapter.retry.limitsReadsAndWritesApart === true ||
    isReadWriteBudgets(options.rateLimit);
  const store = options.rateStore ?? createMemoryRateStore(Date.now, options.random);
  const byClass = new Map<RateClass, ClassGuards>();
  let name: string | Promise<string> | undefined;
  return (method) => {
    const rateClass = rateClassOf(method, apart);
    let guards = byClass.get(rateClass);
    if (guards === undefined) {
      name ??= budgetName(options);
      guards = {
        rateClass,
        gate: new RequestGate(
          store,
          bucketOf(name, rateClass, budgetOf(options.rateLimit, rateClass)),
        ),
        health: healthGuard(options, store, rateClass, name),
      };
      byClass.set(rateClass, guards);
    }
    return guards;
  };
}

function healthGuard(
  options: ClassGuardOptions,
  store: RateStore,
  rateClass: RateClass,
  name: string | Promise<string>,
): HealthGuard | undefined {
  const settings = options.health;
  if (settings === undefined) return undefined;
  const setup = {
    adapter: options.adapter,
    rateClass,
    store: store.health,
    timeLimitMs: store.timeLimitMs,
    onOutage: options.onOutage,
    onBreakerChange: (open: boolean) => options.onBreakerChange?.(rateClass, open),
    random: options.random ?? Math.random,
  };
  const bucket = bucketOf(name, rateClass, undefined);
  const toHealth = ({ key }: RateBucket) => ({ key, settings });
  return new HealthGuard(setup, 'then' in bucket ? bucket.then(toHealth) : toHealth(bucket));
}

/** The bucket of one class, once the budgets' name is known. */
function bucketOf(
  name: string | Promise<string>,
  rateClass: RateClass,
  budget: RateBucket['budget'],
): RateBucket | Promise<RateBucket> {
  const bucket = (prefix: string): RateBucket => ({ key: `${prefix}:${rateClass}`, budget });
  return typeof name === 'string' ? bucket(name) : name.then(bucket);
}

/**
 * `<provider>:<whose budget>`: the client's `rateKey`, else a hash of the credential the
 * issuer counts by (of the base URL when none is known); `local` in the client's own store.
 */
function budgetName(options: ClassGuardOptions): string | Promise<string> {
  const provider = options.adapter.name;
  if (options.rateKey !== undefined) return `${provider}:${options.rateKey}`;
  if (options.rateStore === undefined) return `${provider}:local`;
  const credential = options.rateCredential ?? options.baseUrl;
  return hashCredential(credential).then((hash) => `${provider}:${hash}`);
}
