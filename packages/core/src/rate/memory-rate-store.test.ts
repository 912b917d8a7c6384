import { describe, expect, it } from 'vitest';
import { createMemoryRateStore } from './memory-rate-store';

/** A store on a clock the test moves. */
function storeOnClock() {
  const clock = { now: 1_000_000 };
  return { clock, store: createMemoryRateStore(() => clock.now) };
}

describe('createMemoryRateStore', () => {
  it('gives a burst at once, then one slot per interval', () => {
    const { clock, store } = storeOnClock();
    const bucket = { key: 'p:local:all', budget: { requestsPerSecond: 4, burst: 2 } };
    expect(store.take(bucket)).toEqual({ waitMs: 0, cooldownMs: 0 });
    expect(store.take(bucket)).toEqual({ waitMs: 0, cooldownMs: 0 });
    expect(store.take(bucket)).toEqual({ waitMs: 250, cooldownMs: 0 });
    clock.now += 250;
    expect(store.take(bucket)).toEqual({ waitMs: 0, cooldownMs: 0 });
  });

  it('keeps each key apart: a read budget spent leaves the write budget whole', () => {
    const { store } = storeOnClock();
    const budget = { requestsPerSecond: 1 };
    expect(store.take({ key: 'p:local:read', budget })).toEqual({ waitMs: 0, cooldownMs: 0 });
    expect(store.take({ key: 'p:local:read', budget })).toEqual({ waitMs: 1000, cooldownMs: 0 });
    expect(store.take({ key: 'p:local:write', budget })).toEqual({ waitMs: 0, cooldownMs: 0 });
  });

  it('holds a cooldown without a budget, and never shortens it', () => {
    const { clock, store } = storeOnClock();
    const bucket = { key: 'p:local:write', budget: undefined };
    store.coolDown(bucket, 1000);
    store.coolDown(bucket, 200);
    expect(store.take(bucket)).toEqual({ waitMs: 1000, cooldownMs: 1000 });
    clock.now += 600;
    expect(store.take(bucket)).toEqual({ waitMs: 400, cooldownMs: 400 });
    expect(store.take({ key: 'p:local:read', budget: undefined })).toEqual({
      waitMs: 0,
      cooldownMs: 0,
    });
    clock.now += 400;
    expect(store.take(bucket)).toEqual({ waitMs: 0, cooldownMs: 0 });
  });

  it('takes no slot while a cooldown runs, so the burst is whole when it ends', () => {
    const { clock, store } = storeOnClock();
    const bucket = { key: 'p:local:all', budget: { requestsPerSecond: 10, burst: 2 } };
    store.coolDown(bucket, 500);
    expect(store.take(bucket)).toEqual({ waitMs: 500, cooldownMs: 500 });
    clock.now += 500;
    expect(store.take(bucket).waitMs).toBe(0);
    expect(store.take(bucket).waitMs).toBe(0);
    expect(store.take(bucket).waitMs).toBe(100);
  });
});
