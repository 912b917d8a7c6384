import { describe, expect, it } from 'vitest';
import { getHeader } from './headers';
import { MAX_RAW_BODY_BYTES, redactBody } from './redact-body';
import { redactHeaders } from './redact-headers';
import { getRequestId } from './request-id';

describe('getHeader', () => {
  it('reads a header in any casing from a record and from Headers', () => {
    expect(getHeader({ 'X-Request-ID': 'a' }, 'x-request-id')).toBe('a');
    expect(getHeader(new Headers({ 'x-request-id': 'b' }), 'X-Request-Id')).toBe('b');
  });

  it('never throws on hostile header objects', () => {
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
});

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
});

describe('redactBody', () => {
  it('drops credentials and card-security fields and masks card numbers', () => {
    const body = redactBody({
      message: 'card 4111111111111111 declined',
      access_token: 'tok',
      client_secret: 'sec',
      apiKey: 'key',
      cvv: '123',
      nested: { refresh_token: 'r', Authorization: 'Bearer x', ok: 1 },
    });
    expect(body).toEqual({ message: 'card ************1111 declined', nested: { ok: 1 } });
  });

  it('keeps a text body, masked and cut to 8 KiB', () => {
    const text = redactBody(`<html>${'x'.repeat(20_000)}</html>`) as string;
    expect(typeof text).toBe('string');
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(MAX_RAW_BODY_BYTES);
  });

  it('cuts a large JSON body to an 8 KiB string', () => {
    const body = redactBody({ items: Array.from({ length: 50 }, () => 'y'.repeat(900)) });
    expect(typeof body).toBe('string');
    expect(new TextEncoder().encode(body as string).length).toBeLessThanOrEqual(MAX_RAW_BODY_BYTES);
  });

  it('breaks cycles and bounds depth', () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    expect(redactBody(circular)).toEqual({ a: 1, self: '[Circular]' });
    const deep = JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`);
    expect(JSON.stringify(redactBody(deep))).toContain('[Truncated]');
  });

  it('skips __proto__ keys and leaves Object.prototype untouched', () => {
    const body = redactBody(
      JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}'),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.hasOwn(body as object, '__proto__')).toBe(false);
  });

  it('never throws on hostile objects', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(() => redactBody(hostile)).not.toThrow();
    expect(redactBody(10n)).toBe('10');
    expect(redactBody(Number.NaN)).toBeNull();
  });
});
