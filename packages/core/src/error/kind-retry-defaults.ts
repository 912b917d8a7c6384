import type { ErrorKind } from './error-kinds';
import type { ErrorOutcome } from './issuer-error-types';

/** What every error of one kind has unless its rule says otherwise. */
export interface KindRetryDefaults {
  /** Whether errors of this kind are transient by default. */
  readonly retryable: boolean;
  /** Whether the provider may have acted on the request. */
  readonly outcome: ErrorOutcome;
}

/**
 * The retry facts of each kind, as the taxonomy in `docs/taxonomy.md` states them: all that
 * `IssuerError` needs, apart from `KIND_DEFAULTS`' titles and statuses, so that an app's bundle
 * carries those only when it builds problem+json.
 */
export const KIND_RETRY_DEFAULTS: Readonly<Record<ErrorKind, KindRetryDefaults>> = {
  validation: { retryable: false, outcome: 'rejected' },
  authentication: { retryable: false, outcome: 'rejected' },
  permission: { retryable: false, outcome: 'rejected' },
  not_found: { retryable: false, outcome: 'rejected' },
  conflict: { retryable: false, outcome: 'rejected' },
  business_rule: { retryable: false, outcome: 'rejected' },
  rate_limited: { retryable: true, outcome: 'rejected' },
  unavailable: { retryable: true, outcome: 'unknown' },
  internal: { retryable: true, outcome: 'unknown' },
  configuration: { retryable: false, outcome: 'rejected' },
  network: { retryable: true, outcome: 'unknown' },
  timeout: { retryable: true, outcome: 'unknown' },
  cancelled: { retryable: false, outcome: 'unknown' },
  invalid_response: { retryable: false, outcome: 'unknown' },
  unknown: { retryable: false, outcome: 'unknown' },
};
