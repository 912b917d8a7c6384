import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bucket, fakeRedis, never, reserved } from './__fixtures__/fake-redis';
import { createRedisRateStore } from './create-redis-rate-store';
import type { NodeRedisClientLike } from './redis-client';
import type { RedisStoreError } from './store-reports';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

const down = async () => {
  throw new Error('connect ECONNREFUSED 127.0.0.1:6390');
};

describe('createRedisRateStore: when Redis is silent', () => {
  it('answers from its own share once the command time limit ends, and reports once', async () => {
    const { redis, commands } = fakeRedis(never);
    const reports: RedisStoreError[] = [];
    const store = createRedisRateStore({ redis, onStoreError: (error) => reports.push(error) });
    const first = store.take(bucket);
    // The verdict comes in the turn after the timer, which the fake clock runs 1 ms later.
    await vi.advanceTimersByTimeAsync(101);
    // Redis never counted the fleet: a quarter of 40/s, 10/s one at a time, starting empty.
    expect(await first).toEqual({ waitMs: 100, cooldownMs: 0, reserved: true });
    expect(await store.take(bucket)).toEqual({ waitMs: 200, cooldownMs: 0, reserved: true });
    expect(commands).toHaveLength(1);
    expect(reports.map((error) => [error.problem, error.message])).toEqual([
      [
        'silent',
        'Redis rate store: Redis is not answering (Redis did not answer within 100 ms); this process keeps its share of each budget in memory meanwhile, until it does',
      ],
    ]);
    expect(store.isInFallback()).toBe(true);
  });

  it('keeps one share of the fleet Redis last counted on the budget', async () => {
    let up = true;
    const { redis } = fakeRedis(async () => (up ? reserved(0, 8) : down()));
    const store = createRedisRateStore({ redis });
    await store.take(bucket);
    up = false;
    // An eighth of 40/s: 5/s, so 200 ms from an empty start.
    expect(await store.take(bucket)).toEqual({ waitMs: 200, cooldownMs: 0, reserved: true });
    expect(await store.take(bucket)).toEqual({ waitMs: 400, cooldownMs: 0, reserved: true });
  });

  it('keeps the share it is given, whatever the fleet', async () => {
    let up = true;
    const { redis } = fakeRedis(async () => (up ? reserved(0, 8) : down()));
    const store = createRedisRateStore({ redis, fallbackShare: 0.5 });
    await store.take(bucket);
    up = false;
    expect(await store.take(bucket)).toEqual({ waitMs: 50, cooldownMs: 0, reserved: true });
  });

  it('refills its own share while nobody takes from it', async () => {
    const { redis } = fakeRedis(down);
    const store = createRedisRateStore({ redis, fallbackShare: 1 });
    expect((await store.take(bucket)).waitMs).toBe(25);
    // Quiet for a second: the whole burst of 4 is back.
    vi.advanceTimersByTime(1_000);
    const waits = [];
    for (let index = 0; index < 5; index += 1) waits.push((await store.take(bucket)).waitMs);
    expect(waits).toEqual([0, 0, 0, 0, 25]);
  });

  it('takes an answer that comes as the time limit runs out, after a stalled event loop', async () => {
    const { redis } = fakeRedis(
      () => new Promise((resolve) => setTimeout(() => resolve(reserved(5)), 100)),
    );
    const reports: RedisStoreError[] = [];
    const store = createRedisRateStore({ redis, onStoreError: (error) => reports.push(error) });
    const take = store.take(bucket);
    await vi.advanceTimersByTimeAsync(100);
    expect(await take).toEqual({ waitMs: 5, cooldownMs: 0, reserved: true });
    expect(reports).toEqual([]);
  });

  it('asks Redis again after a backoff, one request at a time, and uses it once it answers', async () => {
    let up = false;
    const { redis, commands } = fakeRedis(async () => (up ? reserved() : down()));
    const reports: RedisStoreError[] = [];
    let recovered = 0;
    const store = createRedisRateStore({
      redis,
      random: () => 1,
      fallbackShare: 1,
      onStoreError: (error) => reports.push(error),
      onStoreRecovered: () => {
        recovered += 1;
      },
    });
    await store.take(bucket);
    await store.take(bucket);
    expect(commands).toHaveLength(1);
    vi.advanceTimersByTime(100);
    await store.take(bucket);
    expect(commands).toHaveLength(2);
    // Failed again: the next ask waits twice as long.
    vi.advanceTimersByTime(199);
    await store.take(bucket);
    expect(commands).toHaveLength(2);
    vi.advanceTimersByTime(1);
    up = true;
    await store.take(bucket);
    await store.take(bucket);
    expect(commands).toHaveLength(4);
    expect([reports.length, recovered, store.isInFallback()]).toEqual([1, 1, false]);
  });

  it('counts requests that fail together as one failure, and probes with one request at a time', async () => {
    const { redis, commands } = fakeRedis(down);
    const store = createRedisRateStore({ redis, random: () => 0, fallbackShare: 1 });
    await Promise.all([store.take(bucket), store.take(bucket), store.take(bucket)]);
    expect(commands).toHaveLength(3);
    // One failure: the first wait, 100 ms, drawn down to half of it.
    vi.advanceTimersByTime(50);
    await Promise.all([store.take(bucket), store.take(bucket)]);
    expect(commands).toHaveLength(4);
  });

  it('reports a new outage after Redis has answered since, and its end once', async () => {
    let up = false;
    const { redis, emitError } = fakeRedis(async () => (up ? reserved() : down()));
    const reports: RedisStoreError[] = [];
    let recovered = 0;
    const store = createRedisRateStore({
      redis,
      onStoreError: (error) => reports.push(error),
      onStoreRecovered: () => {
        recovered += 1;
      },
    });
    emitError(new Error('Socket closed unexpectedly'));
    emitError(new Error('Socket closed unexpectedly'));
    expect(reports.map((error) => error.problem)).toEqual(['silent']);
    vi.advanceTimersByTime(5_000);
    up = true;
    await store.take(bucket);
    await store.take(bucket);
    up = false;
    await store.take(bucket);
    expect([reports.length, recovered]).toEqual([2, 1]);
  });

  it('keeps to its own share for 5 s after Redis is back, while its peers may still be on theirs', async () => {
    let up = true;
    const { redis, commands } = fakeRedis(async () => (up ? reserved(0, 4) : down()));
    const store = createRedisRateStore({ redis, random: () => 1 });
    await store.take(bucket);
    up = false;
    // A quarter of 40/s from an empty start: its own slots at 100 ms, 200 ms…
    expect((await store.take(bucket)).waitMs).toBe(100);
    vi.advanceTimersByTime(100);
    up = true;
    // Redis answers the probe; then each request waits for a slot of its own share before
    // it reserves one in Redis, so that it never leaves later than the slot Redis gave it.
    expect(await store.take(bucket)).toEqual({ waitMs: 0, cooldownMs: 0, reserved: true });
    expect(await store.take(bucket)).toEqual({ waitMs: 100, cooldownMs: 0 });
    expect(commands).toHaveLength(3);
    vi.advanceTimersByTime(100);
    expect(await store.take(bucket)).toEqual({ waitMs: 0, cooldownMs: 0, reserved: true });
    expect(await store.take(bucket)).toEqual({ waitMs: 100, cooldownMs: 0 });
    expect(commands).toHaveLength(4);
    vi.advanceTimersByTime(5_000);
    expect(await store.take(bucket)).toEqual({ waitMs: 0, cooldownMs: 0, reserved: true });
    expect(await store.take(bucket)).toEqual({ waitMs: 0, cooldownMs: 0, reserved: true });
  });

  it.each([
    ['an answer of another shape', async () => 'OK'],
    ['a negative wait', async () => [-1, 0, 1, 1, '']],
    ['a missing rate', async () => [0, 0, 1, 1]],
    ['a rejection', async () => Promise.reject(new Error('READONLY You cannot write'))],
  ])('falls back on %s, never failing the request', async (_name, answer) => {
    const { redis } = fakeRedis(answer);
    const store = createRedisRateStore({
      redis,
      onStoreError: () => {
        throw new Error('a logger that throws');
      },
    });
    expect(await store.take(bucket)).toEqual({ waitMs: 100, cooldownMs: 0, reserved: true });
  });

  it('says what Redis answered instead of its five values', async () => {
    const reports: RedisStoreError[] = [];
    const { redis } = fakeRedis(async () => [1, 2, 3]);
    await createRedisRateStore({ redis, onStoreError: (error) => reports.push(error) }).take(
      bucket,
    );
    expect(reports[0]?.cause).toMatchObject({
      message: 'Redis answered the rate script with something else than its five values',
    });
  });

  it('keeps a cooldown here and sends nothing while Redis is down', async () => {
    const { redis, commands } = fakeRedis(down);
    const store = createRedisRateStore({ redis, random: () => 0 });
    await store.take(bucket);
    await store.coolDown(bucket, 1000);
    expect(commands).toHaveLength(1);
    expect(await store.take(bucket)).toEqual({ waitMs: 1000, cooldownMs: 1000 });
  });

  it('keeps its share of the burst too: half of a burst of 4 is 2 at once', async () => {
    const { redis } = fakeRedis(down);
    const store = createRedisRateStore({ redis, fallbackShare: 0.5 });
    await store.take(bucket);
    vi.advanceTimersByTime(1_000);
    const waits = [];
    for (let index = 0; index < 3; index += 1) waits.push((await store.take(bucket)).waitMs);
    // Half of 40/s: a slot every 50 ms once the two at once are spent.
    expect(waits).toEqual([0, 0, 50]);
  });

  it('keeps at least one request at a time of a small budget', async () => {
    const { redis } = fakeRedis(down);
    const store = createRedisRateStore({ redis, fallbackShare: 0.5 });
    const small = { key: 'cardda:k:all', budget: { requestsPerSecond: 2 } };
    expect(await store.take(small)).toEqual({ waitMs: 1000, cooldownMs: 0, reserved: true });
    expect(await store.take(small)).toEqual({ waitMs: 2000, cooldownMs: 0, reserved: true });
  });

  it('never aborts a command that answered, and ignores one that fails after its time limit', async () => {
    const signals: AbortSignal[] = [];
    let fail: (error: Error) => void = () => {};
    let answers = 0;
    const redis: NodeRedisClientLike = {
      evalSha: () => {
        answers += 1;
        if (answers === 1) return Promise.resolve(reserved());
        return new Promise((_, reject) => {
          fail = reject;
        });
      },
      eval: () => Promise.resolve(reserved()),
      withAbortSignal(signal) {
        signals.push(signal);
        return redis;
      },
    };
    const store = createRedisRateStore({ redis });
    await store.take(bucket);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(signals[0]?.aborted).toBe(false);
    const late = store.take(bucket);
    await vi.advanceTimersByTimeAsync(101);
    // Redis counted a fleet of one: the whole budget, 25 ms from an empty start.
    expect((await late).waitMs).toBe(25);
    expect(signals[1]?.aborted).toBe(true);
    // An answer after the time limit has nobody to tell: no unhandled rejection.
    fail(new Error('Socket closed unexpectedly'));
    await vi.advanceTimersByTimeAsync(0);
  });
});
