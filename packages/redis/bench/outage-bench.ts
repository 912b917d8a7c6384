// The issuer down and back (`pnpm bench:fleet`, after the deployment bench): 4 processes of one
// credential, 20 calls a second each, sharing a Redis store, against a fake issuer that answers
// every request with its documented 5xx for 8 s (2 s in) and then recovers; the same with a
// degraded issuer (a fifth of requests failed at random); and Redis killed mid-outage. Each figure
// of this build is printed beside the same plan run by the build before the breaker, in the same
// run. Figures, not assertions: each scenario names its goals.
import {
  type FakeIssuer,
  type RedisServer,
  startFakeIssuer,
  startRedisServer,
} from '@issuer-errors/testing/server';
import {
  runFleet,
  WORKER,
  type WorkerPlan,
  type WorkerReport,
} from '../src/__fixtures__/run-fleet';
import { baselineWorker } from './baseline';

/** The build before the retry budget and the breaker. */
const BASELINE_REVISION = 'd1efd08';
const API_KEY = 'cardda_outage_bench_key';
const CALLS_PER_SECOND = 20;
const OUTAGE_AFTER_MS = 2_000;
const OUTAGE_MS = 8_000;
const RUN_MS = 18_000;

interface Timed {
  readonly at: number;
  readonly answer: string;
  /** The call the attempt belongs to (its query's `call`). */
  readonly call: string | undefined;
}

const redisServer: RedisServer = await startRedisServer();

const plan = (provider: 'cardda' | 'clara', issuer: FakeIssuer, shared = true): WorkerPlan => ({
  provider,
  baseUrl: issuer.baseUrl,
  ...(shared ? { redisUrl: redisServer.url } : {}),
  ...(provider === 'clara' ? { tokenUrl: issuer.tokenUrl, secret: 'clara-outage-secret' } : {}),
  credential: provider === 'clara' ? 'clara-outage-client' : API_KEY,
  // No budget: the issuer's failures, not a queue at the gate, set each call's pace.
  rateLimit: undefined,
  totalTimeoutMs: 30_000,
  arrivalsPerSecond: CALLS_PER_SECOND,
  calls: Array.from({ length: (RUN_MS / 1000) * CALLS_PER_SECOND }, () => ({
    method: 'get' as const,
    path: '/cards',
  })),
});

/** Runs 4 processes against a fresh fake; `script` sets its outage once the calls' start is known. */
async function runAgainst(
  worker: string,
  provider: 'cardda' | 'clara',
  script: (issuer: FakeIssuer, startAt: number) => void,
  processes = 4,
) {
  const shared = processes > 1;
  const log: Timed[] = [];
  const issuer = await startFakeIssuer({
    provider,
    onRequest: (request) => {
      if (request.path !== '/oauth/token') {
        log.push({ at: Date.now(), answer: request.answer, call: request.query.call });
      }
    },
  });
  issuer.route('GET', '/cards', [{ json: [] }]);
  let startAt = 0;
  try {
    const reports = await runFleet(
      Array.from({ length: processes }, () => plan(provider, issuer, shared)),
      (start) => {
        startAt = start;
        script(issuer, start);
      },
      worker,
    );
    return { reports, log, startAt };
  } finally {
    await issuer.close();
  }
}

const outcomesOf = (reports: WorkerReport[]) => reports.flatMap((report) => report.outcomes);
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((first, second) => first - second);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const share = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

async function outage(
  worker: string,
  provider: 'cardda' | 'clara',
  { killRedis = false, processes = 4 } = {},
) {
  const error = provider === 'clara' ? 'b033-core-service-failure' : 'service-unavailable-empty';
  let killed: Promise<void> = Promise.resolve();
  const { reports, log, startAt } = await runAgainst(
    worker,
    provider,
    (issuer, start) => {
      issuer.outage({ error, afterMs: start + OUTAGE_AFTER_MS - Date.now(), forMs: OUTAGE_MS });
      if (killRedis) {
        killed = new Promise<void>((resolve) =>
          setTimeout(resolve, start + 5_000 - Date.now()),
        ).then(() => redisServer.kill());
      }
    },
    processes,
  );
  await killed;
  if (killRedis) await redisServer.restart();
  const down = startAt + OUTAGE_AFTER_MS;
  const back = down + OUTAGE_MS;
  const outcomes = outcomesOf(reports);
  const calls = processes * (RUN_MS / 1000) * CALLS_PER_SECOND;
  const steady = outcomes.filter((call) => call.startedAt >= down + 1_000 && call.startedAt < back);
  const steadyCalls = new Set(steady.map((call) => call.call));
  const attempts = log.filter(
    (entry) => entry.call !== undefined && steadyCalls.has(entry.call),
  ).length;
  const failedFast = steady.filter((call) => call.code === 'breaker_open');
  const failed = steady.filter((call) => !call.ok);
  const latency = (calls: typeof steady) => calls.map((call) => call.endedAt - call.startedAt);
  const firstSuccess = log.find((entry) => entry.at >= back && entry.answer.startsWith('ok'))?.at;
  const afterFirst = outcomes.filter(
    (call) => firstSuccess !== undefined && call.startedAt >= firstSuccess + 1_000,
  );
  const outageReports = reports.flatMap((report) => report.outageReports);
  const started = outageReports.filter((report) => report.state === 'started');
  const ended = outageReports.filter((report) => report.state === 'ended');
  const processesTold = reports.filter((report) => report.outageReports.length > 0).length;
  const ids = new Set(outageReports.flatMap((report) => report.requestIds));
  const leaked = JSON.stringify(outageReports).includes(API_KEY);
  const lines = [
    `attempts per call started from 1 s into the outage to its end ${(attempts / steady.length).toFixed(2)} (${attempts}/${steady.length})`,
    `failed call ms: median ${quantile(latency(failed), 0.5)}, p99 ${quantile(latency(failed), 0.99)}; ` +
      `breaker_open ${failedFast.length} calls, p99 ${failedFast.length === 0 ? '–' : quantile(latency(failedFast), 0.99)} ms`,
    `first success ${firstSuccess === undefined ? 'never' : `${((firstSuccess - back) / 1000).toFixed(2)} s`} after the issuer is back; ` +
      `${share(afterFirst.filter((call) => call.ok).length, afterFirst.length)} of ${afterFirst.length} calls ok from 1 s after it`,
    `outage reports: ${started.length} started, ${ended.length} ended, in ${processesTold} process(es); ` +
      `${ids.size} request ids; credential in a report: ${leaked ? 'YES' : 'no'}`,
  ];
  if (killRedis) {
    const workersOk = reports.every((report) => report.exitCode === 0);
    const unexpected = outcomes.filter(
      (call) => !call.ok && !['unavailable', 'internal'].includes(call.kind ?? ''),
    );
    lines.push(
      `every process exited 0: ${workersOk}; calls ended ${outcomes.length}/${calls}; ` +
        `failures of another kind than the issuer's: ${unexpected.length}`,
    );
  }
  return lines;
}

async function degraded(worker: string) {
  const { reports, log } = await runAgainst(worker, 'cardda', (issuer) => {
    issuer.outage({ error: 'service-unavailable-empty', share: 0.2 });
  });
  const outcomes = outcomesOf(reports);
  const opened = outcomes.filter((call) => call.code === 'breaker_open').length;
  const outageReports = reports.flatMap((report) => report.outageReports).length;
  return [
    `${(log.length / outcomes.length).toFixed(3)} attempts per call, ` +
      `${share(outcomes.filter((call) => call.ok).length, outcomes.length)} of ${outcomes.length} calls ok, ` +
      `${opened} calls refused by an open breaker, ${outageReports} outage reports`,
  ];
}

try {
  const builds = [
    ['before', baselineWorker(BASELINE_REVISION)],
    ['now', WORKER],
  ] as const;
  const scenarios: Array<[string, string, (worker: string) => Promise<string[]>]> = [
    [
      'Cardda: 4 processes × 20 GETs/s on one credential, shared Redis; every request 503 for 8 s from 2 s in',
      'goals: ≤ 1.1 attempts per call; breaker_open p99 ≤ 5 ms; first success ≤ 6 s after; ≥ 95% ok after; one report started and one ended, ≥ 3 request ids, no credential',
      (worker) => outage(worker, 'cardda'),
    ],
    [
      'Cardda: one process × 20 GETs/s, the in-memory store, the same outage',
      'goals: as above',
      (worker) => outage(worker, 'cardda', { processes: 1 }),
    ],
    [
      'Clara: the same with every request 500 B033 (Clara documents no request id header)',
      'goals: as above (request ids: none to collect)',
      (worker) => outage(worker, 'clara'),
    ],
    [
      'Cardda: a fifth of requests 503 at random for the whole run (degraded, not down)',
      'goals: no breaker opening, no report, ≤ 1.25 attempts per call, ≥ 95% ok',
      degraded,
    ],
    [
      'Cardda: the 8 s outage, Redis killed 5 s in (3 s into the outage) and restarted after the run',
      'goals: no call fails because of the store; every process ends; nothing hangs',
      (worker) => outage(worker, 'cardda', { killRedis: true }),
    ],
  ];
  for (const [name, goal, scenario] of scenarios) {
    console.log(name);
    for (const [build, worker] of builds) {
      const lines = await scenario(worker);
      console.log(`  ${build}: ${lines.join('\n        ')}`);
    }
    console.log(`  ${goal}`);
  }
} finally {
  await redisServer.close();
}
