import { describe, expect, it } from 'vitest';
import { ALLOWED_HEADERS, redactHeaders } from './redact-headers';
import { getRequestId } from './request-id';

describe('getRequestId', () => {
  it('reads X-Request-Id in any casing', () => {
    expect(getRequestId({ 'X-REQUEST-ID': '8f3c2a7e' })).toBe('8f3c2a7e');
    expect(getRequestId(new Headers({ 'x-request-id': '8f3c' }))).toBe('8f3c');
  });

  it('cleans a request id of line breaks (no log injection)', () => {
    expect(getRequestId({ 'x-request-id': 'abc\r\nSet-Cookie: x' })).toBe(
      'abc Set-Cookie: [REDACTED]',
    );
  });

  it('ignores a blank request id', () => {
    expect(getRequestId({ 'x-request-id': '   ' })).toBeUndefined();
  });
});

describe('redactHeaders', () => {
  it('keeps a request id whole whatever its shape, and masks a card number in another kept header', () => {
    const requestId = '111b3862-7a73-4d32-8468-14439855bd80';
    expect(
      redactHeaders({ 'X-Request-Id': requestId, 'Content-Type': 'text/plain; 4111111111111111' }),
    ).toEqual({ 'x-request-id': requestId, 'content-type': 'text/plain; ************1111' });
  });

  it('keeps only allow-listed headers, lower-cased', () => {
    const kept = redactHeaders({
      'Content-Type': 'application/json',
      'Retry-After': '1',
      'X-Request-Id': 'r-1',
      Authorization: 'Bearer secret-token',
      Cookie: 'session=abc',
      'Set-Cookie': 'session=abc',
      'X-Api-Key': 'key-123',
      'company-id': '550e8400',
    });
    expect(kept).toEqual({
      'content-type': 'application/json',
      'retry-after': '1',
      'x-request-id': 'r-1',
    });
  });

  it('keeps the content type, Retry-After, date, request ids and rate-limit headers', () => {
    const headers = {
      'Content-Type': 'application/json',
      'Retry-After': '30',
      Date: 'Fri, 15 Mar 2024 10:30:00 GMT',
      'X-Request-Id': 'r-1',
      'Request-Id': 'r-2',
      'X-Correlation-Id': 'r-3',
      RateLimit: 'limit=100, remaining=0, reset=30',
      'RateLimit-Policy': '100;w=60',
      'RateLimit-Limit': '100',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '30',
      'X-RateLimit-Limit': '100',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': '1710498630',
    };
    const kept = redactHeaders(headers);
    expect(kept).toStrictEqual(
      Object.fromEntries(
        Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
      ),
    );
    expect(new Set(Object.keys(kept))).toStrictEqual(ALLOWED_HEADERS);
  });

  it('keeps header values to one line of at most 256 bytes', () => {
    expect(redactHeaders({ 'X-Request-Id': `r-1\r\n${'x'.repeat(300)}` })).toStrictEqual({
      'x-request-id': `r-1 ${'x'.repeat(249)}…`,
    });
  });
});
