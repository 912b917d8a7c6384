import { describe, expect, it } from 'vitest';
import { budgetOf, isReadWriteBudgets, rateClassOf } from './rate-classes';

const read = { requestsPerSecond: 20, burst: 2 };
const write = { requestsPerSecond: 4 };

describe('rate classes', () => {
  it('counts GET and HEAD as reads and every other method as a write, when reads and writes are apart', () => {
    expect(
      ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => rateClassOf(method, true)),
    ).toEqual(['read', 'read', 'write', 'write', 'write', 'write']);
    expect(rateClassOf('GET', false)).toBe('all');
    expect(rateClassOf('POST', false)).toBe('all');
  });

  it('gives each class its own budget, or the one budget to every class', () => {
    expect(budgetOf({ read, write }, 'read')).toBe(read);
    expect(budgetOf({ read, write }, 'write')).toBe(write);
    expect(budgetOf(read, 'write')).toBe(read);
    expect(budgetOf(undefined, 'all')).toBeUndefined();
  });

  it('tells split budgets from one', () => {
    expect([
      isReadWriteBudgets({ read, write }),
      isReadWriteBudgets(read),
      isReadWriteBudgets(undefined),
    ]).toEqual([true, false, false]);
  });
});
