import { issuerErrorFromJSON } from '@issuer-errors/core';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkContract } from './check-contract';
import { runs } from './runs';

describe('issuerErrorFromJSON is total', () => {
  it('returns a Result for any value, never throws, and what it accepts keeps the contract', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const read = issuerErrorFromJSON(value);
        if (read.isOk()) checkContract(read.value);
      }),
      { numRuns: runs(20_000) },
    );
  });
});
