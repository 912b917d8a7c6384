import type { AttemptRecord, HealthBucket, HealthSettings, HealthStore } from '@issuer-errors/core';
import { type RedisServer, startRedisServer } from '@issuer-errors/testing/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLIENTS, type ConnectedClient } from './__fixtures__/redis-clients';
import { createRedisRateStore } from './create-redis-rate-store';

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

/** The defaults, with a 300 ms wait before the probe and a 400 ms lease: short enough to wait for. */
const settings: HealthSettings = {
  retryRatio: 0.2,
  minRetries: 10,
  consecutiveFailures: 10,
  failureRatio: 0.5,
  minimumAttempts: 20,
  probeAfterMs: { min: 300, max: 300 },
  probeLeaseMs: 400,
};
const bucketOf = (overrides: Partial<HealthSettings> = {}): HealthBucket => ({
  key: `cardda:${Math.random().toString(16).slice(2)}:all`,
  settings: { ...settings, ...overrides },
});
const failure = (requestId?: string, more: Partial<AttemptRecord> = {}): AttemptRecord => ({
  failed: true,
  first: true,
  probe: false,
  wantsRetry: true,
  budgeted: true,
  status: 503,
  code: 'upstream_unavailable',
  requestId,
  ...more,
});
const success: AttemptRecord = {
  failed: false,
  first: true,
  probe: false,
  wantsRetry: false,
  budgeted: true,
};
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(CLIENTS)("the issuer's health in Redis, with %s", (_name, connectTo) => {
  /** Two processes' stores, each on a connection of its own. */
  const twoProcesses = async (): Promise<[HealthStore, HealthStore]> => {
    const stores = [];
    for (let index = 0; index < 2; index += 1) {
      const client = await connectTo(server.url);
      opened.push(client);
      stores.push(createRedisRateStore({ redis: client.redis, random: () => 0.5 }).health);
    }
    return stores as [HealthStore, HealthStore];
  };

  it('opens the fleet’s breaker on the tenth failure in a row, wherever it fails, and tells one process', async () => {
    const [first, second] = await twoProcesses();
    const bucket = bucketOf();
    const verdicts = [];
    for (let index = 0; index < 10; index += 1) {
      const store = index % 2 === 0 ? first : second;
      verdicts.push(await store.record(bucket, failure(`req-${index % 4}`)));
    }
    expect(verdicts.slice(0, 9).every((verdict) => verdict?.openForMs === 0)).toBe(true);
    expect(verdicts[9]).toMatchObject({ retry: false, refusedBy: 'breaker' });
    expect(verdicts[9]?.openForMs).toBeGreaterThan(250);
    expect(verdicts[9]?.opened).toMatchObject({
      failedAttempts: 10,
      failedCalls: 1,
      failures: [{ status: 503, code: 'upstream_unavailable', attempts: 10, calls: 1 }],
      requestIds: ['req-0', 'req-1', 'req-2', 'req-3'],
    });
    // The other process learns it from its next record, and is not told of the outage again.
    const later = await first.record(bucket, failure('req-9'));
    expect(later?.openForMs).toBeGreaterThan(200);
    expect(later?.opened).toBeUndefined();
  });

  it('lets one process of the fleet probe; its success closes the breaker for every process, told once', async () => {
    const [first, second] = await twoProcesses();
    const bucket = bucketOf();
    for (let index = 0; index < 10; index += 1) await first.record(bucket, failure(`r${index}`));
    expect(await second.admit(bucket, 0)).toMatchObject({ kind: 'open' });
    await wait(320);
    const admissions = await Promise.all([first.admit(bucket, 0), second.admit(bucket, 0)]);
    expect(admissions.map((admission) => admission?.kind).sort()).toEqual(['open', 'probe']);
    const prober = admissions[0]?.kind === 'probe' ? first : second;
    const verdict = await prober.record(bucket, { ...success, probe: true });
    expect(verdict?.closed).toMatchObject({
      failedAttempts: 10,
      requestIds: ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9'],
    });
    expect(verdict?.closed?.endedAt).toBeGreaterThan(verdict?.closed?.startedAt ?? Infinity);
    // The other process still believes the breaker open: a closed state in Redis wins.
    expect(await first.admit(bucket, 1)).toEqual({ kind: 'closed' });
    expect(await second.admit(bucket, 1)).toEqual({ kind: 'closed' });
  });

  it('gives another probe once a lost one’s lease ran out', async () => {
    const [first, second] = await twoProcesses();
    const bucket = bucketOf();
    for (let index = 0; index < 10; index += 1) await first.record(bucket, failure());
    await wait(320);
    expect(await first.admit(bucket, 0)).toEqual({ kind: 'probe' });
    expect(await second.admit(bucket, 0)).toMatchObject({ kind: 'open' });
    await wait(420);
    expect(await second.admit(bucket, 0)).toEqual({ kind: 'probe' });
  });

  it('shares one retry budget: two processes get 10 retries between them, not 10 each', async () => {
    const [first, second] = await twoProcesses();
    const bucket = bucketOf({ consecutiveFailures: 1000, minimumAttempts: 1000 });
    let retried = 0;
    for (let index = 0; index < 30; index += 1) {
      const verdict = await (index % 2 === 0 ? first : second).record(
        bucket,
        failure(undefined, { first: false }),
      );
      if (verdict?.retry) retried += 1;
      else expect(verdict?.refusedBy).toBe('retry_budget');
    }
    expect(retried).toBe(10);
  });

  it('keeps a breaker the fleet knows open when Redis lost it, and names keys by the bucket with an expiry on each', async () => {
    const client = await connectTo(server.url);
    opened.push(client);
    const store = createRedisRateStore({ redis: client.redis, prefix: 'health-test:' })
      .health as HealthStore;
    const bucket = bucketOf();
    for (let index = 0; index < 10; index += 1) await store.record(bucket, failure('id'));
    const keys = (await client.send(['KEYS', `health-test:{${bucket.key}}*`])) as string[];
    expect(keys.sort()).toEqual([
      `health-test:{${bucket.key}}:health`,
      `health-test:{${bucket.key}}:outage`,
    ]);
    for (const key of keys) {
      const ttl = Number(await client.send(['PTTL', key]));
      expect(ttl).toBeGreaterThan(60_000);
      expect(ttl).toBeLessThanOrEqual(61_000);
    }
    for (const key of keys) await client.send(['DEL', key]);
    expect(await store.admit(bucket, 2000)).toMatchObject({ kind: 'open' });
    const { waitMs } = (await store.admit(bucket, 0)) as { waitMs: number };
    expect(waitMs).toBeGreaterThan(1500);
  });
});

describe("the issuer's health when Redis cannot answer", () => {
  it('answers nothing, so the client decides in its memory, and never throws', async () => {
    const client = await CLIENTS[0]?.[1](server.url);
    if (client === undefined) throw new Error('no client');
    const store = createRedisRateStore({ redis: client.redis, commandTimeoutMs: 50 })
      .health as HealthStore;
    await client.close();
    expect(await store.record(bucketOf(), failure())).toBeUndefined();
    expect(await store.admit(bucketOf(), 1000)).toBeUndefined();
  });
});
