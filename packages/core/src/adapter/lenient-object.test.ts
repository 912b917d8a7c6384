import { describe, expect, it } from 'vitest';
import { lenientObject } from './lenient-object';

const body = lenientObject({
  code: 'string',
  retry_after: ['number', 'string'],
  details: 'unknown',
});
const validate = body['~standard'].validate;

describe('lenientObject', () => {
  it('keeps declared fields of a declared type', () => {
    expect(validate({ code: 'B013', retry_after: 3, details: [{ field: 'x' }] })).toStrictEqual({
      value: { code: 'B013', retry_after: 3, details: [{ field: 'x' }] },
    });
    expect(validate({ retry_after: '3' })).toStrictEqual({ value: { retry_after: '3' } });
  });

  it('reads a field of another type as absent, keeping the others', () => {
    expect(validate({ code: 42, retry_after: true, details: null })).toStrictEqual({
      value: { details: null },
    });
  });

  it('drops undeclared fields, inherited ones and __proto__ included', () => {
    const parsed = JSON.parse('{"__proto__":{"code":"x"},"extra":1,"code":"ok"}') as object;
    const read = validate(parsed) as { value: Record<string, unknown> };
    expect(read.value).toStrictEqual({ code: 'ok' });
    expect(Object.getPrototypeOf(read.value)).toBe(Object.prototype);
    expect(validate(Object.create({ code: 'inherited' }))).toStrictEqual({ value: {} });
  });

  it('fails anything but an object, synchronously', () => {
    for (const value of [null, undefined, 'text', 7, ['code']]) {
      const result = validate(value);
      expect(result).not.toBeInstanceOf(Promise);
      expect(result).toMatchObject({ issues: [{ message: 'expected a JSON object' }] });
    }
  });

  it('is a Standard Schema', () => {
    expect(body['~standard']).toMatchObject({ version: 1, vendor: 'issuer-errors' });
  });
});
