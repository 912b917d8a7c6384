import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCarddaClient } from '@issuer-errors/cardda';
import { createClaraClient } from '@issuer-errors/clara';
import type { IssuerClient } from '@issuer-errors/core/ky';
import { type FakeIssuer, type FakeProvider, startFakeIssuer } from '@issuer-errors/testing/server';
import { type PlannedCall, planCalls, REJECTED_ANSWERS } from './fault-plan';

/** Client settings of the run: short, so a thousand calls with stalls finish in seconds. */
export const LIMITS = {
  timeoutMs: 300,
  totalTimeoutMs: 2_000,
  maxAttempts: 3,
  maxRetryDelayMs: 200,
};
const HANG_MS = 5_000;

/** What the run saw. */
export interface FaultRunSummary {
  readonly provider: FakeProvider;
  readonly seed: number;
  readonly calls: number;
  readonly byOutcome: Record<string, number>;
  readonly hung: number;
  readonly slowestMs: number;
  /** The worst lateness of this process's timers during the run: a deadline cannot fire sooner. */
  readonly maxEventLoopDelayMs: number;
  readonly attempts: number;
  readonly postsResentAfterRejection: number;
  readonly postsResentOtherwise: readonly string[];
}

function clientFor(fake: FakeIssuer, health: boolean): IssuerClient {
  const limits = health ? LIMITS : { ...LIMITS, health: false as const };
  return fake.provider === 'clara'
    ? createClaraClient({
        ...limits,
        baseUrl: fake.baseUrl,
        oauth: { tokenUrl: fake.tokenUrl, clientId: 'c', clientSecret: 's' },
      })
    : createCarddaClient({ ...limits, baseUrl: fake.baseUrl, apiKey: 'key', companyId: 'co' });
}

/**
 * Sends every planned call through the provider's client against its fake, `concurrency` at a
 * time; `health: false` turns the retry budget and breaker off, so every call meets its faults.
 */
export async function runFaults(
  provider: FakeProvider,
  count: number,
  seed: number,
  { concurrency = 100, health = true }: { concurrency?: number; health?: boolean } = {},
): Promise<FaultRunSummary> {
  const plan = planCalls(provider, count, seed);
  const fake = await startFakeIssuer({ provider });
  for (const [index, call] of plan.entries()) {
    fake.route(call.method, `/calls/${index}`, call.outcomes as never);
  }
  const client = clientFor(fake, health);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const byOutcome: Record<string, number> = {};
  let hung = 0;
  let slowestMs = 0;
  let next = 0;

  const send = async (call: PlannedCall, index: number) => {
    const started = performance.now();
    const path = `/calls/${index}`;
    const pending =
      call.method === 'GET' ? client.get(path) : client.post(path, { json: { index } });
    const outcome = (async (): Promise<string> => {
      const result = await pending;
      return result.isOk() ? 'ok' : result.error.kind;
    })();
    const settled = await Promise.race([
      outcome,
      new Promise<string>((resolve) => setTimeout(resolve, HANG_MS, 'hung').unref()),
    ]);
    slowestMs = Math.max(slowestMs, performance.now() - started);
    if (settled === 'hung') hung += 1;
    byOutcome[settled] = (byOutcome[settled] ?? 0) + 1;
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < plan.length) {
        const index = next++;
        const call = plan[index];
        if (call !== undefined) await send(call, index);
      }
    }),
  );
  delay.disable();
  await fake.close();
  return {
    provider,
    seed,
    calls: plan.length,
    byOutcome,
    hung,
    slowestMs,
    maxEventLoopDelayMs: delay.max / 1e6,
    ...postReplays(fake, plan),
  };
}

/** Every POST sent more than once, and whether each earlier answer was one that certainly did not act. */
function postReplays(fake: FakeIssuer, plan: readonly PlannedCall[]) {
  const answersByPath = new Map<string, string[]>();
  for (const request of fake.requests) {
    if (!request.path.startsWith('/calls/')) continue;
    answersByPath.set(request.path, [...(answersByPath.get(request.path) ?? []), request.answer]);
  }
  let attempts = 0;
  let postsResentAfterRejection = 0;
  const postsResentOtherwise: string[] = [];
  for (const [path, answers] of answersByPath) {
    attempts += answers.length;
    if (plan[Number(path.slice('/calls/'.length))]?.method !== 'POST' || answers.length < 2)
      continue;
    const earlier = answers.slice(0, -1);
    if (earlier.every((answer) => REJECTED_ANSWERS[fake.provider].includes(answer))) {
      postsResentAfterRejection += 1;
    } else {
      postsResentOtherwise.push(`${path}: ${answers.join(' → ')}`);
    }
  }
  return { attempts, postsResentAfterRejection, postsResentOtherwise };
}
