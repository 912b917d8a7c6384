import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode, isErrorCode, kindOfCode } from './error-codes';
import { ERROR_KINDS } from './error-kinds';

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];

describe('ERROR_CODES', () => {
  it('holds snake_case codes, each belonging to one kind of the taxonomy', () => {
    for (const code of CODES) {
      expect(code).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
      expect(ERROR_KINDS).toContain(ERROR_CODES[code]);
    }
  });

  it('has at least one code for every kind, so every kind can occur', () => {
    expect(new Set(Object.values(ERROR_CODES))).toEqual(new Set(ERROR_KINDS));
  });
});

describe('kindOfCode', () => {
  it('gives the kind of the codes docs/taxonomy.md and the provider docs name', () => {
    const expected: Partial<Record<ErrorCode, string>> = {
      credit_limit_exceeded: 'business_rule',
      user_not_active: 'business_rule',
      operation_in_progress: 'conflict',
      invalid_date_format: 'validation',
      invalid_date_range: 'validation',
      invalid_tax_id: 'validation',
      duplicate_email: 'validation',
      missing_company_id: 'configuration',
      client_certificate_missing: 'configuration',
      request_headers_too_large: 'configuration',
      email_not_verified: 'authentication',
      rate_limited: 'rate_limited',
      upstream_unavailable: 'unavailable',
      core_service_failure: 'internal',
      unexpected_response: 'invalid_response',
    };
    for (const [code, kind] of Object.entries(expected)) {
      expect(kindOfCode(code as ErrorCode)).toBe(kind);
    }
  });
});

describe('isErrorCode', () => {
  it('accepts every code of the catalog', () => {
    for (const code of CODES) expect(isErrorCode(code)).toBe(true);
  });

  it('rejects kinds that are not codes, other spellings and inherited names', () => {
    for (const value of [
      'validation',
      'business_rule',
      'Timeout',
      'rate-limited',
      '',
      'toString',
    ]) {
      expect(isErrorCode(value)).toBe(false);
    }
    expect(isErrorCode('__proto__')).toBe(false);
  });

  it('rejects non-strings, also those that convert to a code', () => {
    expect(isErrorCode(['timeout'])).toBe(false);
    expect(isErrorCode({ toString: () => 'cancelled' })).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
    expect(isErrorCode(null)).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});
