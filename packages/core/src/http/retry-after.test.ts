import { describe, expect, it } from 'vitest';
import { parseHttpDate } from './http-date';
import {
  clampDelayMs,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  retryAfterFromHeaders,
} from './retry-after';

const now = Date.UTC(2026, 10, 21, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delta-seconds as milliseconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('rejects negative, fractional and free-text values', () => {
    for (const value of ['-5', '1.5', 'soon', '', '  ', '1e3', '0x10', 'NaN', 'Infinity']) {
      expect(parseRetryAfter(value, now), value).toBeUndefined();
    }
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter({}, now)).toBeUndefined();
  });

  it('caps enormous values at 24 hours', () => {
    expect(parseRetryAfter('99999999999999999999999', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('86401', now)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('reads an IMF-fixdate as the time left until it', () => {
    expect(parseRetryAfter('Sat, 21 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
  });

  it('reads the obsolete RFC 850 form with its two-digit year', () => {
    expect(parseRetryAfter('Saturday, 21-Nov-26 12:01:00 GMT', now)).toBe(60_000);
  });

  it('reads the asctime form, in GMT, with a space-padded day', () => {
    expect(parseRetryAfter('Sat Nov 21 12:00:05 2026', now)).toBe(5000);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
  });

  it('gives 0 for a date in the past, never a negative wait', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(0);
  });

  it('caps a date far in the future at 24 hours', () => {
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', now)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('rejects malformed and impossible dates', () => {
    for (const value of [
      'Sat, 21 Nov 2026 25:00:00 GMT',
      'Sat, 31 Feb 2026 10:00:00 GMT',
      'Sat, 21 Nov 2026 12:00:30 PST',
      '2026-11-21T12:00:30Z',
      'Sat, 21 Foo 2026 12:00:30 GMT',
    ]) {
      expect(parseRetryAfter(value, now), value).toBeUndefined();
    }
  });

  it("reads a number as delta-seconds, but never calls a value's own toString", () => {
    expect(parseRetryAfter(120, now)).toBe(120_000);
    expect(parseRetryAfter({ toString: () => '7' }, now)).toBeUndefined();
    expect(parseRetryAfter(true, now)).toBeUndefined();
  });

  it('takes the first value of a repeated header', () => {
    expect(parseRetryAfter(['2', '9'], now)).toBe(2000);
  });
});

describe('parseHttpDate', () => {
  it('reads every month of an IMF-fixdate', () => {
    for (let month = 0; month < 12; month += 1) {
      const epoch = Date.UTC(2026, month, 15, 9, 30, 0);
      // toUTCString writes the IMF-fixdate form of RFC 9110.
      expect(parseHttpDate(new Date(epoch).toUTCString(), now)).toBe(epoch);
    }
  });

  it('accepts each field at its upper bound and a leap second', () => {
    expect(parseHttpDate('Sat, 31 Jan 2026 23:59:59 GMT', now)).toBe(
      Date.UTC(2026, 0, 31, 23, 59, 59),
    );
    expect(parseHttpDate('Sat, 21 Nov 2026 12:00:60 GMT', now)).toBe(
      Date.UTC(2026, 10, 21, 12, 1, 0),
    );
  });

  it('rejects each field one past its range', () => {
    for (const value of [
      'Sat, 00 Nov 2026 12:00:00 GMT',
      'Sat, 32 Jan 2026 12:00:00 GMT',
      'Sat, 31 Jan 2026 24:00:00 GMT',
      'Sat, 21 Nov 2026 12:60:00 GMT',
      'Sat, 21 Nov 2026 12:00:61 GMT',
      'Sat, 31 Apr 2026 12:00:00 GMT',
    ]) {
      expect(parseHttpDate(value, now), value).toBeUndefined();
    }
  });

  it('rejects text before or after a date of each form', () => {
    for (const date of [
      'Sat, 21 Nov 2026 12:00:30 GMT',
      'Saturday, 21-Nov-26 12:00:30 GMT',
      'Sat Nov 21 12:00:30 2026',
    ]) {
      expect(parseHttpDate(date, now), date).toBe(Date.UTC(2026, 10, 21, 12, 0, 30));
      expect(parseHttpDate(`x${date}`, now), `x${date}`).toBeUndefined();
      expect(parseHttpDate(`${date}x`, now), `${date}x`).toBeUndefined();
    }
  });

  it('keeps a two-digit year exactly 50 years ahead, and reads 51 years ahead as last century', () => {
    expect(parseHttpDate('Sunday, 01-Nov-76 00:00:00 GMT', now)).toBe(Date.UTC(2076, 10, 1));
    expect(parseHttpDate('Sunday, 01-Nov-77 00:00:00 GMT', now)).toBe(Date.UTC(1977, 10, 1));
  });

  it('reads a two-digit year more than 50 years ahead as last century', () => {
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(
      Date.UTC(1994, 10, 6, 8, 49, 37),
    );
    expect(parseHttpDate('Monday, 06-Nov-70 08:49:37 GMT', now)).toBe(
      Date.UTC(2070, 10, 6, 8, 49, 37),
    );
  });
});

describe('retryAfterFromHeaders', () => {
  it('reads Retry-After in any casing from a plain record', () => {
    expect(retryAfterFromHeaders({ 'RETRY-AFTER': '3' }, now)).toBe(3000);
    expect(retryAfterFromHeaders({ 'retry-after': ['4'] }, now)).toBe(4000);
  });

  it('reads Retry-After from a Headers object', () => {
    expect(retryAfterFromHeaders(new Headers({ 'Retry-After': '5' }), now)).toBe(5000);
  });

  it('gives undefined when the header is absent', () => {
    expect(retryAfterFromHeaders({}, now)).toBeUndefined();
    expect(retryAfterFromHeaders(undefined, now)).toBeUndefined();
  });
});

describe('clampDelayMs', () => {
  it('keeps delays within 0 to 24 hours and drops non-numbers', () => {
    expect(clampDelayMs(-10)).toBe(0);
    expect(clampDelayMs(1500.4)).toBe(1500);
    expect(clampDelayMs(Number.POSITIVE_INFINITY)).toBe(MAX_RETRY_AFTER_MS);
    expect(clampDelayMs(Number.NaN)).toBeUndefined();
    expect(clampDelayMs(Number.NEGATIVE_INFINITY)).toBeUndefined();
    expect(clampDelayMs('100')).toBeUndefined();
  });
});
