import { describe, expect, it } from 'vitest';
import { ERROR_KINDS, isErrorKind } from './error-kinds';

describe('ERROR_KINDS', () => {
  it('is the closed taxonomy of docs/taxonomy.md, in its order', () => {
    expect(ERROR_KINDS).toEqual([
      'validation',
      'authentication',
      'permission',
      'not_found',
      'conflict',
      'business_rule',
      'rate_limited',
      'unavailable',
      'internal',
      'configuration',
      'network',
      'timeout',
      'cancelled',
      'invalid_response',
      'unknown',
    ]);
  });
});

describe('isErrorKind', () => {
  it('accepts every kind', () => {
    for (const kind of ERROR_KINDS) expect(isErrorKind(kind)).toBe(true);
  });

  it('rejects other spellings, codes that are not kinds and non-strings', () => {
    for (const value of ['Validation', 'rate-limited', 'forbidden', '', ' unknown', 'toString']) {
      expect(isErrorKind(value)).toBe(false);
    }
    for (const value of [undefined, null, 0, ['unknown'], { kind: 'unknown' }]) {
      expect(isErrorKind(value)).toBe(false);
    }
  });
});
