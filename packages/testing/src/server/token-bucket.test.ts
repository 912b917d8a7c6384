import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './token-bucket';

describe('createTokenBucket', () => {
  it('lets a burst of capacity through, then says how long until the next request', () => {
    let now = 0;
    const bucket = createTokenBucket({ capacity: 2, refillPerSecond: 4 }, () => now);
    expect(bucket.take()).toEqual({ allowed: true });
    expect(bucket.take()).toEqual({ allowed: true });
    expect(bucket.take()).toEqual({ allowed: false, waitMs: 250 });
    now = 250;
    expect(bucket.take()).toEqual({ allowed: true });
  });

  it('never refills beyond its capacity', () => {
    let now = 0;
    const bucket = createTokenBucket({ capacity: 1, refillPerSecond: 1 }, () => now);
    now = 60_000;
    expect(bucket.take()).toEqual({ allowed: true });
    expect(bucket.take()).toEqual({ allowed: false, waitMs: 1000 });
  });
});
