import { ERROR_CODES, isErrorCode } from './error-codes';
import { isErrorKind } from './error-kinds';
import type { IssuerErrorInit } from './issuer-error-types';
import { err, ok, type Result } from './result';
import { MAX_RETRY_AFTER_MS } from './retry-after';

/** Checks one value; returns the paths found invalid inside it (`''` for the value itself). */
type Check = (value: unknown) => readonly string[];

const INVALID = [''] as const;
const VALID = [] as const;
const when =
  (valid: (value: unknown) => boolean): Check =>
  (value) =>
    valid(value) ? VALID : INVALID;
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined ? VALID : check(value);

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isText = when((value) => typeof value === 'string');
const isCount = optional(when((value) => Number.isInteger(value) && (value as number) >= 0));
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Each entry of a record checked by `check`; invalid paths are `key` or `key.inner`. */
const recordOf =
  (check: Check): Check =>
  (value) => {
    if (!isRecord(value)) return INVALID;
    return Object.entries(value).flatMap(([key, entry]) =>
      check(entry).map((inner) => (inner === '' ? key : `${key}.${inner}`)),
    );
  };

const arrayOfText: Check = (value) =>
  Array.isArray(value)
    ? value.flatMap((entry, index) => (typeof entry === 'string' ? [] : [String(index)]))
    : INVALID;

const objectOf =
  (fields: Readonly<Record<string, Check>>): Check =>
  (value) => {
    if (!isRecord(value)) return INVALID;
    return Object.entries(fields).flatMap(([key, check]) =>
      check(value[key]).map((inner) => (inner === '' ? key : `${key}.${inner}`)),
    );
  };

const FIELDS = {
  name: optional(when((value) => value === 'IssuerError')),
  provider: when((value) => typeof value === 'string' && value.length > 0),
  kind: when(isErrorKind),
  code: when(isErrorCode),
  providerCode: optional(isText),
  status: optional(
    when(
      (value) => Number.isInteger(value) && (value as number) >= 100 && (value as number) <= 599,
    ),
  ),
  message: isText,
  retryable: when((value) => typeof value === 'boolean'),
  retryAfterMs: optional(
    when((value) => isFiniteNumber(value) && value >= 0 && value <= MAX_RETRY_AFTER_MS),
  ),
  outcome: when((value) => value === 'rejected' || value === 'unknown'),
  fieldErrors: recordOf(arrayOfText),
  requestId: optional(isText),
  timestamp: optional(isText),
  attempts: isCount,
  totalRetryDelayMs: isCount,
  raw: optional(
    objectOf({
      status: optional(when(isFiniteNumber)),
      headers: optional(recordOf(isText)),
    }),
  ),
} satisfies Record<string, Check>;

const isValidShape = objectOf(FIELDS);

/** Validates the JSON shape of an error; the issues name paths, never values. */
export function parseIssuerErrorJson(value: unknown): Result<IssuerErrorInit, TypeError> {
  const invalid = isValidShape(value);
  if (invalid.length > 0) return err(notAnIssuerError(invalid));
  const json = value as Record<string, unknown> & { code: keyof typeof ERROR_CODES };
  if (ERROR_CODES[json.code] !== json.kind) return err(notAnIssuerError(['code']));
  // Only the known fields are kept: a tampered `cause` or anything else is dropped.
  const known = Object.fromEntries(
    Object.keys(FIELDS)
      .filter((key) => key !== 'name' && json[key] !== undefined)
      .map((key) => [key, json[key]]),
  );
  return ok(known as unknown as IssuerErrorInit);
}

function notAnIssuerError(paths: readonly string[]): TypeError {
  const named = paths.map((path) => path || '(root)');
  return new TypeError(`Not an IssuerError JSON: invalid ${[...new Set(named)].join(', ')}`);
}
