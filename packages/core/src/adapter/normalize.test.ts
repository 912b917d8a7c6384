import { describe, expect, it } from 'vitest';
import { fieldErrorsFromMap } from '../error/field-errors';
import type { ErrorRule } from './adapter-types';
import { defineAdapter } from './define-adapter';
import { lenientObject } from './lenient-object';

const acmeWith = (rules: readonly ErrorRule[]) =>
  defineAdapter({
    name: 'acme',
    displayName: 'Acme',
    bodySchema: lenientObject({ code: 'string', message: 'string' }),
    bodyFields: { providerCode: 'code', message: 'message' },
    rules,
    retry: { backoff: { baseMs: 100, factor: 2, maxMs: 1000, jitter: 'full' } },
  });

describe('normalize: rules that name a field', () => {
  const acme = acmeWith([
    {
      providerCode: 'BAD_IBAN',
      code: 'invalid_field',
      field: 'iban',
    },
    {
      status: 400,
      message: /date/i,
      code: 'invalid_date_format',
      field: { fromMessage: /(\w+) must be a date/ },
    },
  ]);

  it("marks the rule's field invalid when the provider sent no message", () => {
    const error = acme.normalize({ status: 400, body: { code: 'BAD_IBAN' } });
    expect(error.fieldErrors).toEqual({ iban: ['is invalid'] });
  });

  it('puts the provider message on its field when there is one', () => {
    const error = acme.normalize({
      status: 400,
      body: { code: 'BAD_IBAN', message: 'IBAN too short' },
    });
    expect(error.fieldErrors).toEqual({ iban: ['IBAN too short'] });
  });

  it("keeps the body's field errors beside the field the rule names", () => {
    const acmeWithFields = defineAdapter({
      name: 'acme',
      bodySchema: lenientObject({ code: 'string', errors: 'unknown' }),
      bodyFields: { providerCode: 'code' },
      fieldErrors: { key: 'errors', read: fieldErrorsFromMap },
      rules: [{ providerCode: 'BAD_IBAN', code: 'invalid_field', field: 'iban' }],
      retry: { backoff: { baseMs: 100, factor: 2, maxMs: 1000, jitter: 'full' } },
    });
    const error = acmeWithFields.normalize({
      status: 400,
      body: { code: 'BAD_IBAN', errors: { bic: ['is too short'], iban: ['has a bad checksum'] } },
    });
    expect(error.fieldErrors).toEqual({
      bic: ['is too short'],
      iban: ['has a bad checksum', 'is invalid'],
    });
  });

  it('names no field when the message does not say which', () => {
    const error = acme.normalize({ status: 400, body: { message: 'Invalid date' } });
    expect(error.code).toBe('invalid_date_format');
    expect(error.fieldErrors).toEqual({});
    const named = acme.normalize({ status: 400, body: { message: 'dueOn must be a date' } });
    expect(named.fieldErrors).toEqual({ dueOn: ['dueOn must be a date'] });
  });
});

describe('normalize: rules that match a message', () => {
  it.each([/slow down/gi, /slow down/y])(
    'matches %s on every error, not every other one',
    (pattern) => {
      const acme = acmeWith([{ message: pattern, code: 'rate_limited' }]);
      const codes = [1, 2, 3].map(
        () => acme.normalize({ status: 400, body: { message: 'slow down' } }).code,
      );
      expect(codes).toEqual(['rate_limited', 'rate_limited', 'rate_limited']);
      expect(pattern.lastIndex).toBe(0);
    },
  );
});

describe('normalize: a rule whose field comes from a global pattern', () => {
  it('names the field on every error', () => {
    const acme = acmeWith([
      { status: 400, code: 'invalid_date_format', field: { fromMessage: /(\w+) must be a date/g } },
    ]);
    const fields = [1, 2, 3].map(() =>
      Object.keys(
        acme.normalize({ status: 400, body: { message: 'dueOn must be a date' } }).fieldErrors,
      ),
    );
    expect(fields).toEqual([['dueOn'], ['dueOn'], ['dueOn']]);
  });

  it('names no field when the provider sent no message', () => {
    const acme = acmeWith([
      { status: 400, code: 'invalid_field', field: { fromMessage: /(\w+)/ } },
    ]);
    expect(acme.normalize({ status: 400, body: {} }).fieldErrors).toEqual({});
  });
});

describe('normalize: input it cannot use', () => {
  const acme = acmeWith([]);

  it.each([undefined, null])('treats %s as a response without a status', (input) => {
    const error = acme.normalize(input as never);
    expect(error.code).toBe('unknown');
    expect(error.message).toBe('Acme answered with an invalid HTTP status');
  });

  it('says the response could not be read when its rules table breaks', () => {
    const broken = acmeWith(
      new Proxy([], {
        get() {
          throw new Error('broken table');
        },
      }),
    );
    const error = broken.normalize({ status: 400, body: {} });
    expect(error.code).toBe('unknown');
    expect(error.message).toBe('Acme: the error response could not be read');
  });
});

describe('normalize: what it cleans itself', () => {
  it('keeps a provider code that cleans to nothing out of the error and its message', () => {
    const error = acmeWith([]).normalize({ status: 400, body: { code: '\u0000\u0007' } });
    expect(error.providerCode).toBeUndefined();
    expect(error.message).toBe('Acme answered with HTTP 400');
  });

  it('cuts a message made of many field names to 1 KiB', () => {
    const fields = Object.fromEntries(
      Array.from({ length: 40 }, (_, index) => [`field_${index}_${'x'.repeat(60)}`, 'is invalid']),
    );
    const adapter = defineAdapter({
      name: 'acme',
      bodySchema: lenientObject({ errors: 'unknown' }),
      bodyFields: {},
      fieldErrors: { key: 'errors', read: fieldErrorsFromMap },
      rules: [],
      retry: { backoff: { baseMs: 100, factor: 2, maxMs: 1000, jitter: 'full' } },
    });
    const error = adapter.normalize({ status: 422, body: { errors: fields } });
    expect(Object.keys(error.fieldErrors)).toHaveLength(40);
    expect(error.message.startsWith('40 invalid fields: field_0_')).toBe(true);
    expect(Buffer.byteLength(error.message)).toBeLessThanOrEqual(1024);
    expect(error.message.endsWith('…')).toBe(true);
  });

  it("cuts the message a rule puts on its field to a field message's 256 bytes", () => {
    const acme = acmeWith([{ status: 400, code: 'invalid_field', field: 'iban' }]);
    const error = acme.normalize({ status: 400, body: { message: `IBAN ${'é'.repeat(400)}` } });
    const [message] = error.fieldErrors.iban ?? [];
    expect(Buffer.byteLength(message ?? '')).toBeLessThanOrEqual(256);
    expect(message?.startsWith('IBAN éé')).toBe(true);
    expect(Buffer.byteLength(error.message)).toBeGreaterThan(256);
  });

  it("cleans the adapter's name on every error it makes", () => {
    const adapter = defineAdapter({
      name: 'acme\u001B[31m\nlabs',
      bodySchema: lenientObject({}),
      bodyFields: {},
      rules: [],
      retry: { backoff: { baseMs: 100, factor: 2, maxMs: 1000, jitter: 'full' } },
    });
    expect(adapter.normalize({ status: 500 }).provider).toBe('acme labs');
    expect(adapter.normalize({ status: 404 }).provider).toBe('acme labs');
  });

  it('cleans and bounds the provider code, request id and timestamp it passes on', () => {
    const adapter = defineAdapter({
      name: 'acme',
      bodySchema: lenientObject({ code: 'string', at: 'string' }),
      bodyFields: { providerCode: 'code', timestamp: 'at' },
      rules: [],
      retry: { backoff: { baseMs: 100, factor: 2, maxMs: 1000, jitter: 'full' } },
    });
    const error = adapter.normalize({
      status: 400,
      headers: { 'X-Request-Id': `req\u001B[31m\n${'r'.repeat(300)}` },
      body: { code: `B013\u0007${'c'.repeat(300)}`, at: '2024-03-15\r\n10:30' },
    });
    expect(error.requestId?.startsWith('req rrr')).toBe(true);
    expect(error.providerCode?.startsWith('B013 ccc')).toBe(true);
    expect(Buffer.byteLength(error.requestId ?? '')).toBeLessThanOrEqual(128);
    expect(Buffer.byteLength(error.providerCode ?? '')).toBeLessThanOrEqual(128);
    expect(error.timestamp).toBe('2024-03-15 10:30');
  });

  it("clamps a rule's advised wait to 24 hours", () => {
    const acme = acmeWith([{ status: 503, code: 'upstream_unavailable', retryAfterMs: 1e12 }]);
    expect(acme.normalize({ status: 503 }).retryAfterMs).toBe(86_400_000);
  });

  it("starts the error's stack at normalize, right under its caller", () => {
    function chargeCard() {
      return acmeWith([]).normalize({ status: 500 });
    }
    const frames = (chargeCard().stack ?? '').split('\n').slice(1, 3);
    expect(frames[0]).toMatch(/\bat (?:Object\.)?normalize \(/);
    expect(frames[1]).toMatch(/\bat chargeCard \(/);
  });
});
