import type { AccessTokenSource, IssuerClient, IssuerClientOptions } from '@issuer-errors/core/ky';
import { createIssuerClient } from '@issuer-errors/core/ky';
import { clara } from './clara';
import { certificateDer } from './clara-certificate';
import { type ClaraTlsOptions, createMtlsFetch } from './clara-mtls-fetch';
import { type ClaraOAuthOptions, createClaraTokenSource } from './clara-token-source';

/** Options of {@link createClaraClient}: a token source (yours, or Clara's OAuth client credentials), optional mTLS, and every common client option. */
export type ClaraClientOptions = Omit<IssuerClientOptions, 'adapter' | 'getAccessToken'> & {
  /** Presents this client certificate on every request (Node only; needs `undici`). */
  readonly tls?: ClaraTlsOptions;
} & (
    | { readonly getAccessToken: AccessTokenSource; readonly oauth?: never }
    | { readonly oauth: ClaraOAuthOptions; readonly getAccessToken?: never }
  );

/**
 * A Clara client: `get/post/put/patch/delete` return `ResultAsync<T, IssuerError>`,
 * with Clara's retry rules (a 429 backs off `2^attempt` s plus jitter, a 500 is
 * retried once after 2 s), one shared token refresh after a 401, and writes never
 * replayed unless Clara certainly did not act.
 *
 * @example
 * const clara = createClaraClient({
 *   baseUrl: process.env.CLARA_BASE_URL!,
 *   oauth: { tokenUrl, clientId, clientSecret },
 *   tls: { cert: readFileSync('client.crt'), key: readFileSync('client.key') },
 * });
 * const cards = await clara.get('/cards').match(
 *   (cards) => cards,
 *   (error) => (error.kind === 'configuration' ? alertOnCall(error) : []),
 * );
 */
export function createClaraClient(options: ClaraClientOptions): IssuerClient {
  const { tls, oauth, getAccessToken, ...common } = options;
  const mtlsFetch = tls === undefined ? undefined : createMtlsFetch(tls);
  return createIssuerClient({
    ...common,
    ...(mtlsFetch === undefined ? {} : { ky: withFetch(common.ky, mtlsFetch) }),
    adapter: clara,
    // Clara counts requests per client certificate; without one, per OAuth client. With only a
    // token source, a shared store needs the app's rateKey or rateCredential.
    rateCredential:
      common.rateCredential ?? (tls === undefined ? oauth?.clientId : certificateDer(tls.cert)),
    getAccessToken:
      getAccessToken ?? createClaraTokenSource(oauth as ClaraOAuthOptions, { fetch: mtlsFetch }),
  });
}

function withFetch(
  ky: IssuerClientOptions['ky'],
  fetch: typeof globalThis.fetch,
): NonNullable<IssuerClientOptions['ky']> {
  return typeof ky === 'function' ? ky.extend({ fetch }) : { ...ky, fetch };
}
