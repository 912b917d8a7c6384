import type { RetryPolicy } from '@issuer-errors/core';

/**
 * Cardda's retry policy, from its docs: a 429 waits for `Retry-After` (carried on the error
 * as `retryAfterMs`); 500s and upstream failures back off exponentially with
 * full jitter.
 */
export const carddaRetry: RetryPolicy = {
  backoff: { baseMs: 1_000, factor: 2, maxMs: 20_000, jitter: 'full' },
  // Cardda, 500 internal_error: "if it persists, contact us with the X-Request-Id response header".
  whenPersistent:
    'Contact Cardda with the X-Request-Id values of the failed responses (requestIds): they pull the full trace from them.',
};
