import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IssuerError } from '@issuer-errors/core';
import { carddaFixtures } from '../cardda/cardda-fixtures';
import { claraFixtures } from '../clara/clara-fixtures';
import type { WireResponse } from '../fixture-response';
import { carddaProfile } from './cardda-profile';
import { claraProfile } from './clara-profile';
import { answerCors } from './cors';
import type {
  FakeIssuer,
  FakeIssuerOptions,
  FakeOutcome,
  FakeProvider,
  FakeRequest,
} from './fake-issuer-types';
import { loopbackHost } from './loopback';
import { createOutageSchedule } from './outage-schedule';
import type { RequestView } from './provider-profile';
import { flatHeaders, readRequestBody } from './read-request';
import { createRouteTable } from './route-table';
import { createTokenBucket, type TokenBucket } from './token-bucket';
import { send, writeOutcome } from './write-outcome';

/**
 * Starts a fake Clara or Cardda on loopback (port 0 by default): scripted
 * routes, the provider's auth, rate limit and documented error bodies, and a
 * request log. Refuses a non-loopback host with a `configuration` error.
 *
 * @example
 * const fake = await startFakeIssuer({ provider: 'cardda' });
 * fake.route('POST', '/banking/bank_recipients', ['validation-error-on-create']);
 * const cardda = createCarddaClient({ baseUrl: fake.baseUrl, apiKey: 'test', companyId: 'acme' });
 * const result = await cardda.post('/banking/bank_recipients', { json: {} });
 * // result.error.fieldErrors.rut → ["can't be blank", 'is invalid']
 * await fake.close();
 */
export async function startFakeIssuer<Provider extends FakeProvider>(
  options: FakeIssuerOptions<Provider>,
): Promise<FakeIssuer<Provider>> {
  const host = loopbackHost(options.provider, options.host);
  if (host instanceof IssuerError) throw host;
  const now = Date.now;
  const profile =
    options.provider === 'clara'
      ? claraProfile(options as FakeIssuerOptions<'clara'>, now)
      : carddaProfile(options as FakeIssuerOptions<'cardda'>);
  const scenarios = new Set<string>(
    (options.provider === 'clara' ? claraFixtures : carddaFixtures).map((fixture) => fixture.id),
  );
  const routes = createRouteTable();
  const buckets = new Map<string, TokenBucket>();
  const requests: FakeRequest[] = [];
  const closing = new AbortController();
  // Every delayed answer waits on this one signal; many at once is the fake's normal load.
  setMaxListeners(0, closing.signal);

  const outage = createOutageSchedule(profile, now);
  outage.set(options.outage);
  let rateLimit = options.rateLimit;
  const bucketFor = (view: RequestView): TokenBucket | undefined => {
    if (rateLimit === undefined) return undefined;
    const { credential, rateClass } = profile.bucketOf(view);
    const key = `${rateClass} ${credential}`;
    const limit =
      'read' in rateLimit ? rateLimit[rateClass === 'write' ? 'write' : 'read'] : rateLimit;
    const bucket = buckets.get(key) ?? createTokenBucket(limit, now);
    buckets.set(key, bucket);
    return bucket;
  };

  const answer = async (view: RequestView, response: ServerResponse): Promise<string> => {
    // A scripted answer of the provider's own endpoint (a stall, a refusal, a 500) comes first.
    const scriptedOwn = profile.ownsPath(view.path)
      ? routes.next(view.method, view.path)
      : undefined;
    if (scriptedOwn !== undefined)
      return writeOutcome(scriptedOwn, response, profile, closing.signal);
    const own = profile.own(view);
    if (own !== undefined) return sent(response, own, 'token');
    const failing = outage.answer();
    if (failing !== undefined) return sent(response, failing, 'outage', 'outage ');
    const refusal = profile.admit(view);
    if (refusal !== undefined) return sent(response, refusal, 'refused');
    const decision = bucketFor(view)?.take();
    if (decision !== undefined && !decision.allowed) {
      return sent(response, profile.rateLimited(decision.waitMs), 'rate-limit');
    }
    const outcome = routes.next(view.method, view.path);
    if (outcome === undefined) return unscripted(view, response);
    return writeOutcome(outcome, response, profile, closing.signal);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (options.allowOrigin !== undefined) {
      if (answerCors(options.allowOrigin, request, response) === 'preflight') return;
    }
    const url = new URL(request.url ?? '/', 'http://fake.invalid');
    const inside = url.pathname.startsWith(`${profile.basePath}/`);
    const view: RequestView = {
      method: request.method ?? 'GET',
      path: inside ? url.pathname.slice(profile.basePath.length) : url.pathname,
      headers: flatHeaders(request),
      body: await readRequestBody(request),
    };
    const label = inside ? await answer(view, response) : unscripted(view, response);
    const logged: FakeRequest = {
      ...view,
      query: Object.fromEntries(url.searchParams),
      answer: label,
    };
    requests.push(logged);
    options.onRequest?.(logged);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.socket?.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      const message = `The fake issuer could not listen on ${host}:${options.port ?? 0}`;
      reject(
        new IssuerError({
          provider: options.provider,
          code: 'invalid_client_setup',
          message,
          cause: error,
        }),
      );
    });
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const fake: FakeIssuer<Provider> = {
    provider: options.provider,
    url,
    baseUrl: `${url}${profile.basePath}`,
    tokenUrl: `${url}/oauth/token`,
    port,
    requests,
    route(method, path, outcomes) {
      for (const outcome of outcomes) assertKnownScenario(outcome, scenarios);
      routes.set(method, path, outcomes);
      return this;
    },
    outage(next) {
      outage.set(next);
      return this;
    },
    limitRate(limit) {
      rateLimit = limit;
      buckets.clear();
      return this;
    },
    issueToken: () => profile.issueToken(),
    expireTokens: () => profile.expireTokens(),
    reset() {
      routes.clear();
      outage.set(options.outage);
      rateLimit = options.rateLimit;
      buckets.clear();
      requests.length = 0;
      profile.reset();
    },
    close() {
      closing.abort();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return fake;

  /** The provider's 404 for a route nobody scripted, logged as `unscripted 404` whatever fixture it is. */
  function unscripted(view: RequestView, response: ServerResponse): string {
    const { scenario: _fixture, ...notFound } = profile.notFound(view);
    return sent(response, notFound, 'unscripted');
  }

  function sent(response: ServerResponse, wire: WireResponse, reason: string, label = ''): string {
    const stamped = profile.stamp(wire);
    send(response, stamped);
    return `${label}${stamped.scenario ?? reason} ${stamped.status}`;
  }
}

function assertKnownScenario(outcome: FakeOutcome, scenarios: ReadonlySet<string>): void {
  const name =
    typeof outcome === 'string' ? outcome : 'error' in outcome ? outcome.error : undefined;
  if (name !== undefined && !scenarios.has(name)) {
    throw new TypeError(`Unknown scenario "${name}"; known: ${[...scenarios].join(', ')}`);
  }
}
