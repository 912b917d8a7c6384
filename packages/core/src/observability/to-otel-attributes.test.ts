import { describe, expect, it } from 'vitest';
import { IssuerError } from '../error/issuer-error';
import { toOtelAttributes } from './to-otel-attributes';

const recipient = new IssuerError({
  provider: 'cardda',
  code: 'invalid_field',
  message: '3 invalid fields: rut, account_number, bank_id',
  status: 422,
  requestId: 'req-7f3a',
  fieldErrors: { rut: ["can't be blank"], account_number: ['4111 1111 1111 1111 is taken'] },
  attempts: 1,
});

describe('toOtelAttributes', () => {
  it('names the facts after OpenTelemetry’s conventions, then issuer.*', () => {
    expect(toOtelAttributes(recipient)).toEqual({
      'error.type': 'validation',
      'http.response.status_code': 422,
      'issuer.provider': 'cardda',
      'issuer.kind': 'validation',
      'issuer.code': 'invalid_field',
      'issuer.request_id': 'req-7f3a',
      'issuer.retryable': false,
      'issuer.outcome': 'rejected',
      'issuer.attempts': 1,
      'issuer.field_names': ['rut', 'account_number'],
    });
  });

  it('keeps the wait, the provider’s code and the retry total when there are some', () => {
    const limited = new IssuerError({
      provider: 'cardda',
      code: 'rate_limited',
      providerCode: 'rate_limit_exceeded',
      message: 'Too many requests',
      status: 429,
      retryAfterMs: 1000,
      attempts: 3,
      totalRetryDelayMs: 2500,
    });
    expect(toOtelAttributes(limited)).toMatchObject({
      'issuer.provider_code': 'rate_limit_exceeded',
      'issuer.retryable': true,
      'issuer.retry_after_ms': 1000,
      'issuer.total_retry_delay_ms': 2500,
    });
  });

  it('carries no message, no field message and no raw response', () => {
    const text = JSON.stringify(toOtelAttributes(recipient));
    for (const hidden of ['invalid fields', "can't be blank", '4111', 'raw']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('reads an error’s JSON the same way', () => {
    expect(toOtelAttributes(JSON.parse(JSON.stringify(recipient)))).toEqual(
      toOtelAttributes(recipient),
    );
  });

  it('keeps only well-typed values of any other input, cleaned', () => {
    expect(toOtelAttributes(null as never)).toEqual({ 'error.type': 'unknown' });
    const hostile = {
      code: 42,
      status: '500',
      provider: { toString: () => 'x' },
      requestId: 'Bearer eyJhbGciOiJIUzI1NiJ9.payload.signature',
      attempts: -1,
      retryable: 'yes',
      fieldErrors: 'rut',
    };
    const attributes = toOtelAttributes(hostile);
    expect(attributes).toEqual({
      'error.type': 'unknown',
      'issuer.request_id': expect.not.stringContaining('eyJhbGci'),
    });
  });

  it('leaves out text facts that are blank once cleaned, ids and codes alike', () => {
    const blank = { code: ' \n', provider: '\u001b[0m', requestId: ' ', providerCode: '\r\n' };
    expect(toOtelAttributes(blank)).toEqual({ 'error.type': 'unknown' });
  });

  it("types the error by its kind: the fine code's kind when only the code is known, else unknown", () => {
    expect(toOtelAttributes({ code: 'invalid_field' })['error.type']).toBe('validation');
    expect(toOtelAttributes({ kind: 'rate_limited', code: 'custom_code' })['error.type']).toBe(
      'rate_limited',
    );
    expect(toOtelAttributes({ kind: 'oops', code: 'not_a_code' })['error.type']).toBe('unknown');
  });

  it('keeps a count of zero: an error from the first attempt that waited nothing', () => {
    expect(toOtelAttributes({ code: 'timeout', attempts: 0, totalRetryDelayMs: 0 })).toEqual({
      'error.type': 'timeout',
      'issuer.code': 'timeout',
      'issuer.attempts': 0,
      'issuer.total_retry_delay_ms': 0,
    });
  });
});
