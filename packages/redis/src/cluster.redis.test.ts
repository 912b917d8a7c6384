import { type RedisCluster, startRedisCluster } from '@issuer-errors/testing/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER_CLIENTS, type ConnectedClient } from './__fixtures__/redis-clients';
import { createRedisRateStore } from './create-redis-rate-store';
import type { RedisStoreError } from './store-reports';

let cluster: RedisCluster;
const opened: ConnectedClient[] = [];

beforeAll(async () => {
  cluster = await startRedisCluster();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((client) => client.close().catch(() => {})));
});
afterAll(async () => {
  await cluster?.close();
});

describe.each(CLUSTER_CLIENTS)(
  'createRedisRateStore on a 3-node Redis Cluster, with %s',
  (_name, connectTo) => {
    const connect = async () => {
      const client = await connectTo(cluster.nodes);
      opened.push(client);
      return client;
    };

    it('keeps each budget in one slot and shares it between connections, whichever node holds it', async () => {
      const reports: RedisStoreError[] = [];
      const onStoreError = (error: RedisStoreError) => reports.push(error);
      const [first, second] = [
        createRedisRateStore({ redis: (await connect()).redis, onStoreError }),
        createRedisRateStore({ redis: (await connect()).redis, onStoreError }),
      ];
      // Budgets named apart land on different nodes of the three.
      for (const index of [1, 2, 3, 4, 5, 6]) {
        const shared = {
          key: `cardda:${index}-${Math.random()}:all`,
          budget: { requestsPerSecond: 10 },
        };
        const waits = [];
        for (const store of [first, second, first]) waits.push((await store.take(shared)).waitMs);
        expect(waits[0]).toBe(0);
        expect(waits[1]).toBeGreaterThan(40);
        expect(waits[2]).toBeGreaterThan(waits[1] ?? 0);
      }
      expect(reports).toEqual([]);
    });

    it("keeps the issuer's health in one slot: the breaker opened through one connection is open for another", async () => {
      const reports: RedisStoreError[] = [];
      const onStoreError = (error: RedisStoreError) => reports.push(error);
      const [first, second] = [
        createRedisRateStore({ redis: (await connect()).redis, onStoreError }).health,
        createRedisRateStore({ redis: (await connect()).redis, onStoreError }).health,
      ];
      const settings = {
        retryRatio: 0.2,
        minRetries: 10,
        consecutiveFailures: 2,
        failureRatio: 0.5,
        minimumAttempts: 20,
        probeAfterMs: { min: 5_000, max: 5_000 },
        probeLeaseMs: 1_000,
      };
      const failure = {
        failed: true,
        first: true,
        probe: false,
        wantsRetry: false,
        budgeted: true,
        status: 503,
        code: 'upstream_unavailable' as const,
        requestId: 'r1',
      };
      // Buckets named apart land on different nodes of the three.
      for (const index of [1, 2, 3, 4, 5, 6]) {
        const bucket = { key: `cardda:${index}-${Math.random()}:all`, settings };
        await first?.record(bucket, failure);
        const opened = await second?.record(bucket, failure);
        expect(opened?.opened?.failedAttempts).toBe(2);
        expect(await first?.admit(bucket, 0)).toMatchObject({ kind: 'open' });
      }
      expect(reports).toEqual([]);
    });

    it('shares a cooldown across the cluster', async () => {
      const [refused, other] = [
        createRedisRateStore({ redis: (await connect()).redis, random: () => 0 }),
        createRedisRateStore({ redis: (await connect()).redis, random: () => 0 }),
      ];
      const shared = { key: `clara:${Math.random()}:write`, budget: undefined };
      await refused.coolDown(shared, 2000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { cooldownMs } = await other.take(shared);
      expect(cooldownMs).toBeGreaterThan(1500);
      expect(cooldownMs).toBeLessThanOrEqual(2000);
    });
  },
);
