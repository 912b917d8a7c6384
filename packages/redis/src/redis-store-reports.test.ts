import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bucket, fakeRedis, reserved } from './__fixtures__/fake-redis';
import { createRedisRateStore } from './create-redis-rate-store';
import type { IoRedisClientLike } from './redis-client';
import type { RedisStoreError } from './store-reports';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A store whose reports are kept, `[problem, message]` each. */
function reporting(redis: Parameters<typeof createRedisRateStore>[0]['redis']) {
  const reports: Array<[string, string]> = [];
  const store = createRedisRateStore({
    redis,
    onStoreError: (error: RedisStoreError) => reports.push([error.problem, error.message]),
  });
  return { store, reports };
}

describe('createRedisRateStore: a client that cannot send', () => {
  it('falls back at once, with no command and no timer, for a client never connected, and says so once', async () => {
    const { redis, commands, state } = fakeRedis(async () => reserved());
    state.isOpen = false;
    state.isReady = false;
    const { store, reports } = reporting(redis);
    const timers = vi.getTimerCount();
    expect(await store.take(bucket)).toEqual({ waitMs: 100, cooldownMs: 0, reserved: true });
    expect(vi.getTimerCount()).toBe(timers);
    vi.advanceTimersByTime(10_000);
    await store.take(bucket);
    expect(commands).toEqual([]);
    expect(reports).toEqual([
      [
        'not_connected',
        'Redis rate store: the Redis client is not connected: connect() it before the first call, and quit() it only after the last; this process keeps its share of each budget in memory meanwhile',
      ],
    ]);
  });

  it('counts a client that reconnects as Redis being silent', async () => {
    const { redis, commands, state } = fakeRedis(async () => reserved());
    state.isReady = false;
    const { store, reports } = reporting(redis);
    await store.take(bucket);
    expect(commands).toEqual([]);
    expect(reports.map(([problem]) => problem)).toEqual(['silent']);
    expect(reports[0]?.[1]).toContain('the client is reconnecting');
  });

  it.each([
    ['wait', 'not_connected'],
    ['end', 'not_connected'],
    ['reconnecting', 'silent'],
  ])('reads an ioredis client in state %s as %s', async (status, problem) => {
    const sent: unknown[] = [];
    const redis: IoRedisClientLike = {
      status,
      evalsha: async (...values) => sent.push(values),
      eval: async (...values) => sent.push(values),
    };
    const { store, reports } = reporting(redis);
    await store.take(bucket);
    expect(sent).toEqual([]);
    expect(reports.map(([reported]) => reported)).toEqual([problem]);
  });
});

describe('createRedisRateStore: Redis answers with an error', () => {
  it.each([
    "CROSSSLOT Keys in request don't hash to the same slot",
    "NOPERM User app has no permissions to run the 'evalsha' command",
    'ERR This Redis command is not allowed from script',
    'WRONGTYPE Operation against a key holding the wrong kind of value',
  ])('reports "%s" as a setup mistake in its own words, once, and falls back', async (words) => {
    const { redis } = fakeRedis(async () => {
      throw new Error(words);
    });
    const { store, reports } = reporting(redis);
    expect((await store.take(bucket)).waitMs).toBe(100);
    vi.advanceTimersByTime(10_000);
    await store.take(bucket);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.[0]).toBe('error_reply');
    expect(reports[0]?.[1]).toContain(`Redis answered the rate script with an error, "${words}"`);
  });

  it.each([
    'connect ECONNREFUSED 127.0.0.1:6390',
    'Socket closed unexpectedly',
    'LOADING Redis is loading the dataset in memory',
    'READONLY You cannot write against a read only replica.',
    'CLUSTERDOWN The cluster is down',
  ])('counts "%s" as Redis being silent, as it passes', async (words) => {
    const { redis } = fakeRedis(async () => {
      throw new Error(words);
    });
    const { store, reports } = reporting(redis);
    await store.take(bucket);
    expect(reports.map(([problem]) => problem)).toEqual(['silent']);
  });
});

describe('createRedisRateStore: processes that ask for different rates', () => {
  it('reports the mismatch once per budget, with both figures, and takes what Redis reserves', async () => {
    // Redis keeps 2/s with a burst of 1 (two percent further apart: 510 ms).
    const { redis } = fakeRedis(async () => [510, 0, 1, 2, '510.000 1']);
    const { store, reports } = reporting(redis);
    expect(await store.take(bucket)).toEqual({ waitMs: 510, cooldownMs: 0, reserved: true });
    await store.take(bucket);
    expect(reports).toEqual([
      [
        'rate_mismatch',
        `Redis rate store: processes of budget ${bucket.key} ask for different rates: 40/s (burst 4) here, 2/s (burst 1) elsewhere; every process keeps the stricter until they agree`,
      ],
    ]);
  });
});

describe("createRedisRateStore: the app's client stays the app's", () => {
  it('holds one error listener on a client however many stores share it, and close() removes it', () => {
    const { redis, listeners } = fakeRedis(async () => reserved());
    const stores = Array.from({ length: 12 }, () => createRedisRateStore({ redis }));
    expect(listeners.size).toBe(1);
    for (const store of stores.slice(0, 11)) store.close();
    expect(listeners.size).toBe(1);
    stores[11]?.close();
    stores[11]?.close();
    expect(listeners.size).toBe(0);
    // A store made afterwards listens again.
    createRedisRateStore({ redis });
    expect(listeners.size).toBe(1);
  });

  it("tells each open store of the client's errors, and the app's own listener still gets them", () => {
    const { redis, emitError } = fakeRedis(async () => reserved());
    const appErrors: unknown[] = [];
    redis.on?.('error', (error) => appErrors.push(error));
    const reports: string[][] = [[], [], []];
    const stores = reports.map((kept) =>
      createRedisRateStore({ redis, onStoreError: (error) => kept.push(error.problem) }),
    );
    stores[0]?.close();
    emitError(new Error('Socket closed unexpectedly'));
    expect(reports).toEqual([[], ['silent'], ['silent']]);
    expect(appErrors).toHaveLength(1);
    expect(stores.map((store) => store.isInFallback())).toEqual([true, true, true]);
  });

  it('keeps its own share without asking Redis once closed', async () => {
    const { redis, commands } = fakeRedis(async () => reserved(0, 2));
    const store = createRedisRateStore({ redis });
    await store.take(bucket);
    store.close();
    // Half of 40/s, with half its burst: the first slot at once.
    expect((await store.take(bucket)).waitMs).toBe(0);
    store.coolDown(bucket, 1000);
    expect(commands).toHaveLength(1);
  });
});
