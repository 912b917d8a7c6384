import { describe, expect, it } from 'vitest';
import type { FieldErrors } from '../error/field-errors';
import { IssuerError } from '../error/issuer-error';
import { toProblemDetails } from './problem-details';

const REQUEST_ID = '8f3c2a7e-1b4d-4f9a-b2c5-9d7e8f1a2b3c';

/** The Cardda 422 on a new recipient of docs/guides/problem-details.md. */
function recipientRejected() {
  return new IssuerError({
    provider: 'cardda',
    code: 'invalid_field',
    message: '3 invalid fields: rut, account_number, bank_id',
    status: 422,
    requestId: REQUEST_ID,
    fieldErrors: {
      rut: ["can't be blank", 'is invalid'],
      account_number: ["can't be blank"],
      bank_id: ['must reference an existing bank'],
    },
  });
}

function pointersOf(fieldErrors: FieldErrors): string[] {
  const error = new IssuerError({
    provider: 'p',
    code: 'invalid_field',
    message: 'm',
    fieldErrors,
  });
  return toProblemDetails(error).errors.map((entry) => entry.pointer);
}

describe('toProblemDetails', () => {
  it('renders the documented problem+json of a Cardda 422, one pointer per field message', () => {
    expect(toProblemDetails(recipientRejected())).toStrictEqual({
      type: 'urn:issuer-errors:invalid_field',
      title: 'Invalid request',
      status: 422,
      detail: '3 invalid fields: rut, account_number, bank_id',
      instance: `urn:issuer-errors:request:${REQUEST_ID}`,
      provider: 'cardda',
      kind: 'validation',
      code: 'invalid_field',
      requestId: REQUEST_ID,
      retryable: false,
      errors: [
        { pointer: '#/rut', detail: "can't be blank" },
        { pointer: '#/rut', detail: 'is invalid' },
        { pointer: '#/account_number', detail: "can't be blank" },
        { pointer: '#/bank_id', detail: 'must reference an existing bank' },
      ],
    });
  });

  it('answers with the status and instance given as options', () => {
    const problem = toProblemDetails(recipientRejected(), { status: 400, instance: '/orders/1' });
    expect(problem.status).toBe(400);
    expect(problem.instance).toBe('/orders/1');
  });

  it('falls back to the kind default status when no response arrived', () => {
    const error = new IssuerError({ provider: 'p', code: 'timeout', message: 'slow' });
    expect(toProblemDetails(error).status).toBe(504);
  });

  it('leaves out the members an error does not know, rather than writing them as undefined', () => {
    const error = new IssuerError({ provider: 'clara', code: 'not_found', message: 'gone' });
    expect(toProblemDetails(error)).toStrictEqual({
      type: 'urn:issuer-errors:not_found',
      title: 'Not found',
      status: 404,
      detail: 'gone',
      provider: 'clara',
      kind: 'not_found',
      code: 'not_found',
      retryable: false,
      errors: [],
    });
  });

  it('carries the provider code and the wait before a retry when known', () => {
    const error = new IssuerError({
      provider: 'cardda',
      code: 'rate_limited',
      message: 'Too many requests',
      providerCode: 'rate_limit_exceeded',
      status: 429,
      retryAfterMs: 1000,
    });
    expect(toProblemDetails(error)).toMatchObject({
      status: 429,
      providerCode: 'rate_limit_exceeded',
      retryable: true,
      retryAfterMs: 1000,
    });
  });

  it('names the occurrence by the request id, percent-encoded into the URN', () => {
    const error = new IssuerError({
      provider: 'p',
      code: 'unknown',
      message: 'm',
      requestId: 'a/b c',
    });
    expect(toProblemDetails(error).instance).toBe('urn:issuer-errors:request:a%2Fb%20c');
  });
});

describe('toProblemDetails field pointers', () => {
  it('turns dotted field names into JSON pointer segments', () => {
    expect(pointersOf({ 'address.street': ['is blank'], 'items.0.sku': ['unknown'] })).toEqual([
      '#/address/street',
      '#/items/0/sku',
    ]);
  });

  it('escapes ~ as ~0 and / as ~1 (RFC 6901 §3)', () => {
    expect(pointersOf({ 'a/b': ['x'], 'm~n': ['y'], '~1': ['z'] })).toEqual([
      '#/a~1b',
      '#/m~0n',
      '#/~01',
    ]);
  });

  it('percent-encodes what a URI fragment cannot hold (RFC 6901 §6 examples)', () => {
    expect(
      pointersOf({ 'c%d': ['x'], 'e^f': ['x'], 'g|h': ['x'], 'i\\j': ['x'], 'k"l': ['x'] }),
    ).toEqual(['#/c%25d', '#/e%5Ef', '#/g%7Ch', '#/i%5Cj', '#/k%22l']);
    expect(pointersOf({ 'first name': ['x'], 'año#1': ['x'] })).toEqual([
      '#/first%20name',
      '#/a%C3%B1o%231',
    ]);
  });

  it('never throws on a lone surrogate from a provider body: it becomes U+FFFD', () => {
    const error = new IssuerError({
      provider: 'p',
      code: 'invalid_field',
      message: 'm',
      requestId: 'req\uD800-\uDC00',
      fieldErrors: { 'x\uDFFF\uD83D': ['bad'], 'emoji😀': ['ok'] },
    });
    const problem = toProblemDetails(error);
    expect(problem.instance).toBe('urn:issuer-errors:request:req%EF%BF%BD-%EF%BF%BD');
    expect(problem.errors.map((entry) => entry.pointer)).toEqual([
      '#/x%EF%BF%BD%EF%BF%BD',
      '#/emoji%F0%9F%98%80',
    ]);
  });
});
