import { describe, expect, it } from 'vitest';
import { toHttpStatus } from './http-status';

describe('toHttpStatus', () => {
  it('keeps integers from 100 to 599, the bounds included', () => {
    for (const status of [100, 200, 422, 599]) expect(toHttpStatus(status)).toBe(status);
  });

  it('rejects integers outside 100–599', () => {
    for (const status of [-404, 0, 99, 600, 1000]) expect(toHttpStatus(status)).toBeUndefined();
  });

  it('rejects non-integers and non-numbers', () => {
    for (const value of [404.5, Number.NaN, Number.POSITIVE_INFINITY, '404', null, undefined]) {
      expect(toHttpStatus(value)).toBeUndefined();
    }
  });
});
