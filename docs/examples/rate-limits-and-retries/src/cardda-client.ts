import { createCarddaClient } from '@issuer-errors/cardda';
import type { IssuerClient } from '@issuer-errors/core/ky';

/** A Cardda client for a worker: at most 20 requests/s, 4 attempts, waits up to 30 s, each retry logged. */
export function createWorkerClient(
  baseUrl: string,
  apiKey: string,
  companyId: string,
): IssuerClient {
  return createCarddaClient({
    baseUrl,
    apiKey,
    companyId,
    rateLimit: { requestsPerSecond: 20 }, // the rate your Cardda contract allows, at a steady pace
    maxAttempts: 4,
    maxRetryDelayMs: 30_000, // a longer Retry-After comes back as an error, for a scheduler to honour
    totalTimeoutMs: 60_000, // the whole call, waits included
    onRetry: ({ attempt, delayMs, error }) =>
      console.log(`attempt ${attempt}: ${error.code}, retrying in ${delayMs} ms`),
  });
}
