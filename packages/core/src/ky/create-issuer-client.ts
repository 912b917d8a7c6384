import { createClassGuards } from '../client/class-guards';
import { type RetrySettings, runWithRetries } from '../client/retry-engine';
import type { Scope } from '../client/scope';
import { TokenCoordinator } from '../client/token-coordinator';
import type { IssuerError } from '../error/issuer-error';
import { err, errAsync, ResultAsync } from '../error/result';
import { toHealthSettings } from '../health/health-settings';
import { DEFAULT_TIMEOUT_MS } from '../http/time-limits';
import { withAttemptSignal } from './attempt-signal';
import { setupError, setupProblem, toTimerMs } from './client-setup';
import type {
  HttpMethod,
  IssuerClient,
  IssuerClientOptions,
  KyInstanceLike,
  RequestOptions,
} from './client-types';
import { joinUrl } from './join-url';
import { sendAttempt } from './send-attempt';

const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_MAX_RETRY_DELAY_MS = 60_000;
/** The client owns retries, time limits and error handling: ky's own are always off. */
const CLIENT_OWNED = { throwHttpErrors: false, retry: 0, timeout: false } as const;

/**
 * Creates a client for one provider on ky (1.14+ or 2.1+): every method returns
 * a `ResultAsync<T, IssuerError>`, with the provider's retry rules applied and
 * money-moving writes never replayed unless the provider certainly did not act.
 *
 * @example
 * import { createIssuerClient } from '@issuer-errors/core/ky';
 * import { cardda } from '@issuer-errors/cardda';
 *
 * const client = createIssuerClient({ adapter: cardda, baseUrl: 'https://api.cardda.com/v1', headers });
 * const result = await client.get('/banking/bank_transactions');
 * result.match(
 *   (transactions) => render(transactions),
 *   (error) => console.error(error.kind, error.code, error.requestId),
 * );
 */
export function createIssuerClient(options: IssuerClientOptions): IssuerClient {
  let instance: Promise<KyInstanceLike> | undefined;
  const timeoutMs = toTimerMs(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const settings: RetrySettings = {
    maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)),
    totalTimeoutMs: toTimerMs(options.totalTimeoutMs),
    maxRetryDelayMs: options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS,
    random: options.random ?? Math.random,
    tokens:
      options.getAccessToken === undefined
        ? undefined
        : new TokenCoordinator(options.getAccessToken, timeoutMs),
    guardsFor: createClassGuards({
      ...options,
      health: options.health === false ? undefined : toHealthSettings(options.health, timeoutMs),
    }),
    onRetry: options.onRetry,
    onError: options.onError,
  };

  const problem = setupProblem(options);
  const send = <T>(method: HttpMethod, path: string, requestOptions: RequestOptions<T> = {}) => {
    if (problem !== undefined) return errAsync<T, IssuerError>(setupError(options, problem));
    instance ??= toKyInstance(options.ky);
    const outcome = instance.then(
      (ky) => sendWith(ky, method, path, requestOptions),
      (cause: unknown) =>
        err(setupError(options, 'the client needs ky (npm install ky) or a ky instance', cause)),
    );
    return new ResultAsync(outcome);
  };

  const sendWith = <T>(
    ky: KyInstanceLike,
    method: HttpMethod,
    path: string,
    requestOptions: RequestOptions<T>,
  ) => {
    const plan = {
      adapter: options.adapter,
      ky,
      url: joinUrl(options.baseUrl, path),
      method,
      headers: { ...options.headers, ...requestOptions.headers },
      options: requestOptions,
    };
    const request = {
      adapter: options.adapter,
      method,
      idempotent: requestOptions.idempotent === true,
      send: (call: Scope, token: string | undefined) => sendAttempt(plan, call, token, timeoutMs),
    };
    return runWithRetries(settings, request, requestOptions.signal).catch((thrown: unknown) =>
      err(options.adapter.fromThrown(thrown)),
    );
  };

  return {
    get: <T>(path: string, requestOptions?: RequestOptions<T>) =>
      send<T>('GET', path, requestOptions),
    post: <T>(path: string, requestOptions?: RequestOptions<T>) =>
      send<T>('POST', path, requestOptions),
    put: <T>(path: string, requestOptions?: RequestOptions<T>) =>
      send<T>('PUT', path, requestOptions),
    patch: <T>(path: string, requestOptions?: RequestOptions<T>) =>
      send<T>('PATCH', path, requestOptions),
    delete: <T>(path: string, requestOptions?: RequestOptions<T>) =>
      send<T>('DELETE', path, requestOptions),
  };
}

/** ky is an optional peer: it is loaded on the first request, and only when no instance was given. */
async function toKyInstance(option: IssuerClientOptions['ky']): Promise<KyInstanceLike> {
  if (typeof option === 'function') {
    return option.extend((parent: { fetch?: typeof fetch }) => ({
      ...CLIENT_OWNED,
      fetch: withAttemptSignal(parent.fetch),
    }));
  }
  const { default: ky } = await import('ky');
  // The client joins the base URL itself: ky's URL options (both majors' names) are dropped.
  const { prefixUrl, prefix, baseUrl, ...kyOptions } = option ?? {};
  return ky.create({
    ...kyOptions,
    ...CLIENT_OWNED,
    fetch: withAttemptSignal(kyOptions.fetch as typeof fetch | undefined),
  }) as unknown as KyInstanceLike;
}
