import type { ErrorKind } from '../error/error-kinds';
import { KIND_RETRY_DEFAULTS, type KindRetryDefaults } from '../error/kind-retry-defaults';

/** What every error of one kind has unless its rule says otherwise, and how a backend passes it on. */
export interface KindDefaults extends KindRetryDefaults {
  /** A short human title, used as the problem+json `title`. */
  readonly title: string;
  /** The HTTP status a backend should answer with when it passes the error on and no status came back. */
  readonly httpStatus: number;
}

type PassOn = Pick<KindDefaults, 'title' | 'httpStatus'>;

/** The defaults of each kind, as the taxonomy in `docs/taxonomy.md` states them. */
export const KIND_DEFAULTS: Readonly<Record<ErrorKind, KindDefaults>> = /* @__PURE__ */ withPassOn({
  validation: { title: 'Invalid request', httpStatus: 400 },
  authentication: { title: 'Authentication failed', httpStatus: 401 },
  permission: { title: 'Permission denied', httpStatus: 403 },
  not_found: { title: 'Not found', httpStatus: 404 },
  conflict: { title: 'Conflict', httpStatus: 409 },
  business_rule: { title: 'Business rule violated', httpStatus: 422 },
  rate_limited: { title: 'Rate limited', httpStatus: 429 },
  unavailable: { title: 'Issuer unavailable', httpStatus: 503 },
  internal: { title: 'Issuer internal error', httpStatus: 502 },
  configuration: { title: 'Client misconfigured', httpStatus: 500 },
  network: { title: 'Network failure', httpStatus: 502 },
  timeout: { title: 'Timed out', httpStatus: 504 },
  cancelled: { title: 'Cancelled', httpStatus: 499 },
  invalid_response: { title: 'Invalid issuer response', httpStatus: 502 },
  unknown: { title: 'Unknown issuer error', httpStatus: 502 },
});

/** Each kind's retry facts with its title and status. A call marked pure: unused, it is left out of a bundle. */
function withPassOn(
  passOn: Readonly<Record<ErrorKind, PassOn>>,
): Readonly<Record<ErrorKind, KindDefaults>> {
  const defaults = {} as Record<ErrorKind, KindDefaults>;
  for (const kind of Object.keys(passOn) as ErrorKind[]) {
    defaults[kind] = { ...KIND_RETRY_DEFAULTS[kind], ...passOn[kind] };
  }
  return defaults;
}
