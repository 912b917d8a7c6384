// A fleet as a deployment has it (`pnpm bench:fleet`, after fleet-bench.ts): processes at different
// distances from Redis, busy event loops, Redis frozen and thawed, fleets of 4 and 8. Each figure
// of this build is printed beside the same plan run by the build before reservations, in the
// same run. Figures, not assertions: each line says what was measured and what the goal is.
import {
  type FakeIssuer,
  type RedisServer,
  startFakeIssuer,
  startRedisServer,
} from '@issuer-errors/testing/server';
import { createClient } from 'redis';
import {
  runFleet,
  WORKER,
  type WorkerPlan,
  type WorkerReport,
} from '../src/__fixtures__/run-fleet';
import { baselineWorker } from './baseline';
import { startLatencyProxy } from './latency-proxy';

/** The build before reservations: the store as it was, to measure beside this one. */
const BASELINE_REVISION = '0d061bf';
const API_KEY = 'cardda_bench_key';
const gets = (count: number) =>
  Array.from({ length: count }, () => ({ method: 'get' as const, path: '/cards' }));

interface Measured {
  readonly reports: WorkerReport[];
  readonly attempts: number;
  readonly refused: number;
  /** When each 429 was answered (ms since the epoch). */
  readonly refusedAt: number[];
  /** Scripts Redis ran (EVALSHA and EVAL), from its command statistics. */
  readonly scripts: number;
  readonly seconds: number;
}

const redisServer: RedisServer = await startRedisServer();
const admin = await createClient({ url: redisServer.url }).connect();

/** Runs `plans` against a fresh fake Cardda (40/s, burst 4) and a flushed Redis with statistics reset. */
async function measure(
  worker: string,
  plans: WorkerPlan[],
  during?: (startAt: number) => void,
): Promise<Measured> {
  await admin.flushAll();
  await admin.configResetStat();
  const refusedAt: number[] = [];
  const issuer: FakeIssuer = await startFakeIssuer({
    provider: 'cardda',
    rateLimit: { burst: 4, requestsPerSecond: 40 },
    onRequest: (request) => {
      if (request.answer.startsWith('rate-limited')) refusedAt.push(Date.now());
    },
  });
  issuer.route('GET', '/cards', [{ json: [] }]);
  try {
    const reports = await runFleet(
      plans.map((plan) => ({ ...plan, baseUrl: issuer.baseUrl })),
      during,
      worker,
    );
    const stats = await admin.info('commandstats');
    const calls = (command: string) =>
      Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
    const outcomes = reports.flatMap((report) => report.outcomes);
    const startedAt = Math.min(...reports.map((report) => report.started));
    return {
      reports,
      attempts: issuer.requests.length,
      refused: refusedAt.length,
      refusedAt,
      scripts: calls('evalsha') + calls('eval'),
      seconds: (Math.max(...outcomes.map((outcome) => outcome.endedAt)) - startedAt) / 1000,
    };
  } finally {
    await issuer.close();
  }
}

const plan = (overrides: Partial<WorkerPlan>): WorkerPlan => ({
  provider: 'cardda',
  baseUrl: '',
  credential: API_KEY,
  redisUrl: redisServer.url,
  rateLimit: { requestsPerSecond: 40 },
  totalTimeoutMs: 60_000,
  maxAttempts: 10,
  calls: gets(50),
  ...overrides,
});
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;
const ok = (run: Measured) =>
  run.reports.flatMap((report) => report.outcomes).filter((outcome) => outcome.ok).length;
const storeErrors = (run: Measured) => run.reports.map((report) => report.storeErrors);

async function fairness(worker: string) {
  const proxy = await startLatencyProxy(redisServer.port, 1.5);
  try {
    const paced = { arrivalsPerSecond: 30, calls: gets(180) };
    const run = await measure(worker, [plan(paced), plan({ ...paced, redisUrl: proxy.url })]);
    const byWindow = run.reports.map(
      (report) =>
        report.outcomes.filter((outcome) => outcome.endedAt - report.started <= 6_000).length,
    );
    const [near = 0, far = 0] = byWindow;
    return `near ${near}, far ${far} calls done in 6 s: the far process had ${percent(far, near + far)}`;
  } finally {
    await proxy.close();
  }
}

async function roundTrips(worker: string, processes: number) {
  const calls = gets(200 / processes);
  const run = await measure(
    worker,
    Array.from({ length: processes }, () => plan({ calls })),
  );
  return (
    `${(run.scripts / run.attempts).toFixed(2)} Redis scripts per request, ${ok(run)}/200 ok, ` +
    `${percent(run.refused, run.attempts)} of ${run.attempts} attempts answered 429, ` +
    `${(run.seconds / 5).toFixed(2)}× the ideal 5 s`
  );
}

async function stalls(worker: string) {
  const stall = { everyMs: 500, forMs: 150 };
  const run = await measure(
    worker,
    Array.from({ length: 4 }, () => plan({ stall })),
  );
  return (
    `outage reports per process ${storeErrors(run).join(', ')}; ` +
    `${percent(run.refused, run.attempts)} of ${run.attempts} attempts answered 429, ${ok(run)}/200 ok`
  );
}

async function freeze(worker: string) {
  let thawedAt = 0;
  let frozen: Promise<void> = Promise.resolve();
  const calls = gets(60);
  const run = await measure(
    worker,
    Array.from({ length: 8 }, () => plan({ calls })),
    (startAt) => {
      frozen = new Promise<void>((resolve) => setTimeout(resolve, startAt + 1_500 - Date.now()))
        .then(() => redisServer.freeze())
        .then(() => new Promise((resolve) => setTimeout(resolve, 2_000)))
        .then(() => {
          redisServer.thaw();
          thawedAt = Date.now();
        });
    },
  );
  await frozen;
  const afterThaw = run.refusedAt.filter((at) => at >= thawedAt && at < thawedAt + 1_000).length;
  return (
    `${percent(run.refused, run.attempts)} of ${run.attempts} attempts answered 429 ` +
    `(${afterThaw} in the second after the thaw), ${ok(run)}/480 ok, outage reports per process ${storeErrors(run).join(', ')}`
  );
}

try {
  const before = baselineWorker(BASELINE_REVISION);
  const builds = [
    ['before', before],
    ['now', WORKER],
  ] as const;
  const scenarios: Array<[string, string, (worker: string) => Promise<string>]> = [
    [
      'Two processes, one 1.5 ms farther from Redis each way, calls arriving at 30/s each on a 40/s budget',
      'goal: the far process gets at least 45%',
      fairness,
    ],
    [
      '4 processes × 50 GETs at once on one 40/s budget (issuer 40/s, burst 4)',
      'goal: at most 1.2 scripts per request, 0 to 1% 429, at most 1.15× the ideal',
      (worker) => roundTrips(worker, 4),
    ],
    [
      '8 processes × 25 GETs at once on the same budget',
      'goal: at most 1.2 scripts per request, 0 to 1% 429, at most 1.15× the ideal',
      (worker) => roundTrips(worker, 8),
    ],
    [
      '4 processes × 50 GETs whose event loops stall 150 ms every 500 ms, Redis healthy',
      'goal: 0 outage reports, at most 1% 429',
      stalls,
    ],
    [
      '8 processes × 60 GETs, default options, Redis frozen 2 s from 1.5 s in, then thawed',
      'goal: at most 2% 429, none in the second after the thaw',
      freeze,
    ],
  ];
  for (const [name, goal, scenario] of scenarios) {
    console.log(name);
    for (const [build, worker] of builds) console.log(`  ${build}: ${await scenario(worker)}`);
    console.log(`  ${goal}`);
  }
} finally {
  admin.destroy();
  await redisServer.close();
}
