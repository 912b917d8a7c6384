import type { RateBudget, RateClass, RateLimitOptions, ReadWriteBudgets } from './rate-types';

/** Whether `limit` gives reads and writes budgets of their own. */
export function isReadWriteBudgets(limit: RateLimitOptions | undefined): limit is ReadWriteBudgets {
  // A JavaScript caller or a config file may give anything: only an object holds budgets.
  return typeof limit === 'object' && limit !== null && 'read' in limit && 'write' in limit;
}

/** The class a request counts against: GET and HEAD are reads, every other method a write. */
export function rateClassOf(method: string, readsAndWritesApart: boolean): RateClass {
  if (!readsAndWritesApart) return 'all';
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}

/** The budget of one class: its own when reads and writes have their own, else the one budget for every class. */
export function budgetOf(
  limit: RateLimitOptions | undefined,
  rateClass: RateClass,
): RateBudget | undefined {
  if (!isReadWriteBudgets(limit)) return limit;
  return rateClass === 'write' ? limit.write : limit.read;
}
