import { IssuerError } from '../error/issuer-error';
import { healthProblem } from '../health/health-settings';
import { MAX_TIMER_MS } from '../http/time-limits';
import { isReadWriteBudgets } from '../rate/rate-classes';
import type { RateBudget, RateLimitOptions } from '../rate/rate-types';
import type { IssuerClientOptions } from './client-types';

/** Options that need a number ≥ 0: `Infinity` is fine, a negative number or NaN is not. */
const NON_NEGATIVE = ['timeoutMs', 'totalTimeoutMs', 'maxRetryDelayMs', 'maxAttempts'] as const;

/** A time limit as a timer holds it: none for `Infinity`, and a longer one cut to the most a timer holds. */
export function toTimerMs(ms: number | undefined): number | undefined {
  return ms === undefined || ms === Infinity ? undefined : Math.min(ms, MAX_TIMER_MS);
}

/**
 * The error every call of a client gets when its options cannot work (no ky, a `baseUrl` that
 * is not an absolute http(s) URL or holds a password, a rate limit of no requests, a store
 * without its methods, a negative or NaN time limit), sent before anything is.
 */
export function setupError(
  options: IssuerClientOptions,
  problem: string,
  cause?: unknown,
): IssuerError {
  return new IssuerError({
    provider: options.adapter.name,
    code: 'invalid_client_setup',
    message: `${options.adapter.displayName}: ${problem}`,
    cause,
  });
}

/** What in the options cannot work, or `undefined` when they can. */
export function setupProblem(options: IssuerClientOptions): string | undefined {
  const urlIssue = urlProblem('baseUrl', options.baseUrl);
  if (urlIssue !== undefined) return urlIssue;
  for (const name of NON_NEGATIVE) {
    const value = options[name];
    if (value !== undefined && !(value >= 0)) return `${name} needs a number ≥ 0`;
  }
  return (
    rateLimitProblem(options.rateLimit) ??
    rateStoreProblem(options) ??
    healthProblem(options.health)
  );
}

/**
 * What keeps `value` from being the URL an option named `name` needs: an absolute http(s) URL
 * with no user name or password in it (fetch refuses to send one, and a log would print it).
 * The value is never repeated, since it may hold a password.
 *
 * @example
 * urlProblem('tokenUrl', 'https://user:pass@auth.example.com/token');
 * // "tokenUrl holds a user name or password (put credentials in the client's options, not in the URL)"
 */
export function urlProblem(name: string, value: unknown): string | undefined {
  const url = toHttpUrl(value);
  if (url === undefined) {
    return `${name} needs an absolute http(s) URL, such as https://api.example.com/v1`;
  }
  if (url.username !== '' || url.password !== '') {
    return `${name} holds a user name or password (put credentials in the client's options, not in the URL)`;
  }
  return undefined;
}

/** What in `rateLimit` cannot work: each budget needs requests per second > 0 and a whole burst ≥ 1. */
function rateLimitProblem(rateLimit: RateLimitOptions | undefined): string | undefined {
  if (rateLimit === undefined) return undefined;
  const missing = missingClass(rateLimit);
  if (missing !== undefined) {
    return `rateLimit.${missing} is missing: give reads and writes a budget each, or one budget for both`;
  }
  const budgets: Array<[string, RateBudget]> = isReadWriteBudgets(rateLimit)
    ? [
        ['rateLimit.read', rateLimit.read],
        ['rateLimit.write', rateLimit.write],
      ]
    : [['rateLimit', rateLimit]];
  for (const [name, budget] of budgets) {
    const { requestsPerSecond = Number.NaN, burst = 1 }: Partial<RateBudget> = budget ?? {};
    const valid =
      requestsPerSecond > 0 &&
      Number.isFinite(requestsPerSecond) &&
      Number.isInteger(burst) &&
      burst >= 1;
    if (!valid) return `${name} needs requestsPerSecond > 0 and a whole burst ≥ 1`;
  }
  return undefined;
}

/**
 * A shared store names budgets by a hash of the credential, which needs Web Crypto, and a
 * credential: a client with a token source cannot tell whose tokens it sends.
 */
function rateStoreProblem(options: IssuerClientOptions): string | undefined {
  const { rateStore, rateKey, rateCredential, getAccessToken } = options;
  if (rateStore === undefined) return undefined;
  if (typeof rateStore?.take !== 'function' || typeof rateStore.coolDown !== 'function') {
    return 'rateStore needs take and coolDown methods, such as createRedisRateStore returns';
  }
  if (rateKey !== undefined) return undefined;
  if (getAccessToken !== undefined && rateCredential === undefined) {
    return 'rateStore needs rateKey or rateCredential: with getAccessToken alone, the client cannot tell whose budget its requests spend';
  }
  if (globalThis.crypto?.subtle !== undefined) return undefined;
  return 'rateStore needs Web Crypto (globalThis.crypto.subtle) to hash the credential, or a rateKey';
}

/** The class a split budget lacks, when it names only `read` or only `write` (a config file, a JavaScript caller). */
function missingClass(rateLimit: RateLimitOptions): 'read' | 'write' | undefined {
  if (typeof rateLimit !== 'object' || rateLimit === null) return undefined;
  const hasRead = 'read' in rateLimit;
  if (hasRead === 'write' in rateLimit) return undefined;
  return hasRead ? 'write' : 'read';
}

function toHttpUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
