import { randomUUID } from 'node:crypto';
import { carddaFixtures } from '../cardda/cardda-fixtures';
import { fixtureResponse, type ResponseOverrides, type WireResponse } from '../fixture-response';
import type { FakeIssuerOptions } from './fake-issuer-types';
import type { ProviderProfile, RequestView } from './provider-profile';

/** Cardda: an API key as Bearer, the `company-id` header on every call, one rate limit, `X-Request-Id` on every response. */
export function carddaProfile(options: FakeIssuerOptions<'cardda'>): ProviderProfile {
  const scenario = (id: string, overrides: ResponseOverrides = {}) =>
    fixtureResponse(carddaFixtures, id, { requestId: randomUUID(), ...overrides });
  const fixture = (id: string, overrides: ResponseOverrides = {}): WireResponse =>
    scenario(id, overrides) as WireResponse;

  return {
    basePath: '/v1',
    ownsPath: () => false,
    own: () => undefined,
    admit(request) {
      const apiKey = bearerOf(request);
      if (
        apiKey === undefined ||
        (options.apiKeys !== undefined && !options.apiKeys.includes(apiKey))
      ) {
        return fixture('unauthenticated');
      }
      const companyId = request.headers['company-id'];
      if (companyId === undefined || companyId === '') return fixture('missing-company-id');
      if (options.companyIds !== undefined && !options.companyIds.includes(companyId)) {
        return fixture('not-found-or-not-your-company');
      }
      return undefined;
    },
    bucketOf: (request) => ({ credential: bearerOf(request) ?? '', rateClass: 'all' }),
    rateLimited(waitMs) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      const response = fixture('rate-limited', { retryAfter: seconds });
      const body = {
        error: 'rate_limit_exceeded',
        message: `Too many requests. Please retry after ${seconds} second${seconds === 1 ? '' : 's'}.`,
        retry_after: seconds,
      };
      return { ...response, body: JSON.stringify(body) };
    },
    notFound: () => fixture('not-found-or-not-your-company'),
    scenario,
    stamp(response) {
      const named = Object.keys(response.headers).some(
        (name) => name.toLowerCase() === 'x-request-id',
      );
      return named
        ? response
        : { ...response, headers: { ...response.headers, 'X-Request-Id': randomUUID() } };
    },
    issueToken: () => '',
    expireTokens: () => {},
    reset: () => {},
  };
}

function bearerOf(request: RequestView): string | undefined {
  return /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
}
