import { isErrorCode, kindOfCode } from '../error/error-codes';
import { isErrorKind } from '../error/error-kinds';
import { toCount } from '../error/to-count';
import { toSafeIdentifier, toSafeLine } from '../safety/safe-text';

/** An attribute value OpenTelemetry accepts: a primitive or an array of strings. */
export type AttributeValue = string | number | boolean | readonly string[];

/**
 * What the observability helpers read of an error: an `IssuerError`, or its JSON. Each field
 * is checked at run time, and only well-typed values are kept.
 */
export interface ObservedError {
  /** `'clara'`, `'cardda'`… */
  readonly provider?: unknown;
  /** The kind. */
  readonly kind?: unknown;
  /** The fine code. */
  readonly code?: unknown;
  /** The provider's own code. */
  readonly providerCode?: unknown;
  /** The HTTP status. */
  readonly status?: unknown;
  /** The provider's request id. */
  readonly requestId?: unknown;
  /** Whether the error class is transient. */
  readonly retryable?: unknown;
  /** The least wait before a retry. */
  readonly retryAfterMs?: unknown;
  /** `'rejected'` or `'unknown'`. */
  readonly outcome?: unknown;
  /** Attempts the client made. */
  readonly attempts?: unknown;
  /** Time the client waited between attempts. */
  readonly totalRetryDelayMs?: unknown;
  /** Invalid fields; only their names are read. */
  readonly fieldErrors?: unknown;
}

/** Attributes of an issuer error, named after OpenTelemetry's semantic conventions where they have one. */
export interface IssuerErrorAttributes {
  /**
   * The kind (`validation`, `rate_limited`…; read from the fine code when only it is known, else
   * `unknown`): the small, fixed set OpenTelemetry's conventions ask of `error.type`.
   */
  readonly 'error.type': string;
  /** The HTTP status, when a response arrived. */
  readonly 'http.response.status_code'?: number;
  /** `'clara'`, `'cardda'`… */
  readonly 'issuer.provider'?: string;
  /** The kind to switch on. */
  readonly 'issuer.kind'?: string;
  /** The fine code. */
  readonly 'issuer.code'?: string;
  /** The provider's own code (`B013`). */
  readonly 'issuer.provider_code'?: string;
  /** The provider's request id, to quote to its support. */
  readonly 'issuer.request_id'?: string;
  /** Whether the error class is transient. */
  readonly 'issuer.retryable'?: boolean;
  /** The least wait before a retry. */
  readonly 'issuer.retry_after_ms'?: number;
  /** Whether the provider may have acted: `'rejected'` or `'unknown'`. */
  readonly 'issuer.outcome'?: string;
  /** Attempts the client made. */
  readonly 'issuer.attempts'?: number;
  /** Time the client waited between attempts. */
  readonly 'issuer.total_retry_delay_ms'?: number;
  /** The invalid fields' names; never their messages, which may echo what the user typed. */
  readonly 'issuer.field_names'?: readonly string[];
}

type Writable<T> = { -readonly [Key in keyof T]: T[Key] };

const MAX_ATTRIBUTE_BYTES = 256;
const MAX_FIELD_NAMES = 20;

/**
 * An error as span attributes: `error.type` and `http.response.status_code` from OpenTelemetry's
 * semantic conventions, and `issuer.*` for the rest. No message, body or header: only the
 * facts a trace is searched by. Needs no `@opentelemetry/api`.
 *
 * @example
 * span.setAttributes(toOtelAttributes(error));
 */
export function toOtelAttributes(error: ObservedError): IssuerErrorAttributes {
  try {
    return attributesOf(error ?? {});
  } catch {
    // A revoked proxy or a throwing getter: an error that cannot be read is an unknown one.
    return { 'error.type': 'unknown' };
  }
}

function attributesOf(facts: Exclude<ObservedError, null | undefined>): IssuerErrorAttributes {
  const code = line(facts.code);
  const attributes: Writable<IssuerErrorAttributes> = { 'error.type': typeOf(facts.kind, code) };
  put(attributes, 'http.response.status_code', toCount(facts.status));
  put(attributes, 'issuer.provider', line(facts.provider));
  put(attributes, 'issuer.kind', line(facts.kind));
  put(attributes, 'issuer.code', code);
  put(attributes, 'issuer.provider_code', line(facts.providerCode, toSafeIdentifier));
  put(attributes, 'issuer.request_id', line(facts.requestId, toSafeIdentifier));
  put(
    attributes,
    'issuer.retryable',
    typeof facts.retryable === 'boolean' ? facts.retryable : undefined,
  );
  put(attributes, 'issuer.retry_after_ms', toCount(facts.retryAfterMs));
  put(attributes, 'issuer.outcome', line(facts.outcome));
  put(attributes, 'issuer.attempts', toCount(facts.attempts));
  put(attributes, 'issuer.total_retry_delay_ms', toCount(facts.totalRetryDelayMs));
  const fieldNames = namesOf(facts.fieldErrors);
  if (fieldNames.length > 0) attributes['issuer.field_names'] = fieldNames;
  return attributes;
}

function put<Key extends keyof IssuerErrorAttributes>(
  attributes: Writable<IssuerErrorAttributes>,
  key: Key,
  value: IssuerErrorAttributes[Key] | undefined,
): void {
  if (value !== undefined) attributes[key] = value;
}

/** The kind, when it is one; else the kind of a known fine code; else `unknown`. */
function typeOf(kind: unknown, code: string | undefined): string {
  if (isErrorKind(kind)) return kind;
  return isErrorCode(code) ? kindOfCode(code) : 'unknown';
}

/** Text made safe by `toSafe` (ids the provider gave are never card-masked); blank is none. */
function line(value: unknown, toSafe = toSafeLine): string | undefined {
  if (typeof value !== 'string') return undefined;
  const safe = toSafe(value, MAX_ATTRIBUTE_BYTES);
  return safe === '' ? undefined : safe;
}

function namesOf(fieldErrors: unknown): string[] {
  if (typeof fieldErrors !== 'object' || fieldErrors === null) return [];
  return Object.keys(fieldErrors)
    .slice(0, MAX_FIELD_NAMES)
    .flatMap((name) => line(name) ?? []);
}
