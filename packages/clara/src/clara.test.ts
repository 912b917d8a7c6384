import { IssuerError } from '@issuer-errors/core';
import { claraFixtures, toFixtureView } from '@issuer-errors/testing';
import { describe, expect, it } from 'vitest';
import { clara } from './clara';
import { claraGuidance } from './clara-guidance';
import { claraRules } from './clara-rules';

describe('clara: every documented error', () => {
  it.each(claraFixtures.map((fixture) => [fixture.id, fixture] as const))(
    'normalizes %s from its text body',
    (_id, fixture) => {
      const error = clara.normalize(fixture.response);
      expect(toFixtureView(error)).toEqual(fixture.expected);
      expect(error.provider).toBe('clara');
      expect(error.status).toBe(fixture.response.status);
    },
  );

  it.each(claraFixtures.map((fixture) => [fixture.id, fixture] as const))(
    'normalizes %s from a parsed body the same way',
    (_id, fixture) => {
      let body: unknown = fixture.response.body;
      try {
        body = JSON.parse(fixture.response.body);
      } catch {}
      const error = clara.normalize({ ...fixture.response, body });
      expect(toFixtureView(error)).toEqual(fixture.expected);
    },
  );

  it.each(claraFixtures.map((fixture) => [fixture.id, fixture] as const))(
    'normalizes %s from a fetch Response',
    async (_id, fixture) => {
      const { status, headers, body } = fixture.response;
      const error = await clara.fromResponse(new Response(body, { status, headers }));
      expect(toFixtureView(error)).toEqual(fixture.expected);
    },
  );
});

describe('clara: rules beyond the examples', () => {
  it('maps the card-creation queue message at any status', () => {
    for (const status of [400, 409, 422, 500]) {
      const error = clara.normalize({
        status,
        body: {
          message: 'This user already has a card in the creation queue. Try again in 2 minutes',
        },
      });
      expect(error).toMatchObject({
        kind: 'conflict',
        code: 'operation_in_progress',
        retryAfterMs: 120_000,
      });
    }
  });

  it('recognises a B-code sent in the message field or in the older error field', () => {
    expect(clara.normalize({ status: 422, body: { message: 'B022' } }).code).toBe(
      'user_not_active',
    );
    expect(clara.normalize({ status: 422, body: { error: 'B013' } })).toMatchObject({
      code: 'credit_limit_exceeded',
      providerCode: 'B013',
      message: 'Clara: B013',
    });
  });

  it('keeps any other 422 B-code as a business rule violation with the provider code', () => {
    expect(clara.normalize({ status: 422, body: { code: 'B050', message: 'x' } })).toMatchObject({
      kind: 'business_rule',
      code: 'business_rule_violation',
      providerCode: 'B050',
    });
  });

  it('lets a Retry-After header win over the documented wait', () => {
    const error = clara.normalize({
      status: 500,
      headers: { 'Retry-After': '4' },
      body: { code: 'B033', message: 'Core service failure' },
    });
    expect(error.retryAfterMs).toBe(4000);
  });

  it('retries a 500 once after 2 s, the lower end of the documented 2–5 s', () => {
    const error = clara.normalize({ status: 500, body: { message: 'boom' } });
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(2000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(5000);
    expect(clara.ruleFor(error)?.maxRetries).toBe(1);
    expect(clara.retry.byKind?.internal?.maxRetries).toBe(1);
  });

  it("follows Clara's 429 guidance: 2^attempt s plus up to 1 s of jitter", () => {
    expect(clara.retry.byKind?.rate_limited?.backoff).toEqual({
      baseMs: 1000,
      factor: 2,
      maxMs: 20_000,
      jitter: { addMs: 1000 },
    });
  });

  it('names the status in the default message', () => {
    expect(clara.normalize({ status: 502 }).message).toBe('Clara answered with HTTP 502');
    expect(clara.normalize({ status: 400, body: '' }).message).toBe('Clara answered with HTTP 400');
  });

  it('does not retry what the docs say not to retry', () => {
    for (const status of [400, 401, 403, 404, 422, 511]) {
      expect(clara.normalize({ status, body: { message: 'x' } }).retryable, String(status)).toBe(
        false,
      );
    }
  });

  it('reads a 431 (request headers too large: an oversized key or token) as a setup mistake, never sent again', () => {
    const error = clara.normalize({
      status: 431,
      body: '<html><body>431 Request Header Fields Too Large</body></html>',
    });
    expect(error).toMatchObject({
      kind: 'configuration',
      code: 'request_headers_too_large',
      status: 431,
      retryable: false,
      outcome: 'rejected',
    });
    expect(clara.ruleFor(error)?.id).toBe('status-431');
  });

  it('exports a rules table whose every row has an id of its own and guidance under it', () => {
    expect(clara.rules).toBe(claraRules);
    const ids = claraRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(claraRules.length);
    expect(Object.keys(claraGuidance).sort()).toEqual([...ids].sort());
    for (const guidance of Object.values(claraGuidance)) {
      expect(guidance.description.length).toBeGreaterThan(10);
      expect(guidance.action.length).toBeGreaterThan(10);
    }
  });
});

describe('clara: hostile input', () => {
  const hostileBodies: unknown[] = [
    '<html><body>Proxy error</body></html>',
    '',
    '{"code":"B01',
    '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"message":"x"}',
    `{"message":"${'a'.repeat(200_000)}"}`,
    'x'.repeat(2_000_000),
    { code: 13, message: ['a'], timestamp: {}, details: 'nope', error: null },
    { details: [null, 1, 'x', { field: { nested: true } }, { field: '__proto__', message: 'x' }] },
    [1, 2, 3],
    123,
    true,
  ];

  it.each(hostileBodies.map((body, index) => [index, body] as const))(
    'normalizes hostile body #%i without throwing',
    (_index, body) => {
      const error = clara.normalize({ status: 400, body });
      expect(error).toBeInstanceOf(IssuerError);
      expect(error.kind).toBe('validation');
      expect(error.message).not.toMatch(/[\r\n]/);
      expect(new TextEncoder().encode(error.message).length).toBeLessThanOrEqual(1024);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      for (const messages of Object.values(error.fieldErrors)) {
        for (const message of messages) expect(typeof message).toBe('string');
      }
    },
  );

  it('reads the fields of the right type when others are wrong', () => {
    const error = clara.normalize({
      status: 422,
      body: { code: 'B013', message: 42, timestamp: 7 },
    });
    expect(error).toMatchObject({ code: 'credit_limit_exceeded', message: 'Clara: B013' });
    expect(error.timestamp).toBeUndefined();
  });
});
