import type { WireResponse } from '../fixture-response';
import type { FakeRateClass } from './fake-issuer-types';

/** What the fake knows of a request before it answers. */
export interface RequestView {
  readonly method: string;
  /** Relative to the provider's base path, without the query. */
  readonly path: string;
  /** Lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** How one provider's API behaves around the scripted routes: auth, limits, ids, its 404. */
export interface ProviderProfile {
  /** The path prefix of the API (Cardda: `/v1`). */
  readonly basePath: string;
  /** Whether `path` is one of the provider's own endpoints (Clara's token endpoint), which a test may still script. */
  ownsPath(path: string): boolean;
  /** Answers the provider's own endpoints (Clara's token endpoint); `undefined` for every other request. */
  own(request: RequestView): WireResponse | undefined;
  /** The provider's refusal of a request it does not let in (token, API key, company-id); `undefined` lets it in. */
  admit(request: RequestView): WireResponse | undefined;
  /**
   * Which rate-limit bucket a request spends from: the credential the provider counts by
   * (Cardda: the API key; Clara: the OAuth client its token was issued to) and the class.
   */
  bucketOf(request: RequestView): {
    readonly credential: string;
    readonly rateClass: FakeRateClass;
  };
  /** The provider's 429 when its bucket is empty for `waitMs` more. */
  rateLimited(waitMs: number): WireResponse;
  /** The provider's answer to an unscripted route. */
  notFound(request: RequestView): WireResponse;
  /** A documented error by name. */
  scenario(
    id: string,
    overrides: { retryAfter?: number; requestId?: string },
  ): WireResponse | undefined;
  /** Headers the provider adds to every response (Cardda: a fresh `X-Request-Id`). */
  stamp(response: WireResponse): WireResponse;
  /** A token as the provider's token endpoint would issue (Clara). */
  issueToken(): string;
  /** Expires every token issued so far (Clara). */
  expireTokens(): void;
  /** Forgets issued tokens. */
  reset(): void;
}
