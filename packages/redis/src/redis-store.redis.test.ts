import type { RateBucket } from '@issuer-errors/core';
import { type RedisServer, startRedisServer } from '@issuer-errors/testing/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLIENTS, type ConnectedClient } from './__fixtures__/redis-clients';
import { createRedisRateStore } from './create-redis-rate-store';
import type { RedisStoreError } from './store-reports';

let server: RedisServer;
const opened: ConnectedClient[] = [];

beforeAll(async () => {
  server = await startRedisServer();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((client) => client.close().catch(() => {})));
});
afterAll(async () => {
  await server?.close();
});

const bucket = (budget: RateBucket['budget'], key = `cardda:${Math.random()}:all`): RateBucket => ({
  key,
  budget,
});

describe.each(CLIENTS)('createRedisRateStore against Redis, with %s', (_name, connectTo) => {
  /** A connection of its own, as each process of a fleet has. */
  const connect = async () => {
    const client = await connectTo(server.url);
    opened.push(client);
    return client;
  };

  it('reserves each slot for whoever asked first: the burst, then one slot per interval, alternating', async () => {
    const [first, second] = [
      createRedisRateStore({ redis: (await connect()).redis }),
      createRedisRateStore({ redis: (await connect()).redis }),
    ];
    const shared = bucket({ requestsPerSecond: 10, burst: 2 });
    const waits = [];
    for (const store of [first, second, first, second, first]) {
      const take = await store.take(shared);
      expect(take.reserved).toBe(true);
      waits.push(take.waitMs);
    }
    expect(waits.slice(0, 2)).toEqual([0, 0]);
    // Slots 102 ms apart (100 ms, and the store's 2% more): the third at 102, the fourth at 204…;
    // a few ms went by on loopback since the first.
    for (const [index, wait] of waits.slice(2).entries()) {
      expect(wait).toBeGreaterThan(102 * (index + 1) - 60);
      expect(wait).toBeLessThanOrEqual(102 * (index + 1));
    }
  });

  it('keeps reads and writes apart by their keys', async () => {
    const store = createRedisRateStore({ redis: (await connect()).redis });
    const budget = { requestsPerSecond: 1 };
    const key = `clara:${Math.random()}`;
    expect((await store.take(bucket(budget, `${key}:read`))).waitMs).toBe(0);
    expect((await store.take(bucket(budget, `${key}:read`))).waitMs).toBeGreaterThan(900);
    expect((await store.take(bucket(budget, `${key}:write`))).waitMs).toBe(0);
  });

  it('shares a cooldown: one process pauses the class of every other', async () => {
    const [refused, other] = [
      createRedisRateStore({ redis: (await connect()).redis, random: () => 0 }),
      createRedisRateStore({ redis: (await connect()).redis, random: () => 0 }),
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
      createRedisRateStore({ redis: (await connect()).redis }),
      createRedisRateStore({ redis: (await connect()).redis }),
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

  it('trusts no schedule or cooldown written far ahead (a failover to a node with another clock)', async () => {
    const client = await connect();
    const store = createRedisRateStore({ redis: client.redis });
    const ahead = bucket({ requestsPerSecond: 40 });
    const keyOf = (part: string) => `issuer-errors:rate:{${ahead.key}}:${part}`;
    await store.take(ahead);
    const tenMinutesAhead = String(Date.now() + 600_000);
    await client.send(['SET', keyOf('budget'), tenMinutesAhead, 'PX', '600000']);
    // At 40/s, one process: a slot at most (4 × 1 + 1) intervals of 25.5 ms away.
    expect((await store.take(ahead)).waitMs).toBeLessThanOrEqual(128);
    await client.send(['SET', keyOf('cooldown'), `${tenMinutesAhead} 1000`, 'PX', '600000']);
    const { cooldownMs } = await store.take(ahead);
    expect(cooldownMs).toBeGreaterThan(0);
    expect(cooldownMs).toBeLessThanOrEqual(1000);
  });

  it('keeps the stricter rate when two processes ask for two, and says so once, with both', async () => {
    const reports: RedisStoreError[] = [];
    const [fast, slow] = [
      createRedisRateStore({
        redis: (await connect()).redis,
        onStoreError: (error) => reports.push(error),
      }),
      createRedisRateStore({ redis: (await connect()).redis }),
    ];
    const key = `cardda:${Math.random()}:all`;
    await slow.take(bucket({ requestsPerSecond: 2 }, key));
    const taken = await fast.take(bucket({ requestsPerSecond: 20 }, key));
    const next = await fast.take(bucket({ requestsPerSecond: 20 }, key));
    // The 2/s schedule for every process: slots 510 ms apart, not 51.
    expect(taken.waitMs).toBeGreaterThan(400);
    expect(next.waitMs - taken.waitMs).toBeGreaterThan(450);
    expect(reports.map((error) => error.message)).toEqual([
      `Redis rate store: processes of budget ${key} ask for different rates: 20/s (burst 1) here, 2/s (burst 1) elsewhere; every process keeps the stricter until they agree`,
    ]);
  });

  it('counts the processes of a budget and keeps a share of that fleet when Redis is killed', async () => {
    const reports: RedisStoreError[] = [];
    const stores = await Promise.all(
      [0, 1, 2, 3].map(async (index) =>
        createRedisRateStore({
          redis: (await connect()).redis,
          ...(index === 0 ? { onStoreError: (error: RedisStoreError) => reports.push(error) } : {}),
        }),
      ),
    );
    const shared = bucket({ requestsPerSecond: 100, burst: 4 }, `cardda:${Math.random()}:all`);
    // Twice round: each process then has seen the four.
    for (const store of [...stores, ...stores]) await store.take(shared);
    await server.kill();
    try {
      // A quarter of 100/s, one at a time, starting empty when the outage began: a slot of its
      // own at most 40 ms out, and the next 40 ms after it.
      const [first] = stores;
      const wait = (await first?.take(shared))?.waitMs ?? Number.NaN;
      const tookAt = performance.now();
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThanOrEqual(40);
      const next = (await first?.take(shared))?.waitMs ?? Number.NaN;
      const between = performance.now() - tookAt;
      expect(next).toBeGreaterThanOrEqual(wait + 40 - between - 1);
      expect(next).toBeLessThanOrEqual(wait + 40);
      expect(reports.map((error) => error.problem)).toEqual(['silent']);
      expect(first?.isInFallback()).toBe(true);
    } finally {
      await server.restart();
    }
  });

  it('uses Redis again after a restart, loading its script again, and reports the outage once', async () => {
    const { redis, send } = await connect();
    const reports: RedisStoreError[] = [];
    let recovered = 0;
    const store = createRedisRateStore({
      redis,
      onStoreError: (error) => reports.push(error),
      onStoreRecovered: () => {
        recovered += 1;
      },
    });
    const shared = bucket({ requestsPerSecond: 100, burst: 4 }, `cardda:${Math.random()}:all`);
    expect((await store.take(shared)).waitMs).toBe(0);
    await server.kill();
    for (let take = 0; take < 5; take += 1) expect((await store.take(shared)).cooldownMs).toBe(0);
    expect(reports).toHaveLength(1);
    await server.restart();
    // The restarted server has lost the script (NOSCRIPT) and every key: the store loads it again.
    await vi.waitFor(
      async () => {
        await store.take(shared);
        expect(store.isInFallback()).toBe(false);
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(await send(['EXISTS', `issuer-errors:rate:{${shared.key}}:budget`])).toBe(1);
    expect([reports.length, recovered, store.isInFallback()]).toEqual([1, 1, false]);
  });

  it('answers within its command time limit while Redis is frozen', async () => {
    const store = createRedisRateStore({ redis: (await connect()).redis, commandTimeoutMs: 50 });
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

  it("reports an ACL that denies scripts in Redis's own words, as a setup mistake", async () => {
    const admin = await connect();
    const user = `no-scripts-${Math.random().toString(36).slice(2)}`;
    await admin.send(['ACL', 'SETUSER', user, 'on', '>pass', '~*', '+@all', '-@scripting']);
    const denied = await connectTo(server.url.replace('redis://', `redis://${user}:pass@`));
    opened.push(denied);
    const reports: RedisStoreError[] = [];
    const store = createRedisRateStore({
      redis: denied.redis,
      onStoreError: (error) => reports.push(error),
    });
    expect((await store.take(bucket({ requestsPerSecond: 10 }))).cooldownMs).toBe(0);
    expect(reports.map((error) => error.problem)).toEqual(['error_reply']);
    expect(reports[0]?.message).toMatch(/"NOPERM /);
  });
});
