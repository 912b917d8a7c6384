import { createCarddaClient } from '@issuer-errors/cardda';
import ky from 'ky';
import { startFakeCarddaProcess } from './fake-issuer-process';

/** The fake's bucket: 100 requests/s, 10 at once. */
const LIMIT = { requestsPerSecond: 100, burst: 10 } as const;
/** The provider's rate, at a steady pace: its burst stays as headroom for the network's jitter. */
const CLIENT_RATE_LIMIT = { requestsPerSecond: LIMIT.requestsPerSecond } as const;
const PATH = '/banking/bank_transactions';
const REQUESTS = 500;
const CONCURRENCY = 20;
/** At 100 requests/s, 500 requests take 5 s at best. */
export const IDEAL_MS = (REQUESTS / LIMIT.requestsPerSecond) * 1000;
/** The goals: time against the ideal, and the share of attempts answered 429. */
export const THROUGHPUT_GOAL = { ratio: 1.15, rateLimitedShare: 0.1 } as const;

/** One run of 500 GETs at concurrency 20. */
export interface ThroughputRun {
  readonly name: string;
  readonly elapsedMs: number;
  readonly failures: number;
  /** Requests the fake answered, retries included. */
  readonly attempts: number;
  /** Of those, answered 429. */
  readonly rateLimited: number;
}

/**
 * 500 GETs at concurrency 20 against the fake Cardda (its own process) with a token
 * bucket of 100 requests/s, burst 10, answering 429 + Retry-After beyond it: through
 * the client with `rateLimit` at that rate, then through bare ky with its default retry.
 */
export async function measureRateLimitThroughput(): Promise<readonly ThroughputRun[]> {
  const throughClient = await run('createCarddaClient, rateLimit', (baseUrl) => {
    const client = createCarddaClient({
      baseUrl,
      apiKey: 'key',
      companyId: 'co',
      rateLimit: CLIENT_RATE_LIMIT,
    });
    return async () => (await client.get(PATH)).isOk();
  });
  const throughKy = await run('bare ky, default retry', (baseUrl) => {
    const bare = ky.create({
      prefixUrl: baseUrl,
      headers: { authorization: 'Bearer key', 'company-id': 'co' },
    });
    return () =>
      bare.get(PATH.slice(1)).then(
        () => true,
        () => false,
      );
  });
  return [throughClient, throughKy];
}

async function run(
  name: string,
  makeGet: (baseUrl: string) => () => Promise<boolean>,
): Promise<ThroughputRun> {
  const issuer = await startFakeCarddaProcess(PATH, LIMIT);
  try {
    const get = makeGet(issuer.baseUrl);
    let left = REQUESTS;
    let failures = 0;
    const worker = async () => {
      while (left > 0) {
        left -= 1;
        if (!(await get())) failures += 1;
      }
    };
    const startedAt = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const elapsedMs = performance.now() - startedAt;
    // The fake logs each answer as it sends it; a short pause lets the last lines arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const attempts = [...issuer.answered.values()].reduce((sum, count) => sum + count, 0);
    return { name, elapsedMs, failures, attempts, rateLimited: issuer.answered.get(429) ?? 0 };
  } finally {
    await issuer.close();
  }
}
