import { computeBackoffMs } from '@issuer-errors/core';
import { describe, expect, it } from 'vitest';
import { carddaRetry } from './cardda-retry';

describe("carddaRetry: Cardda's retry policy", () => {
  it('says, for a persistent failure, what Cardda asks: contact it with the X-Request-Id', () => {
    // Cardda, 500: "if it persists, contact us with the X-Request-Id response header".
    expect(carddaRetry.whenPersistent).toMatch(/^Contact Cardda with the X-Request-Id values/);
  });

  it('backs off 500s and upstream failures exponentially with full jitter', () => {
    const waits = [0, 1, 2].map((retry) => computeBackoffMs(carddaRetry.backoff, retry, () => 1));
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(computeBackoffMs(carddaRetry.backoff, 2, () => 0.5)).toBe(2000);
  });

  it('has no per-kind exceptions: a 429 waits for its Retry-After instead', () => {
    expect(carddaRetry.byKind).toBeUndefined();
  });
});
