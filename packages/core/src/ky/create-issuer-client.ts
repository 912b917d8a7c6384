import { createClassGuards } from '../client/class-guards';
import { type RetrySettings, runWithRetries } from '../client/retry-engine';
import type { Scope } from '../client/scope';
import { TokenCoordinator } from '../client/token-coordinator';
import type { IssuerError } from '../error/issuer-error';
import { err, errAsync, ResultAsync } from '../error/result';
import { toHealthSettings } from '../health/health-settings';
import { DEFAULT_TIMEOUT_MS } from '../http/time-limits';
import type { RateClass } from '../rate/rate-types';
import type { CallTelemetry } from '../telemetry/call-telemetry';
import { createClientTelemetry } from '../telemetry/client-telemetry';
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
import { type RequestPlan, sendAttempt } from './send-attempt';

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
  const telemetry = createClientTelemetry(
    options.adapter.name,
    options.telemetry,
    options.rateStore,
  );
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
      ...(telemetry === undefined
        ? {}
        : {
            onOutage: (report) => {
              telemetry.outage(report);
              options.onOutage?.(report);
            },
            onBreakerChange: (rateClass, open) => telemetry.breakerChanged(rateClass, open),
          }),
    }),
    onRetry: options.onRetry,
    onError: options.onError,
  };

  const problem = setupProblem(options);
  const send = <T>(method: HttpMethod, path: string, requestOptions: RequestOptions<T> = {}) => {
    if (problem !== undefined) {
      const error = setupError(options, problem);
      startCall(method, path, requestOptions, undefined)?.end(err(error));
      return errAsync<T, IssuerError>(error);
    }
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
    const call = startCall(method, path, requestOptions, settings.guardsFor(method).rateClass);
    const request = {
      adapter: options.adapter,
      method,
      idempotent: requestOptions.idempotent === true,
      send:
        call === undefined
          ? (scope: Scope, token: string | undefined) => sendAttempt(plan, scope, token, timeoutMs)
          : (scope: Scope, token: string | undefined) => sendObserved(call, plan, scope, token),
      passedGate: call === undefined ? undefined : (waitedMs: number) => call.passedGate(waitedMs),
    };
    const result = runWithRetries(settings, request, requestOptions.signal).catch(
      (thrown: unknown) => err<T, IssuerError>(options.adapter.fromThrown(thrown)),
    );
    if (call === undefined) return result;
    return result.then((settled) => {
      call.end(settled);
      return settled;
    });
  };

  /** The call's span, when the client has telemetry. */
  const startCall = <T>(
    method: HttpMethod,
    path: string,
    requestOptions: RequestOptions<T>,
    rateClass: RateClass | undefined,
  ) =>
    telemetry?.startCall({
      method,
      // A base URL that is not text is a setup mistake the call reports: the span has no URL.
      url: typeof options.baseUrl === 'string' ? joinUrl(options.baseUrl, path) : '',
      baseUrl: typeof options.baseUrl === 'string' ? options.baseUrl : '',
      urlTemplate: requestOptions.urlTemplate,
      rateClass,
    });

  /** One attempt sent within its own span. */
  const sendObserved = async <T>(
    call: CallTelemetry,
    plan: RequestPlan<T>,
    scope: Scope,
    token: string | undefined,
  ) => {
    const attempt = call.startAttempt();
    if (attempt === undefined) return sendAttempt(plan, scope, token, timeoutMs);
    const result = await attempt.run(() => sendAttempt(plan, scope, token, timeoutMs, attempt));
    attempt.end(result);
    return result;
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
