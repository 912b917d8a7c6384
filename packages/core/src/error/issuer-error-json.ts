import { MAX_RETRY_AFTER_MS } from '../http/retry-after';
import { ERROR_CODES, isErrorCode } from './error-codes';
import { isErrorKind } from './error-kinds';
import { isPlainRecord } from './is-plain-record';
import { IssuerError } from './issuer-error';
import type { IssuerErrorInit } from './issuer-error-types';
import { err, ok, type Result } from './result';
import { toCount } from './to-count';

/** The fields of {@link IssuerError.toJSON} that are read back; anything else is dropped. */
const KNOWN_FIELDS = [
  'name',
  'provider',
  'kind',
  'code',
  'providerCode',
  'status',
  'message',
  'retryable',
  'retryAfterMs',
  'outcome',
  'fieldErrors',
  'requestId',
  'timestamp',
  'attempts',
  'totalRetryDelayMs',
  'retryRefusedBy',
  'raw',
] as const;

/**
 * Reads back what {@link IssuerError.toJSON} wrote — across a queue, a worker
 * boundary or a log — validating every field. A function rather than a static
 * method, so that an app that never reads errors back does not bundle neverthrow
 * with `IssuerError`.
 *
 * @returns the error, or a `TypeError` naming the invalid fields (never their values).
 * @example
 * const restored = issuerErrorFromJSON(JSON.parse(message).lastError);
 * if (restored.isOk()) reschedule(restored.value.retryAfterMs);
 */
export function issuerErrorFromJSON(value: unknown): Result<IssuerError, TypeError> {
  let invalid: readonly string[];
  try {
    invalid = isPlainRecord(value) ? invalidFields(value) : ['(root)'];
  } catch {
    // A hostile object (throwing getter, revoked proxy) is no error's JSON.
    invalid = ['(root)'];
  }
  if (invalid.length > 0) return err(notAnIssuerError(invalid));
  const json = value as Record<string, unknown> & { code: keyof typeof ERROR_CODES };
  if (ERROR_CODES[json.code] !== json.kind) return err(notAnIssuerError(['code']));
  // Only the known fields are kept: a tampered `cause` or anything else is dropped.
  const known = Object.fromEntries(KNOWN_FIELDS.map((key) => [key, json[key]]));
  return ok(new IssuerError(known as unknown as IssuerErrorInit));
}

/** The paths of the fields that are not as `toJSON` writes them, in the order of `KNOWN_FIELDS`. */
function invalidFields(json: Record<string, unknown>): string[] {
  const invalid: string[] = [];
  const required = (key: string, valid: boolean) => {
    if (!valid) invalid.push(key);
  };
  const optional = (key: string, valid: (value: unknown) => boolean) =>
    required(key, json[key] === undefined || valid(json[key]));
  optional('name', (name) => name === 'IssuerError');
  required('provider', typeof json.provider === 'string' && json.provider.length > 0);
  required('kind', isErrorKind(json.kind));
  required('code', isErrorCode(json.code));
  optional('providerCode', isText);
  optional('status', (status) => isCount(status) && status >= 100 && status <= 599);
  required('message', isText(json.message));
  required('retryable', typeof json.retryable === 'boolean');
  optional(
    'retryAfterMs',
    (wait) => isFiniteNumber(wait) && wait >= 0 && wait <= MAX_RETRY_AFTER_MS,
  );
  required('outcome', json.outcome === 'rejected' || json.outcome === 'unknown');
  invalid.push(...invalidEntries('fieldErrors', json.fieldErrors, invalidTextList));
  optional('requestId', isText);
  optional('timestamp', isText);
  optional('attempts', isCount);
  optional('totalRetryDelayMs', isCount);
  optional('retryRefusedBy', (refusal) => refusal === 'retry_budget' || refusal === 'breaker');
  if (json.raw !== undefined) invalid.push(...invalidRaw(json.raw));
  return invalid;
}

/** `raw`: an object with an optional finite `status` and optional text `headers`. */
function invalidRaw(raw: unknown): string[] {
  if (!isPlainRecord(raw)) return ['raw'];
  const invalid = raw.status === undefined || isFiniteNumber(raw.status) ? [] : ['raw.status'];
  if (raw.headers !== undefined) {
    invalid.push(
      ...invalidEntries('raw.headers', raw.headers, (header) => (isText(header) ? [] : [''])),
    );
  }
  return invalid;
}

/** The paths of a record's invalid entries, by `invalidIn` (`''` for the entry itself). */
function invalidEntries(
  path: string,
  record: unknown,
  invalidIn: (entry: unknown) => readonly string[],
): string[] {
  if (!isPlainRecord(record)) return [path];
  return Object.entries(record).flatMap(([key, entry]) =>
    invalidIn(entry).map((inner) => (inner === '' ? `${path}.${key}` : `${path}.${key}.${inner}`)),
  );
}

/** A list of texts; the indexes of the entries that are not text. */
function invalidTextList(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return [''];
  return value.flatMap((entry, index) => (isText(entry) ? [] : [String(index)]));
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function isFiniteNumber(value: unknown): value is number {
  return Number.isFinite(value);
}

function isCount(value: unknown): value is number {
  return toCount(value) !== undefined;
}

function notAnIssuerError(paths: readonly string[]): TypeError {
  return new TypeError(`Not an IssuerError JSON: invalid ${[...new Set(paths)].join(', ')}`);
}
