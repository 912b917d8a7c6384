import type { IssuerAdapter } from '../adapter/adapter-types';
import { hashCredential } from '../rate/hash-credential';
import { createMemoryRateStore } from '../rate/memory-rate-store';
import { budgetOf, isReadWriteBudgets, rateClassOf } from '../rate/rate-classes';
import type { RateBucket, RateClass, RateLimitOptions, RateStore } from '../rate/rate-types';
import { RequestGate } from './request-gate';

/** What names and sizes a client's budgets: the client's options of the same names. */
export interface RateGateOptions {
  readonly adapter: IssuerAdapter;
  readonly baseUrl: string;
  readonly rateLimit?: RateLimitOptions | undefined;
  readonly rateStore?: RateStore | undefined;
  readonly rateKey?: string | undefined;
  readonly rateCredential?: string | Uint8Array | undefined;
}

/**
 * A client's gates, one per rate class, made on first use: reads and writes apart when the
 * issuer limits them apart (its adapter says so) or when `rateLimit` gives each its own budget.
 */
export function createRateGates(options: RateGateOptions): (method: string) => RequestGate {
  const apart =
    options.adapter.retry.limitsReadsAndWritesApart === true ||
    isReadWriteBudgets(options.rateLimit);
  const store = options.rateStore ?? createMemoryRateStore();
  const gates = new Map<RateClass, RequestGate>();
  let name: string | Promise<string> | undefined;
  return (method) => {
    const rateClass = rateClassOf(method, apart);
    let gate = gates.get(rateClass);
    if (gate === undefined) {
      name ??= budgetName(options);
      const budget = budgetOf(options.rateLimit, rateClass);
      const bucketOf = (prefix: string): RateBucket => ({ key: `${prefix}:${rateClass}`, budget });
      gate = new RequestGate(
        store,
        typeof name === 'string' ? bucketOf(name) : name.then(bucketOf),
      );
      gates.set(rateClass, gate);
    }
    return gate;
  };
}

/**
 * `<provider>:<whose budget>`: the client's `rateKey`, else a hash of the credential the
 * issuer counts by (of the base URL when none is known); `local` in the client's own store.
 */
function budgetName(options: RateGateOptions): string | Promise<string> {
  const provider = options.adapter.name;
  if (options.rateKey !== undefined) return `${provider}:${options.rateKey}`;
  if (options.rateStore === undefined) return `${provider}:local`;
  const credential = options.rateCredential ?? options.baseUrl;
  return hashCredential(credential).then((hash) => `${provider}:${hash}`);
}
