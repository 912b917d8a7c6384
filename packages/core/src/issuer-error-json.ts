import { ERROR_CODES, isErrorCode } from './error-codes';
import { isErrorKind } from './error-kinds';
import { isPlainRecord } from './is-plain-record';
import { IssuerError } from './issuer-error';
import type { IssuerErrorInit } from './issuer-error-types';
import { err, ok, type Result } from './result';
import { MAX_RETRY_AFTER_MS } from './retry-after';

/** Checks one value; returns the paths found invalid inside it (`''` for the value itself). */
type Check = (value: unknown) => readonly string[];

function when(valid: (value: unknown) => boolean): Check {
  return (value) => (valid(value) ? [] : ['']);
}

function optional(check: Check): Check {
  return (value) => (value === undefined ? [] : check(value));
}

function isFiniteNumber(value: unknown): value is number {
  return Number.isFinite(value);
}

function isText(value: unknown): boolean {
  return typeof value === 'string';
}

function isCount(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0;
}

/** Prefixes the invalid paths found inside `key`'s value with `key`. */
function under(key: string, paths: readonly string[]): readonly string[] {
  return paths.map((inner) => (inner === '' ? key : `${key}.${inner}`));
}

/** Each entry of a record checked by `check`. */
function recordOf(check: Check): Check {
  return (value) =>
    isPlainRecord(value)
      ? Object.entries(value).flatMap(([key, entry]) => under(key, check(entry)))
      : [''];
}

/** Each of the named fields checked by its own check. */
function objectOf(fields: Readonly<Record<string, Check>>): Check {
  return (value) =>
    isPlainRecord(value)
      ? Object.entries(fields).flatMap(([key, check]) => under(key, check(value[key])))
      : [''];
}

function arrayOfText(value: unknown): readonly string[] {
  return Array.isArray(value)
    ? value.flatMap((entry, index) => (typeof entry === 'string' ? [] : [String(index)]))
    : [''];
}

/** The check of each field, built per call: nothing is built when the module loads, and reading errors back is not a hot path. */
function fieldChecks() {
  return {
    name: optional(when((value) => value === 'IssuerError')),
    provider: when((value) => typeof value === 'string' && value.length > 0),
    kind: when(isErrorKind),
    code: when(isErrorCode),
    providerCode: optional(when(isText)),
    status: optional(
      when(
        (value) => Number.isInteger(value) && (value as number) >= 100 && (value as number) <= 599,
      ),
    ),
    message: when(isText),
    retryable: when((value) => typeof value === 'boolean'),
    retryAfterMs: optional(
      when((value) => isFiniteNumber(value) && value >= 0 && value <= MAX_RETRY_AFTER_MS),
    ),
    outcome: when((value) => value === 'rejected' || value === 'unknown'),
    fieldErrors: recordOf(arrayOfText),
    requestId: optional(when(isText)),
    timestamp: optional(when(isText)),
    attempts: optional(when(isCount)),
    totalRetryDelayMs: optional(when(isCount)),
    raw: optional(
      objectOf({
        status: optional(when(isFiniteNumber)),
        headers: optional(recordOf(when(isText))),
      }),
    ),
  } satisfies Record<string, Check>;
}

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
  const fields = fieldChecks();
  const invalid = objectOf(fields)(value);
  if (invalid.length > 0) return err(notAnIssuerError(invalid));
  const json = value as Record<string, unknown> & { code: keyof typeof ERROR_CODES };
  if (ERROR_CODES[json.code] !== json.kind) return err(notAnIssuerError(['code']));
  // Only the known fields are kept: a tampered `cause` or anything else is dropped.
  const known = Object.fromEntries(Object.keys(fields).map((key) => [key, json[key]]));
  return ok(new IssuerError(known as unknown as IssuerErrorInit));
}

function notAnIssuerError(paths: readonly string[]): TypeError {
  const named = paths.map((path) => path || '(root)');
  return new TypeError(`Not an IssuerError JSON: invalid ${[...new Set(named)].join(', ')}`);
}
