import type { IssuerAdapter } from '../adapter/adapter-types';
import { IssuerError, isIssuerError } from '../error/issuer-error';
import type { StopReason } from './scope';

/** The error of a call or attempt that was stopped by its caller or its time limit. */
export function stoppedError(adapter: IssuerAdapter, reason: StopReason): IssuerError {
  return new IssuerError({
    provider: adapter.name,
    code: reason,
    message:
      reason === 'timeout'
        ? `${adapter.displayName}: the request timed out`
        : `${adapter.displayName}: the request was cancelled`,
  });
}

/** A request not sent because the provider's cooldown for its class outlasts `maxRetryDelayMs`. */
export function cooldownError(adapter: IssuerAdapter, cooldownMs: number): IssuerError {
  return new IssuerError({
    provider: adapter.name,
    code: 'rate_limited',
    message: `${adapter.displayName}: not sent: the provider asked requests like it to wait ${Math.ceil(cooldownMs / 1000)} s more`,
    retryAfterMs: cooldownMs,
  });
}

/**
 * A call not sent because the issuer's breaker is open: the issuer failed persistently, and only
 * the breaker's probe goes until it answers again. Never sent, so even a payment may be sent later.
 */
export function breakerOpenError(adapter: IssuerAdapter, waitMs: number): IssuerError {
  return new IssuerError({
    provider: adapter.name,
    code: 'breaker_open',
    message: `${adapter.displayName}: not sent: the provider is failing persistently; the next probe is in ${Math.ceil(waitMs / 1000)} s`,
    retryAfterMs: waitMs,
    outcome: 'rejected',
    retryable: true,
  });
}

/** Why no token came; the request itself was never sent, so the provider certainly did not act on it. */
export function tokenError(adapter: IssuerAdapter, thrown: unknown): IssuerError {
  const error = isIssuerError(thrown) ? thrown : classifyTokenFailure(adapter, thrown);
  return error.with({ outcome: 'rejected' });
}

function classifyTokenFailure(adapter: IssuerAdapter, thrown: unknown): IssuerError {
  const classified = adapter.fromThrown(thrown);
  if (classified.kind !== 'unknown') return classified;
  return new IssuerError({
    provider: adapter.name,
    code: 'unauthenticated',
    message: `${adapter.displayName}: could not obtain an access token`,
    cause: thrown,
  });
}
