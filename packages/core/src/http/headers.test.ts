import { describe, expect, it } from 'vitest';
import { getHeader, headerEntries } from './headers';

describe('getHeader', () => {
  it('reads a header in any casing from a plain record', () => {
    expect(getHeader({ 'X-REQUEST-ID': 'abc' }, 'x-request-id')).toBe('abc');
    expect(getHeader({ 'x-request-id': 'abc' }, 'X-Request-Id')).toBe('abc');
  });

  it('never throws on hostile header objects: a throwing getter, a revoked proxy, a string', () => {
    const throwing = Object.defineProperty({}, 'x-request-id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(getHeader(throwing, 'x-request-id')).toBeUndefined();
    expect(getHeader(revoked.proxy, 'x-request-id')).toBeUndefined();
    expect(getHeader('not headers', 'x-request-id')).toBeUndefined();
  });
  it('reads a header in any casing from a fetch Headers object', () => {
    expect(getHeader(new Headers({ 'X-Request-Id': 'abc' }), 'X-REQUEST-ID')).toBe('abc');
  });

  it('returns undefined for a header that is not there', () => {
    expect(getHeader({ 'content-type': 'text/plain' }, 'retry-after')).toBeUndefined();
    expect(getHeader(new Headers(), 'retry-after')).toBeUndefined();
  });

  it('yields the first value of an array, as Node gives repeated headers', () => {
    expect(getHeader({ 'X-Trace': ['first', 'second'] }, 'x-trace')).toBe('first');
  });

  it('reads a finite number as its decimal text', () => {
    expect(getHeader({ 'Retry-After': 5 }, 'retry-after')).toBe('5');
    expect(getHeader({ 'content-length': 0 }, 'content-length')).toBe('0');
  });

  it('reads on past a name whose value is unusable, to the same name in another casing', () => {
    expect(getHeader({ 'retry-after': undefined, 'Retry-After': '5' }, 'retry-after')).toBe('5');
    expect(getHeader({ 'X-Request-Id': [], 'x-request-id': 'r-1' }, 'x-request-id')).toBe('r-1');
  });

  it('searches the first 200 names of a record only', () => {
    const names = Array.from({ length: 250 }, (_, index) => [`x-filler-${index}`, 'x']);
    const early = Object.fromEntries([...names.slice(0, 199), ['Retry-After', '1']]);
    const late = Object.fromEntries([...names.slice(0, 200), ['Retry-After', '1']]);
    expect(getHeader(early, 'retry-after')).toBe('1');
    expect(getHeader(late, 'retry-after')).toBeUndefined();
  });
});

describe('headerEntries', () => {
  it('lists a record as lower-case names with string values, in order', () => {
    expect(
      headerEntries({
        'Content-Type': 'application/json',
        'Retry-After': 5,
        'X-Trace': ['a', 'b'],
      }),
    ).toEqual([
      ['content-type', 'application/json'],
      ['retry-after', '5'],
      ['x-trace', 'a'],
    ]);
  });

  it('lists a fetch Headers object with lower-case names', () => {
    const headers = new Headers({ 'Retry-After': '2', 'X-Request-Id': 'r-1' });
    expect(headerEntries(headers)).toEqual([
      ['retry-after', '2'],
      ['x-request-id', 'r-1'],
    ]);
  });

  it('skips values that are absent, empty arrays, non-finite numbers or of another type', () => {
    expect(
      headerEntries({
        absent: undefined,
        empty: [],
        nan: Number.NaN,
        infinite: Number.POSITIVE_INFINITY,
        flag: true,
        nested: { value: 'x' },
        kept: 'yes',
      }),
    ).toEqual([['kept', 'yes']]);
  });

  it('lists nothing for values that are not objects', () => {
    for (const headers of [undefined, null, 'x-request-id: abc', 42]) {
      expect(headerEntries(headers)).toEqual([]);
    }
  });

  it('lists at most 200 headers, from a record and from a Headers object', () => {
    const names = Array.from({ length: 250 }, (_, index) => `x-h${String(index).padStart(3, '0')}`);
    const record = Object.fromEntries(names.map((name) => [name, 'v']));
    const fromRecord = headerEntries(record);
    expect(fromRecord.length).toBe(200);
    expect(fromRecord.at(-1)).toEqual(['x-h199', 'v']);
    const fromHeaders = headerEntries(new Headers(record));
    expect(fromHeaders.length).toBe(200);
    expect(fromHeaders.at(-1)).toEqual(['x-h199', 'v']);
  });

  it('reads any object with forEach and get like a Headers object, and others by their keys', () => {
    expect(headerEntries(new Map([['X-Request-Id', 'abc']]))).toEqual([['x-request-id', 'abc']]);
    // A record that happens to hold one of the two functions is still a record.
    const withForEach = { 'X-Request-Id': 'abc', forEach: () => undefined };
    expect(headerEntries(withForEach)).toEqual([['x-request-id', 'abc']]);
    const withGet = { 'X-Request-Id': 'abc', get: () => 'other' };
    expect(headerEntries(withGet)).toEqual([['x-request-id', 'abc']]);
  });

  it('never throws: a throwing getter yields what was read before it', () => {
    const hostile = {
      'x-first': '1',
      get 'x-second'(): string {
        throw new Error('boom');
      },
      'x-third': '3',
    };
    expect(headerEntries(hostile)).toEqual([['x-first', '1']]);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(headerEntries(proxy)).toEqual([]);
  });
});
