import * as z from 'zod/mini';
import { MAX_RETRY_AFTER_MS } from '../http/retry-after';
import { ERROR_CODES, isErrorCode } from './error-codes';
import { ERROR_KINDS } from './error-kinds';
import { IssuerError } from './issuer-error';
import type { IssuerErrorInit } from './issuer-error-types';
import { err, ok, type Result } from './result';

const countSchema = () => z.int().check(z.nonnegative());

/** The shape {@link IssuerError.toJSON} writes, built on first use: an app that never reads errors back never builds it. */
function issuerErrorJsonSchema() {
  return z.object({
    name: z.optional(z.literal('IssuerError')),
    provider: z.string().check(z.minLength(1)),
    kind: z.enum(ERROR_KINDS),
    code: z.custom<keyof typeof ERROR_CODES>(isErrorCode),
    providerCode: z.optional(z.string()),
    status: z.optional(z.int().check(z.gte(100), z.lte(599))),
    message: z.string(),
    retryable: z.boolean(),
    retryAfterMs: z.optional(z.number().check(z.gte(0), z.lte(MAX_RETRY_AFTER_MS))),
    outcome: z.enum(['rejected', 'unknown']),
    fieldErrors: z.record(z.string(), z.array(z.string())),
    requestId: z.optional(z.string()),
    timestamp: z.optional(z.string()),
    attempts: z.optional(countSchema()),
    totalRetryDelayMs: z.optional(countSchema()),
    raw: z.optional(
      z.object({
        status: z.optional(z.number()),
        headers: z.optional(z.record(z.string(), z.string())),
      }),
    ),
  });
}

let schema: ReturnType<typeof issuerErrorJsonSchema> | undefined;

/**
 * Reads back what {@link IssuerError.toJSON} wrote — across a queue, a worker
 * boundary or a log — validating every field. A function rather than a static
 * method, so that an app that never reads errors back does not bundle neverthrow
 * or the schema with `IssuerError`.
 *
 * @returns the error, or a `TypeError` naming the invalid fields (never their values).
 * @example
 * const restored = issuerErrorFromJSON(JSON.parse(message).lastError);
 * if (restored.isOk()) reschedule(restored.value.retryAfterMs);
 */
export function issuerErrorFromJSON(value: unknown): Result<IssuerError, TypeError> {
  schema ??= issuerErrorJsonSchema();
  let parsed: ReturnType<typeof schema.safeParse>;
  try {
    parsed = schema.safeParse(value);
  } catch {
    // A hostile object (throwing getter, revoked proxy) is no error's JSON.
    return err(notAnIssuerError(['']));
  }
  if (!parsed.success) {
    return err(notAnIssuerError(parsed.error.issues.map((issue) => issue.path.join('.'))));
  }
  if (ERROR_CODES[parsed.data.code] !== parsed.data.kind) return err(notAnIssuerError(['code']));
  // The fields are read from the input, which passed: the schema's copy of a record would take
  // a `__proto__` key as the prototype. Only known fields are kept; a tampered `cause` is dropped.
  const json = value as Record<string, unknown>;
  const known = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, json[key]]));
  return ok(new IssuerError(known as unknown as IssuerErrorInit));
}

function notAnIssuerError(paths: readonly string[]): TypeError {
  const named = paths.map((path) => path || '(root)');
  return new TypeError(`Not an IssuerError JSON: invalid ${[...new Set(named)].join(', ')}`);
}
