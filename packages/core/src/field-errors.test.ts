import { describe, expect, it } from 'vitest';
import { fieldErrorsFromDetails, fieldErrorsFromMap, mergeFieldErrors } from './field-errors';

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

  it('flattens nested maps to dotted names', () => {
    expect(fieldErrorsFromMap({ address: { street: ['is blank'] } })).toEqual({
      'address.street': ['is blank'],
    });
  });

  it('ignores non-objects and prototype keys', () => {
    expect(fieldErrorsFromMap(['a'])).toEqual({});
    expect(fieldErrorsFromMap('errors')).toEqual({});
    const parsed = JSON.parse('{"__proto__":["x"],"constructor":["y"]}');
    expect(fieldErrorsFromMap(parsed)).toEqual({});
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('cleans line breaks out of names and messages', () => {
    expect(fieldErrorsFromMap({ 'na\nme': ['bad\r\nvalue'] })).toEqual({ 'na me': ['bad value'] });
  });
});

describe('fieldErrorsFromDetails', () => {
  it('reads every documented spelling of field and text', () => {
    expect(
      fieldErrorsFromDetails([
        { field: 'email', message: 'is taken' },
        { name: 'taxId', detail: 'is invalid' },
        { path: ['user', 'phone'], description: 'too short' },
        { param: 'startDate', reason: 'bad format' },
        { pointer: '/data/end~1Date', message: 'before start' },
        'a string without a field',
        { message: 'no field either' },
      ]),
    ).toEqual({
      email: ['is taken'],
      taxId: ['is invalid'],
      'user.phone': ['too short'],
      startDate: ['bad format'],
      'data.end/Date': ['before start'],
    });
  });

  it('gives a default text when an item names only a field', () => {
    expect(fieldErrorsFromDetails([{ field: 'email' }])).toEqual({ email: ['is invalid'] });
  });

  it('ignores anything that is not a list', () => {
    expect(fieldErrorsFromDetails({ field: 'x' })).toEqual({});
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
