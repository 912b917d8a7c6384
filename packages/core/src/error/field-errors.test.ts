import { describe, expect, it } from 'vitest';
import {
  addFieldError,
  type FieldErrors,
  fieldErrorsFromMap,
  mergeFieldErrors,
} from './field-errors';

/** A map with `count` fields `f0`, `f1`, … of one message each. */
function manyFields(count: number): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (let index = 0; index < count; index++) addFieldError(fieldErrors, `f${index}`, ['x']);
  return fieldErrors;
}

describe('addFieldError', () => {
  it('adds cleaned messages to a new field and appends to an existing one', () => {
    const fieldErrors: FieldErrors = {};
    addFieldError(fieldErrors, 'email', ['is taken']);
    addFieldError(fieldErrors, 'email', ['is\r\ninvalid', 7]);
    expect(fieldErrors).toStrictEqual({ email: ['is taken', 'is invalid', '7'] });
  });

  it('skips hostile names, leaving the map and Object.prototype untouched', () => {
    const fieldErrors: FieldErrors = {};
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      addFieldError(fieldErrors, name, ['polluted']);
    }
    expect(Object.keys(fieldErrors)).toEqual([]);
    expect(Object.getPrototypeOf(fieldErrors)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('skips names that are empty once cleaned', () => {
    const fieldErrors: FieldErrors = {};
    addFieldError(fieldErrors, '', ['x']);
    addFieldError(fieldErrors, ' \r\n\t', ['x']);
    expect(Object.keys(fieldErrors)).toEqual([]);
  });

  it('treats a name inherited from Object.prototype as a new field', () => {
    const fieldErrors: FieldErrors = {};
    addFieldError(fieldErrors, 'toString', ['is reserved']);
    expect(Object.entries(fieldErrors)).toEqual([['toString', ['is reserved']]]);
  });

  it('starts afresh on an own field that holds no list', () => {
    const fieldErrors = { email: undefined } as unknown as FieldErrors;
    addFieldError(fieldErrors, 'email', ['is taken']);
    expect(fieldErrors).toStrictEqual({ email: ['is taken'] });
  });

  it('drops empty messages, and the field when none is left', () => {
    const fieldErrors: FieldErrors = {};
    addFieldError(fieldErrors, 'email', ['', '  ', '\u001B[31m']);
    addFieldError(fieldErrors, 'name', ['', 'is blank']);
    expect(fieldErrors).toStrictEqual({ name: ['is blank'] });
  });

  it('keeps at most 20 messages per field, the first ones', () => {
    const fieldErrors: FieldErrors = {};
    const messages = Array.from({ length: 25 }, (_, index) => `message ${index}`);
    addFieldError(fieldErrors, 'email', messages);
    expect(fieldErrors.email).toEqual(messages.slice(0, 20));
  });

  it('leaves the list it appends to untouched: a copy of the map shares no list with it', () => {
    const original: FieldErrors = { email: ['is taken'] };
    const copy = { ...original };
    addFieldError(copy, 'email', ['is invalid']);
    expect(original).toStrictEqual({ email: ['is taken'] });
    expect(copy).toStrictEqual({ email: ['is taken', 'is invalid'] });
  });

  it('adds nothing to a field that already holds 20 messages', () => {
    const fieldErrors: FieldErrors = {};
    const first = Array.from({ length: 20 }, (_, index) => `message ${index}`);
    addFieldError(fieldErrors, 'email', first);
    addFieldError(fieldErrors, 'email', ['one more', 'and another']);
    expect(fieldErrors).toStrictEqual({ email: first });
  });

  it('keeps at most 100 fields, still adding messages to those it has', () => {
    const fieldErrors = manyFields(100);
    addFieldError(fieldErrors, 'one_too_many', ['x']);
    addFieldError(fieldErrors, 'f99', ['y']);
    expect(Object.keys(fieldErrors)).toHaveLength(100);
    expect(Object.hasOwn(fieldErrors, 'one_too_many')).toBe(false);
    expect(fieldErrors.f99).toEqual(['x', 'y']);
  });

  it('accepts the 100th field', () => {
    const fieldErrors = manyFields(99);
    addFieldError(fieldErrors, 'last', ['x']);
    expect(fieldErrors.last).toEqual(['x']);
  });
});

describe('fieldErrorsFromMap', () => {
  it('reads a field map of message lists', () => {
    expect(
      fieldErrorsFromMap({ rut: ["can't be blank", 'is invalid'], bank_id: ['must exist'] }),
    ).toEqual({
      rut: ["can't be blank", 'is invalid'],
      bank_id: ['must exist'],
    });
  });

  it('turns a bare string into a list and stringifies numbers, dropping other junk', () => {
    expect(
      fieldErrorsFromMap({
        a: 'is blank',
        b: 42,
        c: null,
        d: [null, { x: 1 }, 'kept', true],
        e: [],
      }),
    ).toEqual({ a: ['is blank'], b: ['42'], d: ['kept', 'true'] });
  });

  it('flattens nested maps to dotted names of at most three parts', () => {
    expect(fieldErrorsFromMap({ address: { street: ['is blank'] } })).toEqual({
      'address.street': ['is blank'],
    });
    expect(
      fieldErrorsFromMap({ a: { b: { c: ['three parts'], d: { e: ['four parts'] } } } }),
    ).toStrictEqual({ 'a.b.c': ['three parts'] });
  });

  it('ignores non-objects and prototype keys', () => {
    expect(fieldErrorsFromMap(['a'])).toEqual({});
    expect(fieldErrorsFromMap('errors')).toEqual({});
    const parsed = JSON.parse('{"__proto__":["x"],"constructor":["y"],"prototype":["z"]}');
    expect(Object.keys(fieldErrorsFromMap(parsed))).toEqual([]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('skips a prototype key that holds a nested map, with everything under it', () => {
    const parsed = JSON.parse('{"__proto__":{"polluted":["x"]},"constructor":{"name":["y"]}}');
    expect(Object.keys(fieldErrorsFromMap(parsed))).toEqual([]);
  });

  it('reads only the first 100 entries of a map', () => {
    const map: Record<string, unknown> = { skipped: null };
    for (let index = 1; index <= 100; index++) map[`f${index}`] = ['x'];
    const fieldErrors = fieldErrorsFromMap(map);
    expect(Object.keys(fieldErrors)).toHaveLength(99);
    expect(Object.hasOwn(fieldErrors, 'f100')).toBe(false);
  });

  it('cleans line breaks out of names and messages', () => {
    expect(fieldErrorsFromMap({ 'na\nme': ['bad\r\nvalue'] })).toEqual({ 'na me': ['bad value'] });
  });
});

describe('mergeFieldErrors', () => {
  it('keeps every message of every map', () => {
    expect(mergeFieldErrors({ a: ['1'] }, { a: ['2'], b: ['3'] })).toEqual({
      a: ['1', '2'],
      b: ['3'],
    });
  });
});
