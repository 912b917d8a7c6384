import { describe, expect, it } from 'vitest';
import { computeBackoffMs, MAX_BACKOFF_MS } from './backoff';

const exponential = { baseMs: 1000, factor: 2, maxMs: 60_000 } as const;

describe('computeBackoffMs', () => {
  it('draws full jitter from 0 up to baseMs × factor^retry', () => {
    const policy = { ...exponential, jitter: 'full' } as const;
    expect([0, 1, 2].map((retry) => computeBackoffMs(policy, retry, () => 1))).toEqual([
      1000, 2000, 4000,
    ]);
    expect(computeBackoffMs(policy, 2, () => 0.25)).toBe(1000);
    expect(computeBackoffMs(policy, 2, () => 0)).toBe(0);
  });

  it('adds up to addMs to the exponential delay', () => {
    const policy = { ...exponential, jitter: { addMs: 1000 } } as const;
    expect(computeBackoffMs(policy, 2, () => 0.5)).toBe(4500);
  });

  it("caps the delay at the policy's maxMs and at 20 s, before the added jitter", () => {
    const added = { ...exponential, jitter: { addMs: 1000 } } as const;
    expect(computeBackoffMs(added, 10, () => 0.5)).toBe(MAX_BACKOFF_MS + 500);
    expect(computeBackoffMs({ ...added, maxMs: 3000 }, 10, () => 0)).toBe(3000);
  });

  it('keeps a random source that strays outside 0…1 within the jitter', () => {
    const policy = { ...exponential, jitter: 'full' } as const;
    expect(computeBackoffMs(policy, 0, () => 7)).toBe(1000);
    expect(computeBackoffMs(policy, 0, () => -3)).toBe(0);
  });
});
