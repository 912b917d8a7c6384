import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './token-bucket';

describe('createTokenBucket', () => {
  it('lets its burst through, then says how long until the next request', () => {
    let now = 0;
    const bucket = createTokenBucket({ burst: 2, requestsPerSecond: 4 }, () => now);
    expect(bucket.take()).toEqual({ allowed: true });
    expect(bucket.take()).toEqual({ allowed: true });
    expect(bucket.take()).toEqual({ allowed: false, waitMs: 250 });
    now = 250;
    expect(bucket.take()).toEqual({ allowed: true });
  });

  it('never refills beyond its burst', () => {
    let now = 0;
    const bucket = createTokenBucket({ burst: 1, requestsPerSecond: 1 }, () => now);
    now = 60_000;
    expect(bucket.take()).toEqual({ allowed: true });
    expect(bucket.take()).toEqual({ allowed: false, waitMs: 1000 });
  });
});
