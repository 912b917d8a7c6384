import type { IssuerAdapter } from '../adapter/adapter-types';
import type { StandardSchemaV1 } from '../adapter/standard-schema';
import type { OutageReport } from '../client/outage-report';
import type { RetryEvent } from '../client/retry-engine';
import type { AccessTokenSource } from '../client/token-coordinator';
import type { IssuerError } from '../error/issuer-error';
import type { IssuerResultAsync } from '../error/result';
import type { IssuerHealthOptions } from '../health/health-types';
import type { RateLimitOptions, RateStore } from '../rate/rate-types';
import type { TelemetryOptions } from '../telemetry/telemetry-types';

/** A ky instance of either major, seen only through what the client uses. */
export interface KyInstanceLike {
  (url: string, options?: object): PromiseLike<Response>;
  /** A copy with more options, as `ky.extend` makes. */
  extend(options: object | ((parent: { fetch?: typeof fetch }) => object)): KyInstanceLike;
}

/** Options of `createIssuerClient`. */
export interface IssuerClientOptions {
  /** The provider's adapter: how its errors normalize and its retry policy. */
  readonly adapter: IssuerAdapter;
  /** Joined to each path with exactly one slash. */
  readonly baseUrl: string;
  /** Sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** A bearer token source; refreshed once (shared by every request in flight) after a 401. */
  readonly getAccessToken?: AccessTokenSource;
  /**
   * A ky instance (its hooks are kept) or ky options. Retry, timeout and
   * `throwHttpErrors` are always the client's own; `prefixUrl`/`prefix`/`baseUrl` are ignored.
   * A `fetch` of yours gets the request (its signal carries ky's timeout) and, when the call has
   * a `signal` or `totalTimeoutMs`, the attempt's abort signal in its second argument: pass both on.
   */
  readonly ky?: KyInstanceLike | Readonly<Record<string, unknown>>;
  /** Attempts per call, the first included (default 3; less than 1 counts as 1). */
  readonly maxAttempts?: number;
  /** Time limit of one attempt, reading the body included (default 10 s; `Infinity` for none). */
  readonly timeoutMs?: number;
  /** Time limit of the whole call, waits included (default: none). */
  readonly totalTimeoutMs?: number;
  /** A wait longer than this is not made: the error comes back at once with its `retryAfterMs` (default 60 s). */
  readonly maxRetryDelayMs?: number;
  /** Called before each retry (after a token refresh too, with `delayMs: 0`), for logs and metrics. Exceptions it throws are ignored. */
  readonly onRetry?: (event: RetryEvent) => void;
  /** Called with every final error. Exceptions it throws are ignored. */
  readonly onError?: (error: IssuerError) => void;
  /**
   * A cap on this client's request rate, as a token bucket: one budget, or `{ read, write }`
   * (GET and HEAD are reads, every other method a write). Set it to the issuer's limit so that
   * requests wait their turn instead of being refused with 429; attempts wait for a slot in order.
   * Default: no cap (a 429 still pauses its class: every request, or the reads or writes of an
   * issuer that limits them apart).
   */
  readonly rateLimit?: RateLimitOptions;
  /**
   * Where the budgets and cooldowns are kept. Default: in this client. A shared store
   * (`createRedisRateStore` from `@issuer-errors/redis`) gives every process that uses one
   * credential one budget and one cooldown per class.
   */
  readonly rateStore?: RateStore;
  /**
   * Names this client's budgets in `rateStore`: clients with the same key share them. Kept
   * as given, so never a secret. Default: a SHA-256 hash of `rateCredential`.
   */
  readonly rateKey?: string;
  /**
   * The credential the issuer counts requests by (an API key, a client certificate). Only a
   * hash of it names the budgets in `rateStore`; it is never stored. Default: the base URL,
   * except with `getAccessToken`, whose tokens may be any tenant's: then a shared store needs
   * this or `rateKey`. The provider clients set it where they know the credential.
   */
  readonly rateCredential?: string | Uint8Array | undefined;
  /**
   * How the client guards an issuer that fails persistently (defaults: retries at most 20% of
   * first attempts plus 10 per ~10 s; a breaker that opens after 10 failed attempts in a row, or
   * half of at least 20 over ~10 s, and probes with one request every 2–4 s). Kept in `rateStore`,
   * so a fleet shares one budget, one breaker and one probe. `false` turns both off.
   */
  readonly health?: IssuerHealthOptions | false;
  /**
   * Called once when the issuer's breaker opens and once when it closes: for the whole fleet, in
   * one of its processes, with a shared store. The report holds the failures' statuses, fine
   * codes and request ids, and what the provider's docs say to do. Exceptions it throws are ignored.
   */
  readonly onOutage?: (report: OutageReport) => void;
  /**
   * Where the client's OpenTelemetry spans and metrics go: a span per call, a child span per
   * attempt, `http.client.request.duration` and the client's own metrics (docs/guides/logging-and-tracing.md,
   * "Telemetry"). Default: the global providers when `@opentelemetry/api` is installed; with no
   * SDK registered they record nothing. `false` turns telemetry off.
   */
  readonly telemetry?: TelemetryOptions | false;
  /** The source of jitter, `Math.random` by default; replace it for deterministic tests. */
  readonly random?: () => number;
}

/** Options of one request. */
export interface RequestOptions<T = unknown> {
  /** A JSON body. */
  readonly json?: unknown;
  /** Query parameters. */
  readonly searchParams?:
    | string
    | URLSearchParams
    | Readonly<Record<string, string | number | boolean>>;
  /** Headers of this request, on top of the client's. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Validates the success body (zod, valibot, arktype…); a mismatch is an `invalid_response` error. */
  readonly schema?: StandardSchemaV1<unknown, T>;
  /** The issuer deduplicates this request (an idempotency key you send, a full-resource write): POST/PATCH may then be retried after a 5xx or a timeout. */
  readonly idempotent?: boolean;
  /** Aborts the request and any wait: the result is a `cancelled` error. */
  readonly signal?: AbortSignal;
  /**
   * The path's template, relative to the base URL as the path is (`'/cards/{id}'`), for the
   * telemetry's `url.template` and span names. Default: the path with each segment that holds a
   * digit as `{id}`.
   */
  readonly urlTemplate?: string;
}

/** A provider client: every method returns a `ResultAsync`, never throws. */
export interface IssuerClient {
  /** `GET path`. */
  get<T = unknown>(path: string, options?: RequestOptions<T>): IssuerResultAsync<T>;
  /** `POST path`: retried only when the provider certainly did not act, unless `idempotent`. */
  post<T = unknown>(path: string, options?: RequestOptions<T>): IssuerResultAsync<T>;
  /** `PUT path`. */
  put<T = unknown>(path: string, options?: RequestOptions<T>): IssuerResultAsync<T>;
  /** `PATCH path`: retried only when the provider certainly did not act, unless `idempotent`. */
  patch<T = unknown>(path: string, options?: RequestOptions<T>): IssuerResultAsync<T>;
  /** `DELETE path`. */
  delete<T = unknown>(path: string, options?: RequestOptions<T>): IssuerResultAsync<T>;
}

/** The HTTP methods of an {@link IssuerClient}. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
