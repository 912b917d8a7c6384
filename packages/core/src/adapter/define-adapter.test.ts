import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldErrorsFromMap } from '../error/field-errors';
import { IssuerError } from '../error/issuer-error';
import { issuerErrorFromJSON } from '../error/issuer-error-json';
import { defineAdapter } from './define-adapter';
import { lenientObject } from './lenient-object';

const acme = defineAdapter({
  name: 'acme',
  displayName: 'Acme',
  bodySchema: lenientObject({
    code: 'string',
    error: 'string',
    message: 'string',
    timestamp: 'string',
    retry_after: 'number',
    errors: 'unknown',
  }),
  bodyFields: {
    providerCode: ['code', 'error'],
    message: 'message',
    timestamp: 'timestamp',
    retryAfterSeconds: 'retry_after',
  },
  fieldErrors: { key: 'errors', read: fieldErrorsFromMap },
  rules: [
    {
      message: /queue is busy/i,
      code: 'operation_in_progress',
      retryable: true,
      retryAfterMs: 120_000,
    },
    {
      providerCode: 'LIMIT',
      code: 'credit_limit_exceeded',
    },
    {
      status: 400,
      message: /Invalid date format: (\w+) must be/,
      code: 'invalid_date_format',
      field: { fromMessage: /Invalid date format: (\w+) must be/ },
    },
    { status: 400, code: 'invalid_request' },
    { status: 429, code: 'rate_limited', retryAfterMs: 1000 },
    {
      status: 500,
      code: 'internal_error',
      maxRetries: 1,
    },
  ],
  retry: { backoff: { baseMs: 100, factor: 2, maxMs: 1000, jitter: 'full' } },
});

describe('defineAdapter: normalize', () => {
  it('lets the status decide the kind when no code or message rule matches', () => {
    const error = acme.normalize({ status: 400, body: '{"code":"OTHER","message":"nope"}' });
    expect(error).toMatchObject({
      provider: 'acme',
      kind: 'validation',
      code: 'invalid_request',
      providerCode: 'OTHER',
      message: 'nope',
      status: 400,
    });
  });

  it('prefers a provider-code rule over the status rule, at any status', () => {
    expect(acme.normalize({ status: 400, body: { code: 'LIMIT' } }).code).toBe(
      'credit_limit_exceeded',
    );
    expect(acme.normalize({ status: 422, body: { code: 'LIMIT' } }).code).toBe(
      'credit_limit_exceeded',
    );
  });

  it('matches message patterns and takes the field name from the message', () => {
    const error = acme.normalize({
      status: 400,
      body: { message: 'Invalid date format: startDate must be YYYY-MM-DD' },
    });
    expect(error.code).toBe('invalid_date_format');
    expect(error.fieldErrors).toEqual({
      startDate: ['Invalid date format: startDate must be YYYY-MM-DD'],
    });
  });

  it('reads the provider code from a fallback key', () => {
    expect(acme.normalize({ status: 401, body: { error: 'invalid_client' } }).providerCode).toBe(
      'invalid_client',
    );
  });

  it('takes Retry-After first, then the body hint, then the documented wait', () => {
    const body = { retry_after: 2 };
    expect(
      acme.normalize({ status: 429, headers: { 'Retry-After': '5' }, body }).retryAfterMs,
    ).toBe(5000);
    expect(acme.normalize({ status: 429, body }).retryAfterMs).toBe(2000);
    expect(acme.normalize({ status: 429, body: { retry_after: -3 } }).retryAfterMs).toBe(1000);
    expect(acme.normalize({ status: 429 }).retryAfterMs).toBe(1000);
  });

  it('keeps unmapped input as unknown with the provider code and message', () => {
    const error = acme.normalize({
      status: 418,
      body: '{"code":"TEAPOT","message":"short and stout"}',
    });
    expect(error).toMatchObject({
      kind: 'unknown',
      code: 'unknown',
      providerCode: 'TEAPOT',
      message: 'short and stout',
      retryable: false,
    });
  });

  it('builds a default message from field names, then the code, then the status', () => {
    expect(acme.normalize({ status: 422, body: { errors: { a: ['x'], b: ['y'] } } }).message).toBe(
      '2 invalid fields: a, b',
    );
    expect(acme.normalize({ status: 404, body: { error: 'not_found' } }).message).toBe(
      'Acme: not_found',
    );
    expect(acme.normalize({ status: 503, body: '<html>Service Unavailable</html>' }).message).toBe(
      'Acme answered with HTTP 503',
    );
  });

  it('keeps the request id, the timestamp and a redacted raw response', () => {
    const error = acme.normalize({
      status: 500,
      headers: { 'X-REQUEST-ID': 'r-9', Authorization: 'Bearer t0ken' },
      body: '{"message":"Core service failure","timestamp":"2024-03-15T10:30:00Z","password":"p"}',
    });
    expect(error.requestId).toBe('r-9');
    expect(error.timestamp).toBe('2024-03-15T10:30:00Z');
    expect(error.raw).toEqual({
      status: 500,
      headers: { 'x-request-id': 'r-9' },
      body: { message: 'Core service failure', timestamp: '2024-03-15T10:30:00Z' },
    });
  });

  it('reads parsed objects and byte bodies as well as text', () => {
    const bytes = new TextEncoder().encode('{"code":"LIMIT"}');
    expect(acme.normalize({ status: 422, body: bytes }).code).toBe('credit_limit_exceeded');
    expect(acme.normalize({ status: 422, body: bytes.buffer }).code).toBe('credit_limit_exceeded');
  });

  it('never throws, whatever it is given', () => {
    const circular: Record<string, unknown> = { message: 'loop' };
    circular.self = circular;
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      { status: Number.NaN },
      { status: 0, body: undefined },
      { status: 600, body: '{' },
      { status: 500, body: circular },
      { status: 500, body: 'x'.repeat(5 * 1024 * 1024) },
      { status: 500, body: `{"message":"${'y'.repeat(5 * 1024 * 1024)}"}` },
      { status: 500, body: throwing },
      { status: 500, headers: throwing },
      throwing,
      { status: 400, body: { message: 42, code: {}, errors: 'not a map', timestamp: [] } },
      { status: 400, body: '[1,2,3]' },
      { status: 400, body: '{"__proto__":{"polluted":true},"message":"hi"}' },
    ];
    for (const input of inputs) {
      const error = acme.normalize(input as never);
      expect(error).toBeInstanceOf(IssuerError);
      expect(new TextEncoder().encode(error.message).length).toBeLessThanOrEqual(1024);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('treats a status outside 100-599 as missing', () => {
    const error = acme.normalize({ status: Number.NaN });
    expect(error.status).toBeUndefined();
    expect(error.kind).toBe('unknown');
    expect(error.message).toBe('Acme answered with an invalid HTTP status');
  });

  it('gives back the very rule normalize found, also one matched by a code read as the message', () => {
    const legacy = defineAdapter({
      name: 'legacy',
      bodySchema: lenientObject({ error: 'string' }),
      bodyFields: { providerCode: 'error' },
      rules: [
        { status: 503, message: /^MAINTENANCE$/, code: 'upstream_unavailable', maxRetries: 0 },
      ],
      retry: acme.retry,
    });
    const error = legacy.normalize({ status: 503, body: { error: 'MAINTENANCE' } });
    expect(error.message).toBe('legacy: MAINTENANCE');
    expect(legacy.ruleFor(error)).toBe(legacy.rules[0]);
  });

  it('gives an error normalize matched no rule for no rule, though its own message would match one', () => {
    const legacy = defineAdapter({
      name: 'legacy',
      bodySchema: lenientObject({ error: 'string' }),
      bodyFields: { providerCode: 'error' },
      rules: [{ status: 503, message: /legacy: MAINTENANCE/, code: 'upstream_unavailable' }],
      retry: acme.retry,
    });
    const error = legacy.normalize({ status: 503, body: { error: 'MAINTENANCE' } });
    expect([error.code, error.message]).toEqual(['unknown', 'legacy: MAINTENANCE']);
    expect(legacy.ruleFor(error)).toBeUndefined();
  });

  it('finds the rule of an error again, also after a JSON round trip', () => {
    const error = acme.normalize({ status: 500, body: { message: 'down' } });
    const copy = issuerErrorFromJSON(JSON.parse(JSON.stringify(error)))._unsafeUnwrap();
    expect(acme.ruleFor(copy)?.maxRetries).toBe(1);
  });
});

describe('defineAdapter: fromResponse', () => {
  it('reads the body and headers of a Response', async () => {
    const response = new Response('{"code":"LIMIT","message":"Threshold exceeds company limit"}', {
      status: 422,
      headers: { 'x-request-id': 'abc' },
    });
    const error = await acme.fromResponse(response);
    expect(error).toMatchObject({ code: 'credit_limit_exceeded', requestId: 'abc', status: 422 });
  });

  it('normalizes a response whose body was already read', async () => {
    const response = new Response('{}', { status: 429 });
    await response.text();
    expect((await acme.fromResponse(response)).kind).toBe('rate_limited');
  });

  it('never rejects, even on a response-like object whose body cannot be read', async () => {
    const unreadable = { status: 502, headers: new Headers(), bodyUsed: false, body: {} };
    const error = await acme.fromResponse(unreadable as unknown as Response);
    expect(error).toBeInstanceOf(IssuerError);
    expect(error.provider).toBe('acme');
    expect(error.cause).toMatchObject({ name: 'TypeError' });
  });

  describe('a body that never ends', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    /** A 502 whose body sends its first bytes, then nothing more, ever. */
    const endless502 = () => {
      let cancelled = false;
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(new TextEncoder().encode('<html>Bad')),
        cancel: () => {
          cancelled = true;
        },
      });
      const response = new Response(body, {
        status: 502,
        headers: { 'x-request-id': 'req-502', 'content-type': 'text/html' },
      });
      return { response, cancelled: () => cancelled };
    };

    /** Settles to `'pending'` while `promise` has not settled once queued work has run. */
    const state = <T>(promise: Promise<T>) =>
      Promise.race([promise, vi.advanceTimersByTimeAsync(0).then(() => 'pending' as const)]);

    it('gives up after 10 s without a signal, with the error the status and what arrived say', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const { response, cancelled } = endless502();
      const read = acme.fromResponse(response);
      await vi.advanceTimersByTimeAsync(9_999);
      expect(await state(read)).toBe('pending');
      await vi.advanceTimersByTimeAsync(1);
      const error = await read;
      expect(error).toMatchObject({ provider: 'acme', status: 502, requestId: 'req-502' });
      expect(error.raw.body).toBe('<html>Bad');
      expect(cancelled()).toBe(true);
    });

    it('waits as long as timeoutMs says, and for ever with Infinity', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const short = endless502();
      const read = acme.fromResponse(short.response, { timeoutMs: 50 });
      await vi.advanceTimersByTimeAsync(50);
      expect((await read).status).toBe(502);

      const endless = endless502();
      const forever = acme.fromResponse(endless.response, { timeoutMs: Infinity });
      await vi.advanceTimersByTimeAsync(3_600_000);
      expect(await state(forever)).toBe('pending');
      expect(endless.cancelled()).toBe(false);
    });
  });
});
