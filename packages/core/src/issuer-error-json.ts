import * as z from 'zod/mini';
import { ERROR_CODES, type ErrorCode } from './error-codes';
import { ERROR_KINDS } from './error-kinds';
import type { IssuerErrorInit } from './issuer-error-types';
import { err, ok, type Result } from './result';
import { MAX_RETRY_AFTER_MS } from './retry-after';

let schema: ReturnType<typeof buildSchema> | undefined;

function buildSchema() {
  const count = z.optional(z.number().check(z.int(), z.nonnegative()));
  const text = z.optional(z.string());
  return z
    .object({
      name: z.optional(z.literal('IssuerError')),
      provider: z.string().check(z.minLength(1)),
      kind: z.enum(ERROR_KINDS),
      code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
      providerCode: text,
      status: z.optional(z.number().check(z.int(), z.gte(100), z.lte(599))),
      message: z.string(),
      retryable: z.boolean(),
      retryAfterMs: z.optional(z.number().check(z.gte(0), z.lte(MAX_RETRY_AFTER_MS))),
      outcome: z.enum(['rejected', 'unknown']),
      fieldErrors: z.record(z.string(), z.array(z.string())),
      requestId: text,
      timestamp: text,
      attempts: count,
      totalRetryDelayMs: count,
      raw: z.optional(
        z.object({
          status: z.optional(z.number()),
          headers: z.optional(z.record(z.string(), z.string())),
          body: z.optional(z.unknown()),
        }),
      ),
    })
    .check(z.refine((json) => ERROR_CODES[json.code] === json.kind, { path: ['code'] }));
}

/** Validates the JSON shape of an error; the issues name paths, never values. */
export function parseIssuerErrorJson(value: unknown): Result<IssuerErrorInit, TypeError> {
  schema ??= buildSchema();
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return ok(parsed.data as IssuerErrorInit);
  const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
  return err(new TypeError(`Not an IssuerError JSON: invalid ${[...new Set(paths)].join(', ')}`));
}
