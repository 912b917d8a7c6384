import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { fieldErrorsFromDetails, fieldErrorsFromMap } from '../error/field-errors';
import { MAX_ERROR_BODY_BYTES } from '../http/read-body';
import type { AdapterConfig, FieldErrorSource } from './adapter-types';
import { type LenientBody, lenientObject } from './lenient-object';
import { readErrorBody } from './read-error-body';
import type { StandardSchemaV1 } from './standard-schema';

const acmeShape = {
  code: 'string',
  error: 'string',
  message: 'string',
  timestamp: 'string',
  retry_after: 'unknown',
  errors: 'unknown',
} as const;
const acmeBody = lenientObject(acmeShape);
type AcmeBody = LenientBody<typeof acmeShape>;
const retry = { backoff: { baseMs: 100, factor: 2, maxMs: 1000, jitter: 'full' } } as const;

function acme(fieldErrors?: FieldErrorSource<AcmeBody>): AdapterConfig<AcmeBody> {
  return {
    name: 'acme',
    bodySchema: acmeBody,
    bodyFields: {
      providerCode: ['code', 'error'],
      message: 'message',
      timestamp: 'timestamp',
      retryAfterSeconds: 'retry_after',
    },
    ...(fieldErrors === undefined ? {} : { fieldErrors }),
    rules: [],
    retry,
  };
}

describe('readErrorBody: parsing', () => {
  it('parses a JSON object and reads each fact from its key', () => {
    const body =
      '{"code":"LIMIT","message":"Threshold exceeds company limit","timestamp":"2024-03-15T10:30:00Z","retry_after":2}';
    expect(readErrorBody(acme(), body)).toStrictEqual({
      body: {
        code: 'LIMIT',
        message: 'Threshold exceeds company limit',
        timestamp: '2024-03-15T10:30:00Z',
        retry_after: 2,
      },
      providerCode: 'LIMIT',
      message: 'Threshold exceeds company limit',
      timestamp: '2024-03-15T10:30:00Z',
      retryAfterSeconds: 2,
      fieldErrors: {},
    });
  });

  it('parses JSON surrounded by whitespace, such as a trailing newline', () => {
    expect(readErrorBody(acme(), '\n  {"message":"nope"}\n').body).toEqual({ message: 'nope' });
  });

  it('parses a JSON array, which holds no facts', () => {
    expect(readErrorBody(acme(), '[{"message":"nope"}]')).toStrictEqual({
      body: [{ message: 'nope' }],
      fieldErrors: {},
    });
  });

  it('reads an empty or blank body as no body', () => {
    for (const text of ['', ' \r\n\t ']) {
      expect(readErrorBody(acme(), text)).toStrictEqual({ body: undefined, fieldErrors: {} });
    }
  });

  it('keeps text that is not JSON, including malformed JSON, as it came', () => {
    for (const text of [
      '<html>Bad Gateway</html>',
      '{"message": "cut',
      '[{"field": "iban"}',
      '{"message": "x"} and more',
      '{"message": "x"}]',
    ]) {
      expect(readErrorBody(acme(), text)).toStrictEqual({ body: text, fieldErrors: {} });
    }
  });

  it('parses JSON surrounded by white space, objects and arrays alike', () => {
    expect(readErrorBody(acme(), '\n  {"message": "slow down"}\r\n').message).toBe('slow down');
    expect(readErrorBody(acme(), ' [{"field": "iban"}] ').body).toEqual([{ field: 'iban' }]);
  });

  // A bare JSON value names no code, message or field: it is kept as the text it came as.
  it('keeps a bare JSON value (a number, a string, null) as text', () => {
    for (const text of ['42', '"oops"', 'null', 'true']) {
      expect(readErrorBody(acme(), text)).toStrictEqual({ body: text, fieldErrors: {} });
    }
  });

  it('reads at most 64 KiB of a text body', () => {
    const text = 'x'.repeat(MAX_ERROR_BODY_BYTES + 10);
    expect(readErrorBody(acme(), text).body).toBe('x'.repeat(MAX_ERROR_BODY_BYTES));
  });

  it('keeps a JSON body longer than 64 KiB as its cut text, reading no facts from it', () => {
    const text = `{"message":"${'y'.repeat(MAX_ERROR_BODY_BYTES)}"}`;
    expect(readErrorBody(acme(), text)).toStrictEqual({
      body: text.slice(0, MAX_ERROR_BODY_BYTES),
      fieldErrors: {},
    });
  });

  it('reads through any Standard Schema, such as a zod/mini one', () => {
    const zodBody: AdapterConfig<{ code?: string | undefined }> = {
      name: 'zod',
      bodySchema: z.object({ code: z.catch(z.optional(z.string()), undefined) }),
      bodyFields: { providerCode: 'code' },
      rules: [],
      retry,
    };
    expect(readErrorBody(zodBody, '{"code":"B013"}').providerCode).toBe('B013');
    expect(readErrorBody(zodBody, '{"code":13}')).toMatchObject({
      body: { code: 13 },
      providerCode: undefined,
    });
  });

  it('reads no facts, and never throws, through a schema that throws or answers later', () => {
    const schemaThat = (
      validate: StandardSchemaV1['~standard']['validate'],
    ): AdapterConfig<{ code?: string }> => ({
      name: 'odd',
      bodySchema: { '~standard': { version: 1, vendor: 'test', validate } } as StandardSchemaV1<
        unknown,
        { code?: string }
      >,
      bodyFields: { providerCode: 'code' },
      rules: [],
      retry,
    });
    const throwing = schemaThat(() => {
      throw new Error('broken schema');
    });
    const later = schemaThat(async (value) => ({ value }));
    for (const config of [throwing, later]) {
      expect(readErrorBody(config, '{"code":"X"}')).toStrictEqual({
        body: { code: 'X' },
        fieldErrors: {},
      });
    }
  });

  it('keeps a body that fails the schema, reading no facts from it', () => {
    const strict: AdapterConfig<{ code: string }> = {
      name: 'strict',
      bodySchema: z.object({ code: z.string() }),
      bodyFields: { providerCode: 'code' },
      rules: [],
      retry,
    };
    expect(readErrorBody(strict, '{"code":42}')).toStrictEqual({
      body: { code: 42 },
      fieldErrors: {},
    });
  });

  it('reads facts only from a JSON object, even when the schema accepts anything', () => {
    const permissive: AdapterConfig<Record<string, unknown>> = {
      name: 'permissive',
      bodySchema: z.any(),
      bodyFields: { message: ['0', 'message'] },
      rules: [],
      retry,
    };
    for (const body of ['Bad Gateway', '["first"]', null]) {
      expect(readErrorBody(permissive, body).message).toBeUndefined();
    }
    expect(readErrorBody(permissive, null)).toStrictEqual({ body: null, fieldErrors: {} });
  });
});

describe('readErrorBody: facts', () => {
  it('skips a blank value for the next key', () => {
    const facts = readErrorBody(acme(), { code: '  ', error: 'invalid_client', message: ' ' });
    expect(facts.providerCode).toBe('invalid_client');
    expect(facts.message).toBeUndefined();
  });

  it('reads a retry hint given as a number or as numeric text, zero included', () => {
    const hint = (value: unknown) =>
      readErrorBody(acme(), { retry_after: value }).retryAfterSeconds;
    expect(hint(2)).toBe(2);
    expect(hint(0.5)).toBe(0.5);
    expect(hint('3')).toBe(3);
    expect(hint(0)).toBe(0);
  });

  it('ignores a retry hint that is negative, infinite, blank or not a number', () => {
    const hint = (value: unknown) =>
      readErrorBody(acme(), { retry_after: value }).retryAfterSeconds;
    for (const value of [-3, '-1', '', '  ', 'soon', null, true, [5]]) {
      expect(hint(value)).toBeUndefined();
    }
    // JSON has no Infinity, but a number too large for a double parses as one.
    expect(readErrorBody(acme(), '{"retry_after":1e999}').retryAfterSeconds).toBeUndefined();
  });

  it('reads no field errors when the adapter names no source', () => {
    expect(readErrorBody(acme(), { errors: { email: ['is invalid'] } }).fieldErrors).toEqual({});
  });

  it('reads field errors from a field map', () => {
    const config = acme({ key: 'errors', read: fieldErrorsFromMap });
    expect(readErrorBody(config, { errors: { email: ['is invalid'] } }).fieldErrors).toEqual({
      email: ['is invalid'],
    });
  });

  it('reads field errors from a details list with the default keys', () => {
    const config = acme({ key: 'errors', read: fieldErrorsFromDetails });
    const errors = [{ field: 'email', message: 'is taken' }];
    expect(readErrorBody(config, { errors }).fieldErrors).toEqual({ email: ['is taken'] });
  });

  it('reads field errors with a reader of its own: a details list with other keys', () => {
    const config = acme({
      key: 'errors',
      read: (value) => fieldErrorsFromDetails(value, { fieldKeys: ['attr'], textKeys: ['msg'] }),
    });
    const errors = [{ attr: 'email', msg: 'is taken', field: 'other', message: 'wrong key' }];
    expect(readErrorBody(config, { errors }).fieldErrors).toEqual({ email: ['is taken'] });
  });
});
