import type { ErrorKind } from './error-kinds';

/**
 * Whether the provider may have acted on the request: `rejected` means it
 * certainly did not (safe to resend, even a payment); `unknown` means it may have.
 */
export type ErrorOutcome = 'rejected' | 'unknown';

/** What every error of one kind has unless its rule says otherwise. */
export interface KindDefaults {
  /** Whether errors of this kind are transient by default. */
  readonly retryable: boolean;
  /** Whether the provider may have acted on the request. */
  readonly outcome: ErrorOutcome;
  /** A short human title, used as the problem+json `title`. */
  readonly title: string;
  /** The HTTP status a backend should answer with when it passes the error on and no status came back. */
  readonly httpStatus: number;
}

/** The defaults of each kind, as the taxonomy in `docs/taxonomy.md` states them. */
export const KIND_DEFAULTS: Readonly<Record<ErrorKind, KindDefaults>> = {
  validation: { retryable: false, outcome: 'rejected', title: 'Invalid request', httpStatus: 400 },
  authentication: {
    retryable: false,
    outcome: 'rejected',
    title: 'Authentication failed',
    httpStatus: 401,
  },
  permission: {
    retryable: false,
    outcome: 'rejected',
    title: 'Permission denied',
    httpStatus: 403,
  },
  not_found: { retryable: false, outcome: 'rejected', title: 'Not found', httpStatus: 404 },
  conflict: { retryable: false, outcome: 'rejected', title: 'Conflict', httpStatus: 409 },
  business_rule: {
    retryable: false,
    outcome: 'rejected',
    title: 'Business rule violated',
    httpStatus: 422,
  },
  rate_limited: { retryable: true, outcome: 'rejected', title: 'Rate limited', httpStatus: 429 },
  unavailable: {
    retryable: true,
    outcome: 'unknown',
    title: 'Issuer unavailable',
    httpStatus: 503,
  },
  internal: {
    retryable: true,
    outcome: 'unknown',
    title: 'Issuer internal error',
    httpStatus: 502,
  },
  configuration: {
    retryable: false,
    outcome: 'rejected',
    title: 'Client misconfigured',
    httpStatus: 500,
  },
  network: { retryable: true, outcome: 'unknown', title: 'Network failure', httpStatus: 502 },
  timeout: { retryable: true, outcome: 'unknown', title: 'Timed out', httpStatus: 504 },
  cancelled: { retryable: false, outcome: 'unknown', title: 'Cancelled', httpStatus: 499 },
  invalid_response: {
    retryable: false,
    outcome: 'unknown',
    title: 'Invalid issuer response',
    httpStatus: 502,
  },
  unknown: { retryable: false, outcome: 'unknown', title: 'Unknown issuer error', httpStatus: 502 },
};
