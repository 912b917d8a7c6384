import type { Interceptor, Scope } from 'nock';
import type { ErrorFixture } from '../error-fixture';
import { fixtureResponse, type ResponseOverrides } from '../fixture-response';

/** The HTTP methods the clients send. */
export type MockMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Which requests a mock answers, how many times, and how late. */
export interface MockMatch {
  /** Default `'GET'`. */
  readonly method?: MockMethod;
  /** A path relative to the scope, or a pattern; default: any path. */
  readonly path?: string | RegExp;
  /** How many requests this answer serves; default 1. */
  readonly times?: number;
  /** Holds the response headers back this long. */
  readonly delayMs?: number;
}

/** Options of {@link IssuerMock.reply}: which requests, plus changes to the documented response. */
export type MockReplyOptions = MockMatch & ResponseOverrides;

/** Options of {@link IssuerMock.replyOk}. */
export type MockSuccessOptions = MockMatch & {
  /** Default 200. */
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
};

/** The errors a request can fail with before any response. */
export type MockNetworkFailure = 'ECONNRESET' | 'ECONNREFUSED' | 'ETIMEDOUT' | 'ENOTFOUND';

/**
 * Shortcuts over a nock scope that answer with a provider's documented
 * responses. Calls chain; answers registered for the same request are used in
 * order, so `.reply('rate-limited').replyOk(body)` is a 429 and then a 200.
 */
export interface IssuerMock<Scenario extends string> {
  /** The nock scope underneath, for `isDone()` and anything the shortcuts do not cover. */
  readonly scope: Scope;
  /** Answers with the documented error `scenario` (a fixture id). */
  reply(scenario: Scenario, options?: MockReplyOptions): this;
  /** Answers with a JSON success body. */
  replyOk(body: unknown, options?: MockSuccessOptions): this;
  /** Fails without a response, as fetch would: a `TypeError('fetch failed')` whose `cause.code` is `failure`. */
  fail(failure: MockNetworkFailure, options?: MockMatch): this;
}

const ANY_PATH = /.*/;

/** The shared implementation of the provider mocks. */
export function mockIssuer<Scenario extends string>(
  scope: Scope,
  fixtures: readonly ErrorFixture<Scenario>[],
): IssuerMock<Scenario> {
  const intercept = (match: MockMatch): Interceptor => {
    const interceptor = scope
      .intercept(match.path ?? ANY_PATH, match.method ?? 'GET')
      .times(match.times ?? 1);
    return match.delayMs === undefined ? interceptor : interceptor.delay(match.delayMs);
  };
  const mock: IssuerMock<Scenario> = {
    scope,
    reply(scenario, options = {}) {
      const response = fixtureResponse(fixtures, scenario, options);
      if (response === undefined) throw new TypeError(`Unknown scenario: ${String(scenario)}`);
      intercept(options).reply(response.status, response.body, { ...response.headers });
      return this;
    },
    replyOk(body, options = {}) {
      const headers = { 'content-type': 'application/json', ...options.headers };
      intercept(options).reply(options.status ?? 200, JSON.stringify(body), headers);
      return this;
    },
    fail(failure, options = {}) {
      const cause = Object.assign(new Error(`${failure} (simulated)`), { code: failure });
      intercept(options).replyWithError(new TypeError('fetch failed', { cause }));
      return this;
    },
  };
  return mock;
}
