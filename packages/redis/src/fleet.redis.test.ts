import {
  type FakeIssuer,
  type RedisServer,
  startFakeIssuer,
  startRedisServer,
} from '@issuer-errors/testing/server';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runFleet, type WorkerPlan, type WorkerReport } from './__fixtures__/run-fleet';

// Real processes on real time: every figure below leaves room for a loaded 2-core machine.

let redisServer: RedisServer;
let fake: FakeIssuer | undefined;

beforeAll(async () => {
  redisServer = await startRedisServer();
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  // Each test's fleet starts with no budget spent and no cooldown.
  const redis = await createClient({ url: redisServer.url }).connect();
  await redis.flushAll();
  redis.destroy();
});
afterAll(async () => {
  await redisServer?.close();
});

const API_KEY = 'cardda_live_fleet_key_0123456789';
const CLIENT_ID = 'clara-fleet-client-id';
const CLIENT_SECRET = 'clara-fleet-client-secret';

const gets = (count: number, path = '/cards') =>
  Array.from({ length: count }, () => ({ method: 'get' as const, path }));
const posts = (count: number, path = '/cards') =>
  Array.from({ length: count }, () => ({ method: 'post' as const, path }));
const refusals = (issuer: FakeIssuer) =>
  issuer.requests.filter((request) => request.answer.startsWith('rate-limited')).length;
const succeeded = (reports: WorkerReport[]) =>
  reports.flatMap((report) => report.outcomes).filter((outcome) => outcome.ok).length;

async function carddaIssuer(requestsPerSecond: number, burst: number) {
  const issuer = await startFakeIssuer({
    provider: 'cardda',
    rateLimit: { burst, requestsPerSecond },
  });
  issuer.route('GET', '/cards', [{ json: [] }]);
  fake = issuer;
  return issuer;
}

const carddaWorker = (issuer: FakeIssuer, overrides: Partial<WorkerPlan>): WorkerPlan => ({
  provider: 'cardda',
  baseUrl: issuer.baseUrl,
  credential: API_KEY,
  redisUrl: redisServer.url,
  rateLimit: { requestsPerSecond: 20 },
  totalTimeoutMs: 20_000,
  calls: gets(20),
  ...overrides,
});

describe('a fleet sharing one budget through Redis', () => {
  it('keeps three processes of one Cardda key under the limit they share', async () => {
    const issuer = await carddaIssuer(20, 3);
    const reports = await runFleet([1, 2, 3].map(() => carddaWorker(issuer, {})));
    expect(succeeded(reports)).toBe(60);
    // Each process alone at 20/s would make three times the issuer's rate: dozens of 429s.
    expect(refusals(issuer)).toBeLessThanOrEqual(2);
  });

  it("keeps Clara's reads and writes apart: writes at their own lower rate never slow reads", async () => {
    const issuer = await startFakeIssuer({
      provider: 'clara',
      rateLimit: {
        read: { burst: 2, requestsPerSecond: 10 },
        write: { burst: 1, requestsPerSecond: 2 },
      },
    });
    fake = issuer;
    issuer.route('GET', '/cards', [{ json: [] }]);
    issuer.route('POST', '/cards', [{ json: {}, status: 201 }]);
    const plan: WorkerPlan = {
      provider: 'clara',
      baseUrl: issuer.baseUrl,
      tokenUrl: issuer.tokenUrl,
      credential: CLIENT_ID,
      secret: CLIENT_SECRET,
      redisUrl: redisServer.url,
      rateLimit: { read: { requestsPerSecond: 10 }, write: { requestsPerSecond: 2 } },
      totalTimeoutMs: 20_000,
      calls: [...gets(10), ...posts(2)],
    };
    const reports = await runFleet([plan, plan]);
    expect(succeeded(reports)).toBe(24);
    // A cold process's first request reaches the issuer 20 to 40 ms after its slot (fetch loads
    // itself then), which a write budget with a burst of 1 cannot absorb: one 429 a process at most.
    expect(refusals(issuer)).toBeLessThanOrEqual(2);
    // 20 reads at 10/s end near 2 s; 4 writes at 2/s near 1.5 s: reads never waited for writes.
    const readsDone = Math.max(
      ...reports.flatMap((report) =>
        report.outcomes.slice(0, 10).map((o) => o.endedAt - report.started),
      ),
    );
    expect(readsDone).toBeLessThan(4_000);
  });

  it('pauses the whole fleet after one 429, for its Retry-After', async () => {
    const issuer = await carddaIssuer(1000, 1000);
    // The first GET anywhere in the fleet is refused with Retry-After: 2; every later one answers.
    issuer.route('GET', '/cards', [{ error: 'rate-limited', retryAfter: 2 }, { json: [] }]);
    const reports = await runFleet(
      [1, 2, 3].map(() =>
        // 20/s: a slot every 51 ms, so that only a request or two leave while the 429 travels.
        carddaWorker(issuer, { calls: gets(4), rateLimit: { requestsPerSecond: 20 } }),
      ),
    );
    expect(succeeded(reports)).toBe(12);
    const answered = issuer.requests.filter((request) => request.answer === 'ok 200');
    const refusedAt = Math.min(...reports.map((report) => report.started));
    expect(refusals(issuer)).toBe(1);
    // Requests granted while the 429 and its pause travel (a few, on a loaded machine) pass; the
    // rest of the fleet waits for the pause. Unshared, only the refused request would wait.
    expect(answered.length).toBe(12);
    const waited = reports
      .flatMap((report) => report.outcomes)
      .filter((outcome) => outcome.endedAt - refusedAt >= 1_900);
    expect(waited.length).toBeGreaterThanOrEqual(6);
  });

  it('keeps no credential in any key or value of Redis', async () => {
    // Budgets of 10 at once, refilled every 10 s: the keys live 20 s after two calls, long enough to scan them.
    const lasting = { requestsPerSecond: 0.1, burst: 10 };
    const issuer = await carddaIssuer(1000, 1000);
    await runFleet([carddaWorker(issuer, { calls: gets(2), rateLimit: lasting })]);
    const clara = await startFakeIssuer({ provider: 'clara' });
    try {
      clara.route('GET', '/cards', [{ json: [] }]);
      clara.route('POST', '/cards', [{ json: {}, status: 201 }]);
      await runFleet([
        {
          provider: 'clara',
          baseUrl: clara.baseUrl,
          tokenUrl: clara.tokenUrl,
          credential: CLIENT_ID,
          secret: CLIENT_SECRET,
          redisUrl: redisServer.url,
          rateLimit: lasting,
          calls: [...gets(2), ...posts(1)],
        },
      ]);
    } finally {
      await clara.close();
    }
    const redis = await createClient({ url: redisServer.url }).connect();
    try {
      const keys: string[] = [];
      for await (const batch of redis.scanIterator({ MATCH: '*' })) keys.push(...batch);
      const values = await Promise.all(
        keys.map((key) => {
          if (key.endsWith(':fleet')) return redis.zRange(key, 0, -1);
          // The issuer's health: the counts and breaker, and the failures with their request ids.
          if (key.endsWith(':health') || key.endsWith(':outage')) return redis.hGetAll(key);
          return redis.get(key);
        }),
      );
      const stored = JSON.stringify({ keys, values });
      for (const secret of [API_KEY, CLIENT_ID, CLIENT_SECRET, 'fake-clara-token']) {
        expect(stored).not.toContain(secret);
      }
      // Cardda's one class, Clara's reads and writes.
      expect(keys.filter((key) => key.endsWith(':budget'))).toHaveLength(3);
      for (const key of keys) {
        expect(key).toMatch(
          /^issuer-errors:rate:\{(cardda|clara):[0-9a-f]{32}:(all|read|write)\}:(budget|cooldown|rate|fleet|health|outage)$/,
        );
      }
    } finally {
      await redis.close();
    }
  });
});

describe('a fleet when Redis fails', () => {
  const outage = async (fail: () => Promise<void> | void) => {
    const issuer = await carddaIssuer(40, 4);
    const plan = carddaWorker(issuer, {
      calls: gets(60),
      rateLimit: { requestsPerSecond: 40, burst: 1 },
      totalTimeoutMs: 15_000,
    });
    let failed: Promise<void> | undefined;
    const reports = await runFleet([plan, plan, plan, plan], (startAt) => {
      failed = new Promise((resolve) => setTimeout(resolve, startAt + 1_500 - Date.now())).then(
        fail,
      );
    });
    await failed;
    return { issuer, reports };
  };

  it.each([
    ['killed', () => redisServer.kill(), () => redisServer.restart()],
    ['frozen', () => redisServer.freeze(), () => redisServer.thaw()],
  ])(
    'settles every call by its deadline when Redis is %s mid-run, most of them ok',
    async (_name, fail, recover) => {
      try {
        const { reports } = await outage(fail);
        for (const report of reports) {
          expect(report.exitCode).toBe(0);
          expect(report.outcomes).toHaveLength(60);
          expect(report.elapsedMs).toBeLessThan(15_000 + 2_000);
          expect(report.storeErrors).toBe(1);
        }
        expect(succeeded(reports)).toBeGreaterThanOrEqual(0.75 * 240);
      } finally {
        await recover();
      }
    },
  );
});

describe('a fleet when the issuer goes down and comes back', () => {
  it('stops sending to it within the second, tells one process, probes once at a time, and comes back', async () => {
    const issuer = await carddaIssuer(1_000, 100);
    // 3 processes × 10 calls/s for 6 s; the issuer answers 503 from 1 s to 3.5 s. A short wait
    // before each probe (0.3–0.5 s) keeps the test short.
    const plan = carddaWorker(issuer, {
      rateLimit: undefined,
      arrivalsPerSecond: 10,
      calls: gets(60),
      health: { probeAfterMs: { min: 300, max: 500 } },
    });
    let downAt = 0;
    const reports = await runFleet([plan, plan, plan], (startAt) => {
      downAt = startAt + 1_000;
      issuer.outage({
        error: 'service-unavailable-empty',
        afterMs: downAt - Date.now(),
        forMs: 2_500,
      });
    });
    const backAt = downAt + 2_500;
    const outcomes = reports.flatMap((report) => report.outcomes);
    const outageReports = reports.flatMap((report) => report.outageReports);
    for (const report of reports) {
      expect(report.exitCode).toBe(0);
      expect(report.outcomes).toHaveLength(60);
    }
    // Told once for the fleet that it started, with the failed responses' request ids.
    const started = outageReports.filter((report) => report.state === 'started');
    expect(started).toHaveLength(1);
    expect(started[0]?.requestIds.length).toBeGreaterThanOrEqual(3);
    expect(
      outageReports.filter((report) => report.state === 'ended').length,
    ).toBeGreaterThanOrEqual(1);
    // From a second into the outage, calls come back without reaching the issuer: the probes
    // only, a few each second, where each call would otherwise have made three attempts.
    const steady = outcomes.filter(
      (call) => call.startedAt >= downAt + 1_000 && call.startedAt < backAt,
    );
    const steadyCalls = new Set(steady.map((call) => call.call));
    const attempts = issuer.requests.filter((request) => steadyCalls.has(request.query.call ?? ''));
    expect(steady.length).toBeGreaterThan(20);
    expect(attempts.length).toBeLessThanOrEqual(0.25 * steady.length);
    // Back: the calls started a second after the issuer returned succeed.
    const after = outcomes.filter((call) => call.startedAt >= backAt + 1_500);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((call) => call.ok).length).toBeGreaterThanOrEqual(0.9 * after.length);
  });
});
