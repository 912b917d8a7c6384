import { describe, expect, it } from 'vitest';
import { DEFAULT_DETAILS_SHAPE, fieldErrorsFromDetails } from './field-errors';

describe('fieldErrorsFromDetails', () => {
  it('reads every documented spelling of field and text', () => {
    expect(
      fieldErrorsFromDetails([
        { field: 'email', message: 'is taken' },
        { name: 'taxId', detail: 'wrong check digit' },
        { path: ['user', 'phone'], description: 'too short' },
        { param: 'startDate', reason: 'bad format' },
        { pointer: '/data/end~1Date', message: 'before start' },
        'a string without a field',
        { message: 'no field either' },
      ]),
    ).toEqual({
      email: ['is taken'],
      taxId: ['wrong check digit'],
      'user.phone': ['too short'],
      startDate: ['bad format'],
      'data.end/Date': ['before start'],
    });
  });

  it('uses the documented spellings by default', () => {
    expect(DEFAULT_DETAILS_SHAPE).toStrictEqual({
      fieldKeys: ['field', 'name', 'path', 'param', 'pointer'],
      textKeys: ['message', 'detail', 'description', 'reason'],
    });
  });

  it('reads the keys of a custom shape', () => {
    const shape = { fieldKeys: ['loc'], textKeys: ['msg'] };
    expect(fieldErrorsFromDetails([{ loc: ['body', 'amount'], msg: 'too big' }], shape)).toEqual({
      'body.amount': ['too big'],
    });
  });

  it('gives a default text when an item names only a field', () => {
    expect(fieldErrorsFromDetails([{ field: 'email' }])).toEqual({ email: ['is invalid'] });
  });

  it('takes the first key that holds text, skipping ones that hold something else', () => {
    expect(
      fieldErrorsFromDetails([
        { field: 'amount', message: 42, detail: 'must be positive' },
        { field: 'currency', message: { text: 'nested' } },
      ]),
    ).toEqual({ amount: ['must be positive'], currency: ['is invalid'] });
  });

  it('takes the next field key when one holds no usable name', () => {
    expect(
      fieldErrorsFromDetails([
        { field: 42, name: 'amount', message: 'a' },
        { field: '   ', name: 'email', message: 'b' },
        { path: [], param: 'startDate', message: 'c' },
        { path: [null, {}], param: 'endDate', message: 'd' },
      ]),
    ).toEqual({ amount: ['a'], email: ['b'], startDate: ['c'], endDate: ['d'] });
  });

  it('keeps numeric indices of a path and drops other junk in it', () => {
    expect(
      fieldErrorsFromDetails([
        { path: ['items', 0, 'sku'], message: 'unknown' },
        { path: ['user', null, { x: 1 }, 'email'], message: 'is taken' },
      ]),
    ).toEqual({ 'items.0.sku': ['unknown'], 'user.email': ['is taken'] });
  });

  it('reads JSON pointers, also as URI fragments, unescaping ~1 then ~0 (RFC 6901 §4)', () => {
    expect(
      fieldErrorsFromDetails([
        { pointer: '/user/email', message: 'a' },
        { pointer: '#/user/phone', message: 'b' },
        { pointer: '/m~0n', message: 'c' },
        { pointer: '/x~01y', message: 'd' },
      ]),
    ).toEqual({ 'user.email': ['a'], 'user.phone': ['b'], 'm~n': ['c'], 'x~1y': ['d'] });
  });

  it('keeps a name that is not a pointer as it is, slashes and tildes included', () => {
    expect(
      fieldErrorsFromDetails([
        { field: 'amount/currency', message: 'a' },
        { field: 'a~1b', message: 'b' },
        { field: '#anchor', message: 'c' },
      ]),
    ).toEqual({ 'amount/currency': ['a'], 'a~1b': ['b'], '#anchor': ['c'] });
  });

  it('skips null, lists and other items that are not objects, without throwing', () => {
    expect(
      fieldErrorsFromDetails([null, undefined, 7, ['field'], { field: 'email', message: 'x' }]),
    ).toEqual({ email: ['x'] });
  });

  it('reads only the first 100 items', () => {
    const items: unknown[] = [null];
    for (let index = 1; index <= 100; index++) items.push({ field: `f${index}` });
    const fieldErrors = fieldErrorsFromDetails(items);
    expect(Object.keys(fieldErrors)).toHaveLength(99);
    expect(Object.hasOwn(fieldErrors, 'f100')).toBe(false);
  });

  it('ignores anything that is not a list', () => {
    expect(fieldErrorsFromDetails({ field: 'x' })).toEqual({});
  });
});
