import type { RateBudget, ReadWriteBudgets } from '@issuer-errors/core';
import type { CarddaScenario } from '../cardda/cardda-fixtures';
import type { ClaraScenario } from '../clara/clara-fixtures';
import type { ResponseOverrides } from '../fixture-response';

/** The issuers the fake can play. */
export type FakeProvider = 'clara' | 'cardda';

/** The documented error names of a provider. */
export type ScenarioOf<Provider extends FakeProvider> = Provider extends 'clara'
  ? ClaraScenario
  : CarddaScenario;

/** The HTTP methods a route answers. */
export type FakeMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One answer of a route:
 * - a scenario name, or `{ error, retryAfter?, requestId? }`: the provider's documented error;
 * - `{ json, status? }`: a success (or any other) JSON body; `chunkDelayMs` sends it slowly, in 8 parts;
 * - `{ stall: true }`: accepts the request and never answers;
 * - `{ reset: 'before-response' | 'mid-body' }`: drops the connection, before the headers or halfway through the body.
 * Any answer can be held back by `delayMs` first.
 */
export type FakeOutcome<Scenario extends string = string> =
  | Scenario
  | ({ readonly error: Scenario; readonly delayMs?: number } & ResponseOverrides)
  | {
      readonly json: unknown;
      readonly status?: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly delayMs?: number;
      readonly chunkDelayMs?: number;
    }
  | { readonly stall: true }
  | { readonly reset: 'before-response' | 'mid-body'; readonly delayMs?: number };

/**
 * The issuer's limit as a token bucket, in the words of a client's `rateLimit`: `burst` requests
 * at once (default 1), `requestsPerSecond` allowed again each second.
 */
export type FakeRateLimit = RateBudget;

/** Limits of their own for reads (GET, HEAD) and writes, as Clara has. */
export type FakeReadWriteLimits = ReadWriteBudgets;

/** Which limit a request counts against: Clara's reads or writes, or Cardda's one limit. */
export type FakeRateClass = 'read' | 'write' | 'all';

/**
 * An outage of the fake: every API request (the token endpoint aside) answered with one of the
 * provider's documented 5xx (a scenario of status 500, 502, 503 or 504), before auth and limits,
 * as a failing gateway or service would. Each answer carries a fresh request id where the
 * provider sends one (Cardda's `X-Request-Id`).
 */
export interface FakeOutage<Scenario extends string = string> {
  /** The documented 5xx to answer with: `'service-unavailable-empty'`, `'internal-server-error'`… */
  readonly error: Scenario;
  /** How long it lasts, in ms; default: until `outage(undefined)` or `reset()`. */
  readonly forMs?: number;
  /** When it starts, in ms from now; default 0. */
  readonly afterMs?: number;
  /** The share of requests answered so, at random, from 0 to 1: below 1 the issuer is degraded, not down (default 1). */
  readonly share?: number;
}

/** Options of {@link startFakeIssuer}. */
export interface FakeIssuerOptions<Provider extends FakeProvider> {
  /** Which issuer to play. */
  readonly provider: Provider;
  /** Default 0: any free port. */
  readonly port?: number;
  /** A loopback address only; default `'127.0.0.1'`. */
  readonly host?: string;
  /**
   * Answers 429 with the provider's headers and body once the bucket is empty. Each
   * credential has buckets of its own (a Cardda API key, a Clara OAuth client), as at the
   * provider. Clara limits reads (GET, HEAD) and writes apart: one limit sizes both of its
   * buckets, `{ read, write }` sizes each.
   */
  readonly rateLimit?: FakeRateLimit | FakeReadWriteLimits;
  /** Clara: the only client credentials its token endpoint accepts (default: any). */
  readonly clientId?: string;
  /** Clara: the only client secret accepted (default: any). */
  readonly clientSecret?: string;
  /** Clara: the `expires_in` of issued tokens, in seconds; default 3600. */
  readonly tokenLifetimeSeconds?: number;
  /** Cardda: the only API keys accepted (default: any non-empty Bearer). */
  readonly apiKeys?: readonly string[];
  /** Cardda: the companies the key belongs to; another `company-id` is a 404 (default: any). */
  readonly companyIds?: readonly string[];
  /**
   * Lets pages of this origin (`'http://127.0.0.1:5173'`, or `'*'`) call the fake from a
   * browser: CORS headers on every answer, every response header exposed, and preflights
   * answered 204 before auth. Default: no CORS headers, as a server-side API.
   */
  readonly allowOrigin?: string;
  /** Called after each request is answered, with what the fake did. */
  readonly onRequest?: (request: FakeRequest) => void;
  /** An outage from the start (or from its `afterMs`). */
  readonly outage?: FakeOutage<ScenarioOf<Provider>>;
}

/** One request the fake received, for assertions. */
export interface FakeRequest {
  /** As sent: `GET`, `POST`... */
  readonly method: string;
  /** Relative to {@link FakeIssuer.baseUrl}, without the query. */
  readonly path: string;
  /** The query string, one value per name. */
  readonly query: Readonly<Record<string, string>>;
  /** Lower-cased names; sent values, credentials included (the fake lives on loopback). */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text, at most 1 MiB. */
  readonly body: string;
  /** What the fake did: the scenario and status (`'rate-limited 429'`), `'ok 200'`, `'token 200'`, `'unscripted 404'`, `'stall'`, `'reset mid-body'`, `'outage service-unavailable-empty 503'`. */
  readonly answer: string;
}

/** A running fake issuer. */
export interface FakeIssuer<Provider extends FakeProvider = FakeProvider> {
  /** Which issuer it plays. */
  readonly provider: Provider;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** What to give the client as `baseUrl` (Cardda: `<url>/v1`). */
  readonly baseUrl: string;
  /** Clara's token endpoint, for `oauth.tokenUrl`. */
  readonly tokenUrl: string;
  /** The port it listens on. */
  readonly port: number;
  /** Every request so far, oldest first. */
  readonly requests: readonly FakeRequest[];
  /**
   * Scripts a route: its answers in order; the last one repeats. `path` is relative to
   * `baseUrl`, and a `:name` segment matches any one segment. Scripting a route again replaces it.
   */
  route(
    method: FakeMethod,
    path: string,
    outcomes: readonly FakeOutcome<ScenarioOf<Provider>>[],
  ): this;
  /** Starts an outage now (or after its `afterMs`), replacing any other; `undefined` ends it. */
  outage(outage: FakeOutage<ScenarioOf<Provider>> | undefined): this;
  /** Replaces the rate limit (`undefined`: none), with full buckets. */
  limitRate(limit: FakeRateLimit | FakeReadWriteLimits | undefined): this;
  /** Clara: a valid token, as the token endpoint would issue. */
  issueToken(): string;
  /** Clara: every token issued so far is now expired, so the next call meets Clara's 401. */
  expireTokens(): void;
  /** Forgets the routes, the request log, the tokens, and rate-limit changes and state. */
  reset(): void;
  /** Stops listening and drops every open connection, stalled ones too. */
  close(): Promise<void>;
}
