import type { ErrorCode } from './error-codes';
import type { ErrorKind } from './error-kinds';
import type { FieldErrors } from './field-errors';

/**
 * Whether the provider may have acted on the request: `rejected` means it
 * certainly did not (safe to resend, even a payment); `unknown` means it may have.
 */
export type ErrorOutcome = 'rejected' | 'unknown';

/**
 * What kept a client from retrying an error it would otherwise have retried: `'retry_budget'`,
 * the credential's retries were spent (at most a share of first attempts); `'breaker'`, the
 * issuer's breaker opened.
 */
export type RetryRefusal = 'retry_budget' | 'breaker';

/** The provider's response as an error keeps it: allow-listed headers, a bounded, redacted body. */
export interface RawResponseSnapshot {
  /** The HTTP status, when a response arrived. */
  readonly status?: number;
  /** Allow-listed headers only (content-type, retry-after, request ids, date, rate-limit headers). */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body, or its text cut to 8 KiB; credentials dropped and card numbers masked. */
  readonly body?: unknown;
}

/** What an {@link IssuerError} is built from. Every text is made safe on the way in. */
export interface IssuerErrorInit<C extends ErrorCode = ErrorCode> {
  /** `'clara'`, `'cardda'`, or a third-party adapter's name. */
  readonly provider: string;
  /** The canonical fine code; the kind follows from it. */
  readonly code: C;
  /** A human-readable description; made one line, at most 1 KiB, secrets and card numbers masked. */
  readonly message: string;
  /** The provider's own code as sent (`B013`, `rate_limit_exceeded`). */
  readonly providerCode?: string | undefined;
  /** The HTTP status, when a response arrived. */
  readonly status?: number | undefined;
  /** Defaults to the kind's default (see `KIND_DEFAULTS`). */
  readonly retryable?: boolean | undefined;
  /** The least wait before a retry; clamped to `0…24 h`. */
  readonly retryAfterMs?: number | undefined;
  /** Defaults to the kind's default (see `KIND_DEFAULTS`). */
  readonly outcome?: ErrorOutcome | undefined;
  /** Invalid fields by the provider's field name. */
  readonly fieldErrors?: FieldErrors | undefined;
  /** The provider's request id. */
  readonly requestId?: string | undefined;
  /** The provider's timestamp, as sent. */
  readonly timestamp?: string | undefined;
  /** How many attempts the client made (set on its final error). */
  readonly attempts?: number | undefined;
  /** How long the client waited between attempts in all (set on its final error). */
  readonly totalRetryDelayMs?: number | undefined;
  /** What kept the client from retrying an error it would have retried (set on its final error). */
  readonly retryRefusedBy?: RetryRefusal | undefined;
  /** The provider's response; headers are allow-listed and the body redacted here. */
  readonly raw?: {
    readonly status?: number | undefined;
    readonly headers?: unknown;
    readonly body?: unknown;
  };
  /** The underlying error; a safe copy is kept (see `toSafeCause`). */
  readonly cause?: unknown;
}

/** The stable JSON shape of an {@link IssuerError}: what `toJSON()` writes and `issuerErrorFromJSON` reads. */
export interface IssuerErrorJson {
  /** Always `'IssuerError'`. */
  readonly name: 'IssuerError';
  /** `'clara'`, `'cardda'`, or a third-party adapter's name. */
  readonly provider: string;
  /** The closed kind to switch on. */
  readonly kind: ErrorKind;
  /** The canonical fine code. */
  readonly code: ErrorCode;
  /** The provider's own code as sent (`B013`, `rate_limit_exceeded`). */
  readonly providerCode?: string;
  /** The HTTP status, when a response arrived. */
  readonly status?: number;
  /** One line, at most 1 KiB, secrets and card numbers masked. */
  readonly message: string;
  /** Whether the error class is transient. */
  readonly retryable: boolean;
  /** The least wait before a retry, in milliseconds. */
  readonly retryAfterMs?: number;
  /** Whether the provider may have acted on the request. */
  readonly outcome: ErrorOutcome;
  /** Invalid fields by the provider's field name; empty when none. */
  readonly fieldErrors: FieldErrors;
  /** The provider's request id. */
  readonly requestId?: string;
  /** The provider's timestamp, as sent. */
  readonly timestamp?: string;
  /** How many attempts the client made (on its final error). */
  readonly attempts?: number;
  /** How long the client waited between attempts in all. */
  readonly totalRetryDelayMs?: number;
  /** What kept the client from retrying an error it would have retried. */
  readonly retryRefusedBy?: RetryRefusal;
  /** The provider's response: allow-listed headers and a redacted, bounded body. */
  readonly raw: RawResponseSnapshot;
}
