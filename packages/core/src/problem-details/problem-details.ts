import type { ErrorCode } from '../error/error-codes';
import type { ErrorKind } from '../error/error-kinds';
import type { IssuerError } from '../error/issuer-error';
import { toIssuerError } from '../error/to-issuer-error';
import { toHttpStatus } from '../http/http-status';
import { KIND_DEFAULTS } from './kind-defaults';

// In unicode mode a valid pair is one code point, so only lone surrogates match.
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

/** One invalid field in a problem+json body: a JSON pointer into the request and its message. */
export interface ProblemFieldError {
  /** JSON pointer (RFC 6901) to the field, as a URI fragment: `#/account_number`. */
  readonly pointer: string;
  /** What is wrong with it. */
  readonly detail: string;
}

/** An RFC 9457 problem details object, extended with the error's facts. */
export interface ProblemDetails {
  /** `urn:issuer-errors:<code>`: stable per fine code. */
  readonly type: string;
  /** The kind's short title. */
  readonly title: string;
  /** The HTTP status: the option given, else the provider's, else the kind's default. */
  readonly status: number;
  /** The error's message, made safe. */
  readonly detail: string;
  /** This occurrence: the option given, else `urn:issuer-errors:request:<requestId>` when known. */
  readonly instance?: string;
  /** `'clara'`, `'cardda'`, or a third-party adapter's name. */
  readonly provider: string;
  /** The closed kind to switch on. */
  readonly kind: ErrorKind;
  /** The canonical fine code. */
  readonly code: ErrorCode;
  /** The provider's own code as sent (`B013`, `rate_limit_exceeded`). */
  readonly providerCode?: string;
  /** The provider's request id. */
  readonly requestId?: string;
  /** Whether the error class is transient. */
  readonly retryable: boolean;
  /** The least wait before a retry, in milliseconds. */
  readonly retryAfterMs?: number;
  /** One entry per field message. */
  readonly errors: readonly ProblemFieldError[];
}

/** Overrides for {@link toProblemDetails}. */
export interface ProblemDetailsOptions {
  /** The status your API answers with (the provider's status is the default). */
  readonly status?: number;
  /** A URI for this occurrence. */
  readonly instance?: string;
}

/**
 * Builds an RFC 9457 problem details object from an error, for a backend route to
 * answer with `Content-Type: application/problem+json`. A function rather than a
 * method of `IssuerError`, so that an app that never answers with one does not bundle it.
 * Total: an error's JSON (read back from a queue) gives the same details; anything else, an
 * `unknown` problem with status 502.
 */
export function toProblemDetails(
  input: IssuerError,
  options: ProblemDetailsOptions = {},
): ProblemDetails {
  const error = toIssuerError(input);
  const { status: statusOption, instance: instanceOption } = readOptions(options);
  const instance =
    instanceOption ??
    (error.requestId === undefined
      ? undefined
      : `urn:issuer-errors:request:${encodeUriText(error.requestId)}`);
  return {
    type: `urn:issuer-errors:${error.code}`,
    title: KIND_DEFAULTS[error.kind].title,
    status: statusOption ?? error.status ?? KIND_DEFAULTS[error.kind].httpStatus,
    detail: error.message,
    ...(instance === undefined ? {} : { instance }),
    provider: error.provider,
    kind: error.kind,
    code: error.code,
    ...(error.providerCode === undefined ? {} : { providerCode: error.providerCode }),
    ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
    retryable: error.retryable,
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    errors: Object.entries(error.fieldErrors).flatMap(([field, messages]) =>
      messages.map((detail) => ({ pointer: toPointer(field), detail })),
    ),
  };
}

/** The options that can be used: a status of 100–599, an instance that is text. */
function readOptions(options: unknown): ProblemDetailsOptions {
  try {
    const { status: given, instance } = (options ?? {}) as Record<string, unknown>;
    const status = toHttpStatus(given);
    return {
      ...(status === undefined ? {} : { status }),
      ...(typeof instance === 'string' ? { instance } : {}),
    };
  } catch {
    return {};
  }
}

/** A JSON pointer as a URI fragment: each segment escaped (RFC 6901 §3), then percent-encoded (§6). */
function toPointer(field: string): string {
  const segments = field
    .split('.')
    .map((segment) => encodeUriText(segment.replaceAll('~', '~0').replaceAll('/', '~1')));
  return `#/${segments.join('/')}`;
}

/** Percent-encodes UTF-8; a lone surrogate, which `encodeURIComponent` throws on, becomes U+FFFD. */
function encodeUriText(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
}
