// The fleet's figures (`pnpm bench:fleet`): real processes sharing one credential through a real
// Redis against the fake issuers, and the store's cost per request next to the in-process gate's.
// Figures, not assertions: each line says what was measured and what the goal is.
import { createMemoryRateStore, type RateBucket, type RateStore } from '@issuer-errors/core';
import {
  type FakeIssuer,
  type RedisServer,
  startFakeIssuer,
  startRedisServer,
} from '@issuer-errors/testing/server';
import { createClient } from 'redis';
import { runFleet, type WorkerPlan, type WorkerReport } from '../src/__fixtures__/run-fleet';
import { createRedisRateStore } from '../src/create-redis-rate-store';

const API_KEY = 'cardda_bench_key';
const gets = (count: number) =>
  Array.from({ length: count }, () => ({ method: 'get' as const, path: '/cards' }));
const posts = (count: number) =>
  Array.from({ length: count }, () => ({ method: 'post' as const, path: '/cards' }));

/** What a fleet run did: calls ok, attempts the issuer refused with 429, seconds from start to the last answer. */
function summary(issuer: FakeIssuer, reports: WorkerReport[]) {
  const outcomes = reports.flatMap((report) => report.outcomes);
  const attempts = issuer.requests.filter(
    (request) => request.path !== '/oauth/token' && request.headers.authorization !== undefined,
  ).length;
  const refused = issuer.requests.filter((request) =>
    request.answer.startsWith('rate-limited'),
  ).length;
  const startedAt = Math.min(...reports.map((report) => report.started));
  const seconds = (Math.max(...outcomes.map((outcome) => outcome.endedAt)) - startedAt) / 1000;
  const ok = outcomes.filter((outcome) => outcome.ok).length;
  return { ok, calls: outcomes.length, attempts, refused, seconds, reports };
}

async function cardda(redisServer: RedisServer, withStore: boolean) {
  const issuer = await startFakeIssuer({
    provider: 'cardda',
    rateLimit: { burst: 4, requestsPerSecond: 40 },
  });
  issuer.route('GET', '/cards', [{ json: [] }]);
  const plan: WorkerPlan = {
    provider: 'cardda',
    baseUrl: issuer.baseUrl,
    credential: API_KEY,
    ...(withStore ? { redisUrl: redisServer.url } : {}),
    rateLimit: { requestsPerSecond: 40 },
    totalTimeoutMs: 60_000,
    maxAttempts: 10,
    calls: gets(50),
  };
  const result = summary(issuer, await runFleet([plan, plan, plan, plan]));
  await issuer.close();
  return result;
}

async function clara(redisServer: RedisServer) {
  const issuer = await startFakeIssuer({
    provider: 'clara',
    rateLimit: {
      read: { burst: 2, requestsPerSecond: 20 },
      write: { burst: 1, requestsPerSecond: 4 },
    },
  });
  issuer.route('GET', '/cards', [{ json: [] }]);
  issuer.route('POST', '/cards', [{ json: {}, status: 201 }]);
  const plan: WorkerPlan = {
    provider: 'clara',
    baseUrl: issuer.baseUrl,
    tokenUrl: issuer.tokenUrl,
    credential: 'clara-bench-client',
    secret: 'clara-bench-secret',
    redisUrl: redisServer.url,
    rateLimit: { read: { requestsPerSecond: 20 }, write: { requestsPerSecond: 4 } },
    totalTimeoutMs: 60_000,
    calls: [...gets(20), ...posts(4)],
  };
  const result = summary(issuer, await runFleet([plan, plan]));
  await issuer.close();
  return result;
}

async function outage(redisServer: RedisServer, fail: () => unknown, recover: () => unknown) {
  const issuer = await startFakeIssuer({
    provider: 'cardda',
    rateLimit: { burst: 4, requestsPerSecond: 40 },
  });
  issuer.route('GET', '/cards', [{ json: [] }]);
  const deadlineMs = 15_000;
  const plan: WorkerPlan = {
    provider: 'cardda',
    baseUrl: issuer.baseUrl,
    credential: API_KEY,
    redisUrl: redisServer.url,
    rateLimit: { requestsPerSecond: 40 },
    totalTimeoutMs: deadlineMs,
    calls: gets(60),
  };
  let failed: Promise<unknown> = Promise.resolve();
  const reports = await runFleet([plan, plan, plan, plan], (startAt) => {
    failed = new Promise((resolve) => setTimeout(resolve, startAt + 1_500 - Date.now())).then(fail);
  });
  await failed;
  await recover();
  await issuer.close();
  const result = summary(issuer, reports);
  const lateMs = Math.max(...reports.map((report) => report.elapsedMs)) - deadlineMs;
  const threw = reports.filter((report) => report.exitCode !== 0).length;
  const reported = reports.map((report) => report.storeErrors).join(', ');
  return { ...result, lateMs, threw, reported };
}

/** Per-request cost of a store's take, in µs: p50 and p99 of sequential takes on a budget that never waits. */
async function takeCost(store: RateStore, takes = 5_000) {
  const bucket: RateBucket = {
    key: `bench:${Math.random()}:all`,
    budget: { requestsPerSecond: 1e9, burst: 1e9 },
  };
  for (let index = 0; index < 500; index += 1) await store.take(bucket);
  const micros: number[] = [];
  for (let index = 0; index < takes; index += 1) {
    const started = performance.now();
    await store.take(bucket);
    micros.push((performance.now() - started) * 1000);
  }
  micros.sort((a, b) => a - b);
  const at = (share: number) => micros[Math.floor(share * (micros.length - 1))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

const redisServer = await startRedisServer();
const flush = async () => {
  const redis = await createClient({ url: redisServer.url }).connect();
  await redis.flushAll();
  redis.destroy();
};
try {
  const alone = await cardda(redisServer, false);
  const shared = await cardda(redisServer, true);
  for (const [name, run] of [
    ['each process on its own', alone],
    ['sharing one budget in Redis', shared],
  ] as const) {
    console.log(
      `Cardda, 4 processes × 50 GETs, issuer 40/s (burst 4), each client 40/s, ${name}: ${run.ok}/${run.calls} ok, ` +
        `${run.refused} of ${run.attempts} attempts answered 429 (${percent(run.refused, run.attempts)}), ` +
        `${run.seconds.toFixed(2)} s = ${(run.seconds / 5).toFixed(2)}× the ideal 5 s`,
    );
  }
  console.log('  goal with Redis: 200/200 ok, at most 2% answered 429, at most 1.25× the ideal');

  await flush();
  const split = await clara(redisServer);
  console.log(
    `Clara, 2 processes × (20 GETs + 4 POSTs), issuer reads 20/s (burst 2) and writes 4/s (burst 1), rateLimit { read: 20/s, write: 4/s }: ` +
      `${split.ok}/${split.calls} ok, ${split.refused} answered 429, ${split.seconds.toFixed(2)} s = ${(split.seconds / 2).toFixed(2)}× the ideal 2 s`,
  );
  console.log('  goal: 48/48 ok, at most one 429, at most 1.6× the ideal');

  for (const [name, fail, recover] of [
    ['killed (SIGKILL)', () => redisServer.kill(), () => redisServer.restart()],
    ['frozen (SIGSTOP)', () => redisServer.freeze(), () => redisServer.thaw()],
  ] as const) {
    await flush();
    const run = await outage(redisServer, fail, recover);
    console.log(
      `Redis ${name} 1.5 s into 4 processes × 60 GETs (deadline 15 s): ${run.ok}/${run.calls} ok (${percent(run.ok, run.calls)}), ` +
        `${run.threw} processes threw, the last call ended ${run.lateMs > 0 ? `${run.lateMs} ms after` : `${-run.lateMs} ms before`} the deadline, ` +
        `outages reported per process: ${run.reported}`,
    );
  }
  console.log('  goal: every call settles by its deadline, nothing throws, at least 75% ok');

  await flush();
  const redis = await createClient({ url: redisServer.url }).connect();
  const inRedis = await takeCost(createRedisRateStore({ redis }));
  const inProcess = await takeCost(createMemoryRateStore());
  redis.destroy();
  console.log(
    `A take on loopback: Redis store p50 ${inRedis.p50.toFixed(0)} µs, p99 ${inRedis.p99.toFixed(0)} µs; ` +
      `in-process store p50 ${inProcess.p50.toFixed(1)} µs, p99 ${inProcess.p99.toFixed(1)} µs`,
  );
} finally {
  await redisServer.close();
}
