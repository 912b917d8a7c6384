import type { IssuerAdapter, RawErrorInput } from '@issuer-errors/core';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { checkContract } from './check-contract';
import { anyBody, anyHeaders, anyStatus } from './hostile-input';
import { runs } from './runs';

/** The totality properties every adapter must hold, as vitest cases. */
export function totalNormalizationCases(adapter: IssuerAdapter): void {
  it('never throws, and every result keeps the IssuerError contract (100,000 inputs)', () => {
    fc.assert(
      fc.property(anyStatus, anyHeaders, anyBody, (status, headers, body) => {
        checkContract(adapter.normalize({ status, headers, body } as RawErrorInput));
      }),
      { numRuns: runs(100_000) },
    );
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });

  it('takes anything as input or as a thrown value', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        checkContract(adapter.normalize(input as RawErrorInput));
        checkContract(adapter.fromThrown(input));
      }),
      { numRuns: runs(20_000) },
    );
  });
}
