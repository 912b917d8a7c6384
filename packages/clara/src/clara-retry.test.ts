import { computeBackoffMs } from '@issuer-errors/core';
import { describe, expect, it } from 'vitest';
import { claraRetry } from './clara-retry';

describe("claraRetry: Clara's retry policy", () => {
  it('says, for a persistent failure, what Clara asks: escalate to integration support', () => {
    // Clara, 500: "escalate if persistent"; B033: "if persistent, contact integration support".
    expect(claraRetry.whenPersistent).toMatch(/^Escalate to your Clara integration support/);
  });

  it("backs off a 429 by Clara's own example: 2^attempt s plus up to 1 s, 4 attempts", () => {
    const policy = claraRetry.byKind?.rate_limited;
    expect(policy?.maxRetries).toBe(3);
    const waits = [0, 1, 2].map((retry) =>
      computeBackoffMs(policy?.backoff ?? claraRetry.backoff, retry, () => 0.5),
    );
    expect(waits).toEqual([1500, 2500, 4500]);
  });

  it('retries a 500 once', () => {
    expect(claraRetry.byKind?.internal?.maxRetries).toBe(1);
  });

  it('backs off other transient errors exponentially with full jitter', () => {
    const waits = [0, 1, 2].map((retry) => computeBackoffMs(claraRetry.backoff, retry, () => 1));
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(computeBackoffMs(claraRetry.backoff, 2, () => 0.5)).toBe(2000);
  });
});
