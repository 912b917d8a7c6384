import fc from 'fast-check';

/** Keys that pollute prototypes or shadow built-ins when copied carelessly. */
export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
] as const;

/** Keys the adapters read, so generated bodies reach every branch. */
const BODY_KEYS = [
  'code',
  'message',
  'error',
  'error_description',
  'errors',
  'details',
  'retry_after',
  'timestamp',
  'field',
  'path',
  'param',
  'reason',
  ...HOSTILE_KEYS,
] as const;

const HEADER_NAMES = [
  'Retry-After',
  'retry-after',
  'RETRY-AFTER',
  'X-Request-Id',
  'x-request-id',
  'Request-Id',
  'Content-Type',
  'Date',
  'Set-Cookie',
  'Authorization',
  ...HOSTILE_KEYS,
] as const;

/** Control characters, ANSI escapes and line breaks: what a log injection is made of. */
export const controlText = fc
  .array(
    fc.constantFrom(
      '\r',
      '\n',
      '\r\n',
      '\u001b[31m',
      '\u001b]0;x\u0007',
      '\u0000',
      '\u2028',
      '\t',
      '\u009b',
      'text',
      ' ',
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

const bigText = fc
  .integer({ min: 256 * 1024, max: 1024 * 1024 })
  .map((length) => 'x'.repeat(length));

/** Any text an issuer (or a proxy in front of it) might send. */
export const anyText = fc.oneof(
  { weight: 60, arbitrary: fc.string() },
  { weight: 30, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 30, arbitrary: controlText },
  { weight: 1, arbitrary: bigText }, // rare: each costs milliseconds
);

const anyKey = fc.oneof(fc.constantFrom(...BODY_KEYS), fc.string({ maxLength: 12 }));

/** JSON values of every type, with the adapters' keys and hostile keys among the generated ones. */
const jsonLike = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    anyText,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(anyKey, tie('value'), { maxKeys: 6 }),
  ),
})).value;

/** An object nested `depth` levels, built without recursion so any depth is cheap. */
function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) {
    value = level % 2 === 0 ? { errors: value, message: 'm' } : [value];
  }
  return value;
}

/** Every kind of body: parsed values, JSON text, random text and binary, deep nesting, hostile keys. */
export const anyBody = fc.oneof(
  { weight: 4, arbitrary: jsonLike },
  { weight: 4, arbitrary: jsonLike.map((value) => safeStringify(value)) },
  { weight: 2, arbitrary: anyText },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 5000 })
      .map((depth) => nested(depth, { code: 'B013', message: 'deep' })),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 5000 })
      .map((depth) => `${'['.repeat(depth)}1${']'.repeat(depth)}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...HOSTILE_KEYS)
      .map((key) => `{"${key}":{"polluted":true,"code":"x"},"message":"m"}`),
  },
  { weight: 1, arbitrary: fc.anything() },
);

/** Any status, valid or not. */
export const anyStatus = fc.oneof(
  fc.constantFrom(0, 99, 100, 199, 200, 204, 400, 401, 403, 404, 409, 422, 429, 500, 502),
  fc.constantFrom(503, 504, 511, 599, 600, Number.NaN, Number.POSITIVE_INFINITY, -1, 1e21, 429.5),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double(),
);

const headerValue = fc.oneof(
  { weight: 5, arbitrary: anyText },
  { weight: 2, arbitrary: fc.constantFrom('0', '1', '-1', '1e9', 'Infinity', 'NaN', '120') },
  { weight: 2, arbitrary: fc.date({ noInvalidDate: false }).map((date) => String(date)) },
  { weight: 1, arbitrary: fc.array(anyText, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.integer() },
);

/** Any header set: odd casing, duplicates in every casing, arrays, huge values, hostile names. */
export const anyHeaders = fc.oneof(
  fc.dictionary(
    fc.oneof(fc.constantFrom(...HEADER_NAMES), fc.string({ maxLength: 20 })),
    headerValue,
    {
      maxKeys: 12,
    },
  ),
  fc.constant(undefined),
  fc.anything(),
);

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return String(value);
  }
}
