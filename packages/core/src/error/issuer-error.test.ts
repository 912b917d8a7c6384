import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS } from '../http/retry-after';
import { KIND_DEFAULTS } from '../problem-details/kind-defaults';
import { toProblemDetails } from '../problem-details/problem-details';
import { ERROR_CODES, type ErrorCode } from './error-codes';
import { ERROR_KINDS } from './error-kinds';
import { IssuerError, isIssuerError, SAFE_TEXT, type SafeTextInit } from './issuer-error';
import type { IssuerErrorInit } from './issuer-error-types';

const SECRET = 'sk_live_51Hsecret';
const CARD = '4111111111111111';

function sample() {
  return new IssuerError({
    provider: 'cardda',
    code: 'invalid_field',
    message: '2 invalid fields: rut, bank_id',
    providerCode: 'unprocessable_entity',
    status: 422,
    fieldErrors: { rut: ["can't be blank"], bank_id: ['must reference an existing bank'] },
    requestId: 'req-1',
    timestamp: '2024-03-15T10:30:00Z',
    raw: {
      status: 422,
      headers: { 'X-Request-Id': 'req-1', Authorization: `Bearer ${SECRET}` },
      body: { errors: { rut: ["can't be blank"] }, api_key: SECRET },
    },
  });
}

describe('IssuerError', () => {
  it('derives the kind from the code', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      const error = new IssuerError({ provider: 'p', code, message: 'm' });
      expect(error.kind).toBe(ERROR_CODES[code]);
      expect(ERROR_KINDS).toContain(error.kind);
    }
  });

  it('takes retryable and outcome from its kind unless told otherwise', () => {
    const rateLimited = new IssuerError({ provider: 'p', code: 'rate_limited', message: 'm' });
    expect(rateLimited.retryable).toBe(true);
    expect(rateLimited.outcome).toBe('rejected');
    const internal = new IssuerError({ provider: 'p', code: 'internal_error', message: 'm' });
    expect(internal.outcome).toBe(KIND_DEFAULTS.internal.outcome);
    const overridden = new IssuerError({
      provider: 'p',
      code: 'unknown',
      message: 'm',
      retryable: true,
    });
    expect(overridden.retryable).toBe(true);
  });

  it('is an Error named IssuerError with an empty field map by default', () => {
    const error = new IssuerError({ provider: 'p', code: 'not_found', message: 'gone' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('IssuerError');
    expect(String(error)).toBe('IssuerError: gone');
    expect(error.stack?.startsWith('IssuerError: gone')).toBe(true);
    expect(error.fieldErrors).toEqual({});
    expect(Object.keys(error)).not.toContain('status');
  });

  it('cleans the message: one line, card numbers masked, secrets removed', () => {
    const error = new IssuerError({
      provider: 'p',
      code: 'unknown',
      message: `bad card ${CARD}\r\ninjected: Bearer ${SECRET}`,
    });
    expect(error.message).toBe('bad card ************1111 injected: Bearer [REDACTED]');
  });

  it('clamps retryAfterMs and ignores invalid numbers', () => {
    const make = (retryAfterMs: number) =>
      new IssuerError({ provider: 'p', code: 'rate_limited', message: 'm', retryAfterMs })
        .retryAfterMs;
    expect(make(-5)).toBe(0);
    expect(make(1e12)).toBe(MAX_RETRY_AFTER_MS);
    expect(make(Number.NaN)).toBeUndefined();
  });

  it('keeps no credential or card number on any surface', () => {
    const error = new IssuerError({
      provider: 'clara',
      code: 'unknown',
      message: `failed for ${CARD}`,
      raw: {
        headers: { authorization: SECRET, cookie: SECRET },
        body: { token: SECRET, pan: CARD },
      },
      cause: Object.assign(new Error(`request with Bearer ${SECRET} failed`), {
        request: { headers: { authorization: SECRET } },
      }),
    });
    const surfaces = [
      String(error),
      error.stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
      JSON.stringify(toProblemDetails(error)),
    ];
    for (const surface of surfaces) {
      expect(surface).not.toContain(SECRET);
      expect(surface).not.toContain(CARD);
    }
  });

  it('keeps a safe copy of the cause chain with its codes', () => {
    const cause = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    });
    const error = new IssuerError({
      provider: 'p',
      code: 'connection_failed',
      message: 'm',
      cause,
    });
    expect(error.cause).not.toBe(cause);
    expect((error.cause as Error).message).toBe('fetch failed');
    expect(((error.cause as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('has no cause property unless it was given one', () => {
    const plain = new IssuerError({ provider: 'p', code: 'unknown', message: 'm' });
    expect('cause' in plain).toBe(false);
    const caused = new IssuerError({ provider: 'p', code: 'unknown', message: 'm', cause: 'x' });
    expect(Object.hasOwn(caused, 'cause')).toBe(true);
  });

  it('leaves out short texts that are blank once cleaned', () => {
    const error = new IssuerError({
      provider: 'p',
      code: 'unknown',
      message: 'm',
      providerCode: '   ',
      requestId: '\r\n',
      timestamp: '',
    });
    for (const field of ['providerCode', 'requestId', 'timestamp']) {
      expect(Object.hasOwn(error, field)).toBe(false);
    }
  });

  it('keeps attempts and total delay only as non-negative safe integers', () => {
    const make = (value: number) =>
      new IssuerError({
        provider: 'p',
        code: 'timeout',
        message: 'm',
        attempts: value,
        totalRetryDelayMs: value,
      });
    expect([make(0).attempts, make(0).totalRetryDelayMs]).toEqual([0, 0]);
    for (const value of [-1, 1.5, 2 ** 53, Number.NaN]) {
      const error = make(value);
      expect([Object.hasOwn(error, 'attempts'), Object.hasOwn(error, 'totalRetryDelayMs')]).toEqual(
        [false, false],
      );
    }
  });

  it('keeps only allow-listed headers in raw, and no status or body it was not given', () => {
    expect(new IssuerError({ provider: 'p', code: 'unknown', message: 'm' }).raw).toStrictEqual({
      headers: {},
    });
    const error = new IssuerError({
      provider: 'p',
      code: 'unknown',
      message: 'm',
      raw: { status: 42, headers: { 'Retry-After': '1', Cookie: 'a=b' } },
    });
    expect(error.raw).toStrictEqual({ headers: { 'retry-after': '1' } });
  });

  it('redacts raw once, on its first read, and a copy made before that read redacts too', () => {
    const init = {
      provider: 'p',
      code: 'unknown',
      message: 'm',
      raw: { status: 400, headers: {}, body: { api_key: 'sk_live_abc123', note: 'ok' } },
    } as const;
    const error = new IssuerError(init);
    const copy = error.with({ attempts: 2 });
    expect(error.raw).toBe(error.raw);
    expect(error.raw.body).toStrictEqual({ note: 'ok' });
    expect(copy.raw).toStrictEqual(error.raw);
    expect(JSON.stringify(copy)).not.toContain('sk_live_abc123');
  });

  it('can be renamed like any Error, its name being writable', () => {
    const error = new IssuerError({ provider: 'p', code: 'unknown', message: 'm' });
    error.name = 'PaymentError';
    expect(String(error)).toBe('PaymentError: m');
    expect(new IssuerError({ provider: 'p', code: 'unknown', message: 'm' }).name).toBe(
      'IssuerError',
    );
  });

  it('copies itself with changed facts through with()', () => {
    const error = sample().with({ attempts: 3, totalRetryDelayMs: 1500 });
    expect(error.attempts).toBe(3);
    expect(error.totalRetryDelayMs).toBe(1500);
    expect(error.code).toBe('invalid_field');
    expect(error.fieldErrors).toEqual(sample().fieldErrors);
  });
});

describe('IssuerError: an init normalize has cleaned', () => {
  const init: IssuerErrorInit = {
    provider: 'acme',
    code: 'invalid_field',
    message: 'kept  as  given',
    fieldErrors: { iban: ['kept  as  given'] },
  };

  it('takes the marked message and field errors as they are, and cleans every other init', () => {
    const fieldErrors = { iban: ['kept  as  given'] };
    const marked: SafeTextInit = { ...init, fieldErrors, [SAFE_TEXT]: true };
    const trusted = new IssuerError(marked);
    expect(trusted.message).toBe('kept  as  given');
    expect(trusted.fieldErrors).toBe(fieldErrors);
    const cleaned = new IssuerError(init);
    expect(cleaned.message).toBe('kept as given');
    expect(cleaned.fieldErrors).toEqual({ iban: ['kept as given'] });
  });

  it('keeps every fact of a marked init as given: normalize has cleaned them', () => {
    const marked: SafeTextInit = {
      ...init,
      [SAFE_TEXT]: true,
      fieldErrors: {},
      provider: 'acme  labs',
      providerCode: 'B013  x',
      requestId: 'req  1',
      timestamp: 'at  noon',
    };
    const error = new IssuerError(marked);
    expect([error.provider, error.providerCode, error.requestId, error.timestamp]).toEqual([
      'acme  labs',
      'B013  x',
      'req  1',
      'at  noon',
    ]);
  });

  it('cleans the same facts of an unmarked init', () => {
    const error = new IssuerError({
      ...init,
      provider: 'acme\nlabs',
      providerCode: 'B013\u0007',
      requestId: 'req\u001B[31m_1',
      timestamp: 'at  noon',
      status: 99,
      retryAfterMs: -5,
      attempts: 1.5,
    });
    expect([error.provider, error.providerCode, error.requestId, error.timestamp]).toEqual([
      'acme labs',
      'B013',
      'req_1',
      'at noon',
    ]);
    expect([error.status, error.retryAfterMs, error.attempts]).toEqual([undefined, 0, undefined]);
  });
});

describe('isIssuerError', () => {
  it('recognises errors from another copy of the package by their brand', () => {
    const foreign = Object.create({ [Symbol.for('issuer-errors.IssuerError')]: true });
    expect(isIssuerError(foreign)).toBe(true);
    expect(isIssuerError(sample())).toBe(true);
  });

  it('rejects look-alikes', () => {
    expect(isIssuerError(new Error('x'))).toBe(false);
    expect(isIssuerError({ name: 'IssuerError', kind: 'unknown' })).toBe(false);
    expect(isIssuerError(null)).toBe(false);
    expect(isIssuerError('IssuerError')).toBe(false);
  });
});
