import type { RateBucket } from '@issuer-errors/core';
import { type RedisServer, startRedisServer } from '@issuer-errors/testing/server';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRedisRateStore } from './create-redis-rate-store';

let server: RedisServer;
const clients: Array<{ close(): Promise<unknown> }> = [];

beforeAll(async () => {
  server = await startRedisServer();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close().catch(() => {})));
});
afterAll(async () => {
  await server?.close();
});

/** A connection of its own, as each process of a fleet has; it finds a restarted server within 100 ms. */
async function connect() {
  const client = createClient({
    url: server.url,
    socket: { reconnectStrategy: () => 100, connectTimeout: 500 },
  });
  client.on('error', () => {});
  clients.push(client);
  return client.connect();
}

const bucket = (budget: RateBucket['budget'], key = `cardda:${Math.random()}:all`): RateBucket => ({
  key,
  budget,
});

describe('createRedisRateStore against Redis', () => {
  it('shares one budget between connections: the burst, then one slot per interval', async () => {
    const [first, second] = [
      createRedisRateStore({ redis: await connect() }),
      createRedisRateStore({ redis: await connect() }),
    ];
    const shared = bucket({ requestsPerSecond: 10, burst: 3 });
    const waits = [];
    for (const store of [first, second, first, second])
      waits.push((await store.take(shared)).waitMs);
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    // The fourth slot comes 102 ms after the first (100 ms, and the store's 2% more); a few ms went by on loopback since.
    expect(waits[3]).toBeGreaterThan(50);
    expect(waits[3]).toBeLessThanOrEqual(102);
  });

  it('keeps reads and writes apart by their keys', async () => {
    const store = createRedisRateStore({ redis: await connect() });
    const budget = { requestsPerSecond: 1 };
    expect((await store.take(bucket(budget, 'clara:h:read'))).waitMs).toBe(0);
    expect((await store.take(bucket(budget, 'clara:h:read'))).waitMs).toBeGreaterThan(900);
    expect((await store.take(bucket(budget, 'clara:h:write'))).waitMs).toBe(0);
  });

  it('shares a cooldown: one process pauses the class of every other', async () => {
    const [refused, other] = [
      createRedisRateStore({ redis: await connect(), random: () => 0 }),
      createRedisRateStore({ redis: await connect(), random: () => 0 }),
    ];
    const shared = bucket(undefined);
    await refused.coolDown(shared, 1000);
    // coolDown sends its script without waiting for it: let it land.
    await vi.waitFor(async () =>
      expect((await other.take(shared)).cooldownMs).toBeGreaterThan(900),
    );
    const { waitMs, cooldownMs } = await other.take(shared);
    expect(waitMs).toBe(cooldownMs);
    expect(cooldownMs).toBeLessThanOrEqual(1000);
  });

  it("times budgets by the Redis server's clock: a host an hour ahead shares the same budget", async () => {
    const [onTime, ahead] = [
      createRedisRateStore({ redis: await connect() }),
      createRedisRateStore({ redis: await connect() }),
    ];
    const shared = bucket({ requestsPerSecond: 1 });
    expect((await onTime.take(shared)).waitMs).toBe(0);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_600_000 });
    try {
      expect((await ahead.take(shared)).waitMs).toBeGreaterThan(900);
    } finally {
      vi.useRealTimers();
    }
  });

  it('falls back when Redis is killed, reports it once, and uses Redis again after a restart', async () => {
    const redis = await connect();
    const reports: Error[] = [];
    const store = createRedisRateStore({ redis, onStoreError: (error) => reports.push(error) });
    const shared = bucket({ requestsPerSecond: 100, burst: 4 }, 'cardda:restart:all');
    expect((await store.take(shared)).waitMs).toBe(0);
    await server.kill();
    for (let take = 0; take < 5; take += 1) expect((await store.take(shared)).cooldownMs).toBe(0);
    expect(reports).toHaveLength(1);
    await server.restart();
    // The restarted server has lost the script (NOSCRIPT) and every key: the store loads it again.
    await vi.waitFor(
      async () => {
        await store.take(shared);
        expect(await redis.exists('issuer-errors:rate:{cardda:restart:all}:budget')).toBe(1);
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(reports).toHaveLength(1);
  });

  it('answers within its command time limit while Redis is frozen', async () => {
    const store = createRedisRateStore({ redis: await connect(), commandTimeoutMs: 50 });
    const shared = bucket({ requestsPerSecond: 100 });
    await store.take(shared);
    server.freeze();
    try {
      const started = performance.now();
      expect(await store.take(shared)).toMatchObject({ cooldownMs: 0 });
      // 50 ms of time limit; a loaded machine may add a few hundred before the timer runs.
      expect(performance.now() - started).toBeLessThan(1_000);
    } finally {
      server.thaw();
    }
  });
});
