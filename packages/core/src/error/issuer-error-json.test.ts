import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS } from '../http/retry-after';
import { IssuerError, isIssuerError } from './issuer-error';
import { issuerErrorFromJSON as fromJSON } from './issuer-error-json';

const SECRET = 'sk_live_51Hsecret';

function errorMessageOf(value: unknown): string {
  return fromJSON(value)._unsafeUnwrapErr().message;
}

function sample() {
  return new IssuerError({
    provider: 'cardda',
    code: 'invalid_field',
    message: '2 invalid fields: rut, bank_id',
    providerCode: 'unprocessable_entity',
    status: 422,
    retryAfterMs: 1500,
    fieldErrors: { rut: ["can't be blank"], bank_id: ['must reference an existing bank'] },
    requestId: 'req-1',
    timestamp: '2024-03-15T10:30:00Z',
    attempts: 2,
    totalRetryDelayMs: 300,
    raw: {
      status: 422,
      headers: { 'X-Request-Id': 'req-1', Authorization: `Bearer ${SECRET}` },
      body: { errors: { rut: ["can't be blank"] }, api_key: SECRET },
    },
  });
}

/** The JSON a queue would carry. */
function sampleJson(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(sample()));
}

describe('IssuerError JSON', () => {
  it('writes the documented shape, redacted, with cause left out', () => {
    const json = sampleJson();
    expect(json).toMatchObject({ name: 'IssuerError', kind: 'validation', code: 'invalid_field' });
    expect(json.raw).toStrictEqual({
      status: 422,
      headers: { 'x-request-id': 'req-1' },
      body: { errors: { rut: ["can't be blank"] } },
    });
    expect(Object.hasOwn(json, 'cause')).toBe(false);
  });

  it('round-trips through toJSON and fromJSON, every field kept', () => {
    const back = fromJSON(sampleJson())._unsafeUnwrap();
    expect(isIssuerError(back)).toBe(true);
    expect(back.toJSON()).toStrictEqual(sample().toJSON());
  });

  it('reads JSON without the optional fields, leaving them out', () => {
    const back = fromJSON({
      provider: 'clara',
      kind: 'not_found',
      code: 'not_found',
      message: 'gone',
      retryable: false,
      outcome: 'rejected',
      fieldErrors: {},
    })._unsafeUnwrap();
    expect(back.toJSON()).toStrictEqual({
      name: 'IssuerError',
      provider: 'clara',
      kind: 'not_found',
      code: 'not_found',
      message: 'gone',
      retryable: false,
      outcome: 'rejected',
      fieldErrors: {},
      raw: { headers: {} },
    });
  });

  it('rejects a code that does not belong to the kind, naming the code', () => {
    expect(errorMessageOf({ ...sampleJson(), kind: 'rate_limited' })).toBe(
      'Not an IssuerError JSON: invalid code',
    );
  });

  it('names each invalid field once, nested ones by their dotted path', () => {
    expect(errorMessageOf({ ...sampleJson(), kind: 'nope', status: 99.5 })).toBe(
      'Not an IssuerError JSON: invalid kind, status',
    );
    expect(errorMessageOf({ ...sampleJson(), fieldErrors: { rut: [1] } })).toBe(
      'Not an IssuerError JSON: invalid fieldErrors.rut.0',
    );
    expect(errorMessageOf({ ...sampleJson(), raw: { headers: { date: 1 } } })).toBe(
      'Not an IssuerError JSON: invalid raw.headers.date',
    );
  });

  it('rejects what is not an object as a whole', () => {
    for (const value of [null, undefined, 'IssuerError', 42, []]) {
      expect(errorMessageOf(value)).toBe('Not an IssuerError JSON: invalid (root)');
    }
  });

  it('answers an object whose fields throw when read, instead of throwing', () => {
    const hostile = new Proxy(sampleJson(), {
      get() {
        throw new Error(SECRET);
      },
    });
    expect(errorMessageOf(hostile)).toBe('Not an IssuerError JSON: invalid (root)');
  });

  it('never puts a value into its message', () => {
    const message = errorMessageOf({ ...sampleJson(), provider: SECRET, kind: SECRET });
    expect(message).toBe('Not an IssuerError JSON: invalid kind');
  });

  it.each([
    ['name', 'Error'],
    ['provider', ''],
    ['code', 'teapot'],
    ['status', 99],
    ['status', 600],
    ['status', 422.5],
    ['retryAfterMs', -1],
    ['retryAfterMs', MAX_RETRY_AFTER_MS + 1],
    ['outcome', 'maybe'],
    ['retryable', 'yes'],
    ['attempts', -1],
    ['attempts', 1.5],
    ['totalRetryDelayMs', -1],
    ['message', 7],
    ['providerCode', 7],
    ['requestId', 7],
    ['timestamp', 7],
    ['retryAfterMs', Number.NaN],
    ['retryAfterMs', Number.POSITIVE_INFINITY],
    ['fieldErrors', []],
    ['fieldErrors', null],
    ['raw', 'raw'],
    ['kind', undefined],
    ['provider', ['clara']],
  ])('rejects %s %j, naming it', (field, value) => {
    expect(errorMessageOf({ ...sampleJson(), [field]: value })).toBe(
      `Not an IssuerError JSON: invalid ${field}`,
    );
  });

  it('names the invalid parts of raw by their path', () => {
    expect(errorMessageOf({ ...sampleJson(), raw: { status: Number.NaN } })).toBe(
      'Not an IssuerError JSON: invalid raw.status',
    );
    expect(errorMessageOf({ ...sampleJson(), raw: { headers: [] } })).toBe(
      'Not an IssuerError JSON: invalid raw.headers',
    );
    expect(errorMessageOf({ ...sampleJson(), fieldErrors: { rut: 'x' } })).toBe(
      'Not an IssuerError JSON: invalid fieldErrors.rut',
    );
  });

  it('accepts zero attempts and zero total wait', () => {
    const back = fromJSON({ ...sampleJson(), attempts: 0, totalRetryDelayMs: 0 })._unsafeUnwrap();
    expect([back.attempts, back.totalRetryDelayMs]).toEqual([0, 0]);
  });

  it('accepts the bounds of status and retryAfterMs', () => {
    const low = fromJSON({ ...sampleJson(), status: 100, retryAfterMs: 0 })._unsafeUnwrap();
    expect([low.status, low.retryAfterMs]).toEqual([100, 0]);
    const high = fromJSON({
      ...sampleJson(),
      status: 599,
      retryAfterMs: MAX_RETRY_AFTER_MS,
    })._unsafeUnwrap();
    expect([high.status, high.retryAfterMs]).toEqual([599, MAX_RETRY_AFTER_MS]);
  });

  it('drops fields it does not know and hostile field names from tampered JSON', () => {
    const tampered = JSON.parse(
      JSON.stringify(sampleJson())
        .replace('"fieldErrors":{', '"fieldErrors":{"__proto__":["polluted"],')
        .replace('"name":"IssuerError"', '"name":"IssuerError","cause":"injected"'),
    );
    const back = fromJSON(tampered)._unsafeUnwrap();
    expect(back.fieldErrors).toStrictEqual(sample().fieldErrors);
    expect(back.cause).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
