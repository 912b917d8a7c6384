import type { RetryPolicy } from '@issuer-errors/core';

/**
 * Clara's retry policy, from its docs: 429 backs off `2^attempt` s plus up to 1 s of jitter
 * (Clara's own example allows 4 attempts); a 500 is retried once; everything
 * else transient backs off with full jitter. Reads and writes have limits of their own.
 */
export const claraRetry: RetryPolicy = {
  backoff: { baseMs: 1_000, factor: 2, maxMs: 20_000, jitter: 'full' },
  byKind: {
    rate_limited: {
      backoff: { baseMs: 1_000, factor: 2, maxMs: 20_000, jitter: { addMs: 1_000 } },
      maxRetries: 3,
    },
    internal: { maxRetries: 1 },
  },
  // "Limits are applied separately to read (GET) and write (POST, PATCH, DELETE) operations."
  limitsReadsAndWritesApart: true,
  // Clara, 500: "escalate if persistent"; B033: "if persistent, contact integration support".
  whenPersistent:
    'Escalate to your Clara integration support, with the request ids of the failed responses (requestIds).',
};
