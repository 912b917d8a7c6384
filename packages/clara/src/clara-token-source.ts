import { IssuerError } from '@issuer-errors/core';
import { type AccessTokenSource, urlProblem } from '@issuer-errors/core/ky';
import { clara } from './clara';

/** Clara's OAuth client credentials. */
export interface ClaraOAuthOptions {
  /** Clara's `/oauth/token` URL. */
  readonly tokenUrl: string;
  readonly clientId: string;
  /** Sent only in the token request's body; never kept on an error. */
  readonly clientSecret: string;
  /** Refresh this long before `expires_in` runs out (default: 60 s, or a tenth of the lifetime if shorter). */
  readonly refreshMarginMs?: number;
}

/** Dependencies of {@link createClaraTokenSource}, replaceable for tests and mTLS. */
export interface ClaraTokenSourceDependencies {
  /** The fetch that asks for tokens (an mTLS fetch, or a test double). */
  readonly fetch?: typeof fetch | undefined;
  /** The clock, in milliseconds since the epoch. */
  readonly now?: () => number;
}

const DEFAULT_MARGIN_MS = 60_000;

/**
 * A client-credentials token source for Clara: caches the token and fetches a
 * new one before `expires_in` runs out (with a margin), or when forced after a
 * 401. A failed token request throws the normalized `IssuerError` (a wrong
 * secret is `invalid_credentials`); a `tokenUrl` that is not an http(s) URL, or holds a user
 * name or password, throws `invalid_client_setup` before anything is sent.
 */
export function createClaraTokenSource(
  options: ClaraOAuthOptions,
  dependencies: ClaraTokenSourceDependencies = {},
): (options: Parameters<AccessTokenSource>[0]) => Promise<string> {
  const fetchToken = dependencies.fetch ?? globalThis.fetch;
  const now = dependencies.now ?? Date.now;
  let cached: { token: string; refreshAt: number } | undefined;
  const problem = urlProblem('oauth.tokenUrl', options.tokenUrl);

  return async ({ forceRefresh, signal }) => {
    if (problem !== undefined) {
      throw new IssuerError({
        provider: 'clara',
        code: 'invalid_client_setup',
        message: `Clara: ${problem}`,
      });
    }
    if (!forceRefresh && cached !== undefined && now() < cached.refreshAt) return cached.token;
    const response = await fetchToken(options.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: options.clientId,
        client_secret: options.clientSecret,
      }),
      signal,
    });
    if (!response.ok) throw await clara.fromResponse(response, { signal });
    const parsed = readTokenResponse(await response.json().catch(() => undefined));
    if (parsed === undefined) {
      throw new IssuerError({
        provider: 'clara',
        code: 'unexpected_response',
        status: response.status,
        message: 'Clara: the token response has no access_token and expires_in',
      });
    }
    const lifetimeMs = parsed.expiresIn * 1000;
    const marginMs = Math.min(options.refreshMarginMs ?? DEFAULT_MARGIN_MS, lifetimeMs / 10);
    cached = { token: parsed.accessToken, refreshAt: now() + lifetimeMs - marginMs };
    return cached.token;
  };
}

/** The token and its lifetime in seconds, or `undefined` when the body lacks either. */
function readTokenResponse(body: unknown): { accessToken: string; expiresIn: number } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { access_token: accessToken, expires_in: expiresIn } = body as Record<string, unknown>;
  if (typeof accessToken !== 'string' || accessToken === '') return undefined;
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn)) return undefined;
  return { accessToken, expiresIn };
}
