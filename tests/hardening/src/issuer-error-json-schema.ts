import { ERROR_CODES, ERROR_KINDS, type ErrorCode, kindOfCode } from '@issuer-errors/core';
import * as z from 'zod';

const MAX_MESSAGE_BYTES = 1024;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Any control character, C1 control or Unicode line separator. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A single line: no control characters, ANSI escapes or line breaks, at most `maxBytes`. */
export const oneLine = (maxBytes = MAX_MESSAGE_BYTES) =>
  z
    .string()
    .refine((text) => !CONTROL_CHARACTER.test(text), 'has a control character')
    .refine((text) => Buffer.byteLength(text) <= maxBytes, `is over ${maxBytes} bytes`);

const codes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/** What every `IssuerError#toJSON()` must satisfy, whatever the input was. */
export const issuerErrorJsonSchema = z
  .strictObject({
    name: z.literal('IssuerError'),
    provider: oneLine(),
    kind: z.enum(ERROR_KINDS),
    code: z.enum(codes),
    providerCode: z.optional(oneLine()),
    status: z.optional(z.int().min(100).max(599)),
    message: oneLine().min(1),
    retryable: z.boolean(),
    retryAfterMs: z.optional(z.number().min(0).max(DAY_MS)),
    outcome: z.enum(['rejected', 'unknown']),
    fieldErrors: z.record(oneLine(), z.array(oneLine())),
    requestId: z.optional(oneLine()),
    timestamp: z.optional(oneLine()),
    attempts: z.optional(z.int().min(1)),
    totalRetryDelayMs: z.optional(z.number().min(0)),
    raw: z.strictObject({
      status: z.optional(z.int().min(100).max(599)),
      headers: z.record(z.string(), z.string()),
      body: z.optional(z.unknown()),
    }),
  })
  .refine((json) => kindOfCode(json.code) === json.kind, 'kind is not the code’s kind');
