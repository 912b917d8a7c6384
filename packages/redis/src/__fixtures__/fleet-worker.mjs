// One process of a fleet: a Clara or Cardda client that keeps its budget in the Redis given
// (or in its own memory without one) sends its calls (all at once, or at a pace) and prints one
// JSON line: how each call ended, how often the store reported an outage, and the issuer's
// outage reports this process was given.
import { createCarddaClient } from '@issuer-errors/cardda';
import { createClaraClient } from '@issuer-errors/clara';
import { createRedisRateStore } from '@issuer-errors/redis';
import { createClient } from 'redis';

const plan = JSON.parse(process.argv[2]);
let storeErrors = 0;
const outageReports = [];
let redis;
if (plan.redisUrl !== undefined) {
  // No reconnect delay beyond 100 ms: a restarted server is found again quickly.
  redis = createClient({
    url: plan.redisUrl,
    socket: { reconnectStrategy: () => 100, connectTimeout: 500 },
  });
  redis.on('error', () => {});
  await redis.connect();
}
const rateStore =
  redis === undefined
    ? undefined
    : createRedisRateStore({
        redis,
        fallbackShare: plan.fallbackShare,
        onStoreError: () => {
          storeErrors += 1;
        },
      });
const common = {
  baseUrl: plan.baseUrl,
  rateLimit: plan.rateLimit,
  totalTimeoutMs: plan.totalTimeoutMs,
  maxAttempts: plan.maxAttempts ?? 3,
  ...(rateStore === undefined ? {} : { rateStore }),
  ...(plan.health === undefined ? {} : { health: plan.health }),
  onOutage: (report) => outageReports.push(report),
};
const client =
  plan.provider === 'cardda'
    ? createCarddaClient({ ...common, apiKey: plan.credential, companyId: 'acme' })
    : createClaraClient({
        ...common,
        oauth: { tokenUrl: plan.tokenUrl, clientId: plan.credential, clientSecret: plan.secret },
      });

// Every process starts its calls at the same moment, whatever its start-up took.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, plan.startAt - Date.now())));
const started = Date.now();
// A busy host: the event loop blocked for `forMs` every `everyMs`, as a CPU-bound task would.
const stalls =
  plan.stall === undefined
    ? undefined
    : setInterval(() => {
        const until = Date.now() + plan.stall.forMs;
        while (Date.now() < until) {}
      }, plan.stall.everyMs);
// Calls all at once, or arriving at `arrivalsPerSecond`, as an app's traffic does.
const arrival = (index) =>
  plan.arrivalsPerSecond === undefined
    ? Promise.resolve()
    : new Promise((resolve) => setTimeout(resolve, (index * 1000) / plan.arrivalsPerSecond));
const outcomes = await Promise.all(
  plan.calls.map(async ({ method, path }, index) => {
    await arrival(index);
    const startedAt = Date.now();
    // Each call names itself in its query, so the issuer's log tells which call each attempt was.
    const call = `${process.pid}.${index}`;
    const result = await client[method](
      path,
      method === 'get'
        ? { searchParams: { call } }
        : { json: {}, idempotent: true, searchParams: { call } },
    );
    const error = result.isErr() ? result.error : undefined;
    return {
      call,
      ok: result.isOk(),
      kind: error?.kind,
      code: error?.code,
      retryRefusedBy: error?.retryRefusedBy,
      startedAt,
      endedAt: Date.now(),
    };
  }),
);
clearInterval(stalls);
process.stdout.write(
  `${JSON.stringify({ outcomes, storeErrors, outageReports, elapsedMs: Date.now() - started, started })}\n`,
);
// Not `close()`: it waits for a frozen server's answers.
redis?.destroy();
process.exit(0);
