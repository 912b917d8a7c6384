import { describe, expect, it } from 'vitest';
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

  it('names no field when the message does not say which', () => {
    const error = acme.normalize({ status: 400, body: { message: 'Invalid date' } });
    expect(error.code).toBe('invalid_date_format');
    expect(error.fieldErrors).toEqual({});
    const named = acme.normalize({ status: 400, body: { message: 'dueOn must be a date' } });
    expect(named.fieldErrors).toEqual({ dueOn: ['dueOn must be a date'] });
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
