import { JSON_HEADERS } from '../clara/clara-fixture-parts';
import { claraFixtures } from '../clara/clara-fixtures';
import { fixtureResponse, type WireResponse } from '../fixture-response';
import type { FakeIssuerOptions } from './fake-issuer-types';
import type { ProviderProfile, RequestView } from './provider-profile';

const TOKEN_PATH = '/oauth/token';

/** Clara: client-credentials tokens from `/oauth/token`, a 401 for any other token, separate read and write limits. */
export function claraProfile(
  options: FakeIssuerOptions<'clara'>,
  now: () => number,
): ProviderProfile {
  const lifetimeMs = (options.tokenLifetimeSeconds ?? 3600) * 1000;
  /** When each token expires, and the OAuth client it was issued to. */
  const tokens = new Map<string, { expiresAt: number; clientId: string }>();
  let issued = 0;
  const issueToken = (clientId = 'fake-client'): string => {
    issued += 1;
    const token = `fake-clara-token-${issued}`;
    tokens.set(token, { expiresAt: now() + lifetimeMs, clientId });
    return token;
  };
  const tokenOf = (request: RequestView) => {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    return token === undefined ? undefined : tokens.get(token);
  };
  const fixture = (id: string, overrides = {}): WireResponse =>
    fixtureResponse(claraFixtures, id, overrides) as WireResponse;

  return {
    basePath: '',
    ownsPath: (path) => path === TOKEN_PATH,
    own(request) {
      if (request.path !== TOKEN_PATH) return undefined;
      if (request.method !== 'POST') return fixture('unmapped-status');
      if (!credentialsAccepted(request, options)) return fixture('oauth-invalid-client');
      const body = {
        access_token: issueToken(new URLSearchParams(request.body).get('client_id') ?? undefined),
        token_type: 'Bearer',
        expires_in: lifetimeMs / 1000,
      };
      return { status: 200, headers: JSON_HEADERS, body: JSON.stringify(body) };
    },
    admit(request) {
      const expiresAt = tokenOf(request)?.expiresAt;
      return expiresAt !== undefined && now() < expiresAt ? undefined : fixture('token-expired');
    },
    // Clara counts per client certificate; on loopback, without TLS, the token's OAuth client stands for it.
    bucketOf: (request) => ({
      credential: tokenOf(request)?.clientId ?? '',
      rateClass: request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write',
    }),
    rateLimited: () => fixture('rate-limited'),
    notFound(request) {
      const body = {
        code: 'NOT_FOUND',
        message: `No resource at ${request.method} ${request.path}`,
        timestamp: new Date(now()).toISOString(),
      };
      return { status: 404, headers: JSON_HEADERS, body: JSON.stringify(body) };
    },
    scenario: (id, overrides) => fixtureResponse(claraFixtures, id, overrides),
    stamp: (response) => response,
    issueToken,
    expireTokens() {
      for (const token of tokens.values()) token.expiresAt = 0;
    },
    reset() {
      tokens.clear();
    },
  };
}

function credentialsAccepted(request: RequestView, options: FakeIssuerOptions<'clara'>): boolean {
  const form = new URLSearchParams(request.body);
  if (form.get('grant_type') !== 'client_credentials') return false;
  const clientId = form.get('client_id') ?? '';
  const clientSecret = form.get('client_secret') ?? '';
  if (clientId === '' || clientSecret === '') return false;
  return (
    (options.clientId === undefined || options.clientId === clientId) &&
    (options.clientSecret === undefined || options.clientSecret === clientSecret)
  );
}
