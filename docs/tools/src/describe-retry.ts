import {
  type BackoffPolicy,
  type ErrorRule,
  KIND_DEFAULTS,
  kindOfCode,
  type RetryPolicy,
} from '@issuer-errors/core';

const seconds = (ms: number) => `${ms / 1000} s`;

/** A backoff policy in words: `0–1 s × 2ⁿ (full jitter, at most 20 s)`. */
export function describeBackoff(policy: BackoffPolicy): string {
  const growth = `${seconds(policy.baseMs)} × ${policy.factor}ⁿ`;
  const cap = `at most ${seconds(policy.maxMs)}`;
  if (policy.jitter === 'full') return `random 0 to ${growth} (${cap})`;
  return `${growth} plus up to ${seconds(policy.jitter.addMs)} (${cap})`;
}

/** Whether a rule's errors are retryable, as the error will say. */
export function isRetryable(rule: ErrorRule): boolean {
  return rule.retryable ?? KIND_DEFAULTS[kindOfCode(rule.code)].retryable;
}

/** How long the client waits before retrying a rule's errors, and how often it does. */
export function describeRetryDelay(rule: ErrorRule, retry: RetryPolicy): string {
  if (!isRetryable(rule)) return '—';
  const kind = kindOfCode(rule.code);
  const byKind = retry.byKind?.[kind];
  const otherwise =
    rule.retryAfterMs === undefined
      ? describeBackoff(byKind?.backoff ?? retry.backoff)
      : seconds(rule.retryAfterMs);
  const maxRetries = rule.maxRetries ?? byKind?.maxRetries;
  const limit =
    maxRetries === undefined
      ? ''
      : `; at most ${maxRetries} ${maxRetries === 1 ? 'retry' : 'retries'}`;
  return `\`Retry-After\` if sent, else ${otherwise}${limit}`;
}
