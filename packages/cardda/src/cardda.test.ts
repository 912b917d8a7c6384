import { IssuerError } from '@issuer-errors/core';
import { carddaFixtures, toFixtureView } from '@issuer-errors/testing';
import { describe, expect, it } from 'vitest';
import { cardda } from './cardda';
import { carddaGuidance } from './cardda-guidance';
import { carddaRules } from './cardda-rules';

const cases = carddaFixtures.map((fixture) => [fixture.id, fixture] as const);

describe('cardda: every documented error', () => {
  it.each(cases)('normalizes %s from its text body', (_id, fixture) => {
    const error = cardda.normalize(fixture.response);
    expect(toFixtureView(error)).toEqual(fixture.expected);
    expect(error.provider).toBe('cardda');
    expect(error.status).toBe(fixture.response.status);
  });

  it.each(cases)('normalizes %s from a parsed body the same way', (_id, fixture) => {
    let body: unknown = fixture.response.body;
    try {
      body = JSON.parse(fixture.response.body);
    } catch {}
    expect(toFixtureView(cardda.normalize({ ...fixture.response, body }))).toEqual(
      fixture.expected,
    );
  });

  it.each(cases)('normalizes %s from a fetch Response', async (_id, fixture) => {
    const { status, headers, body } = fixture.response;
    const error = await cardda.fromResponse(new Response(body, { status, headers }));
    expect(toFixtureView(error)).toEqual(fixture.expected);
  });

  it('keeps the request id in the JSON of every error', () => {
    for (const fixture of carddaFixtures) {
      expect(JSON.stringify(cardda.normalize(fixture.response))).toContain(
        fixture.expected.requestId,
      );
    }
  });
});

describe('cardda: branching', () => {
  it('branches on error, never on message', () => {
    const error = cardda.normalize({
      status: 401,
      body: { error: 'unauthenticated', message: 'the company-id header was required but absent' },
    });
    expect(error.code).toBe('unauthenticated');
  });

  it('keeps an undocumented code at each documented status, with the status kind', () => {
    const expectations = {
      400: 'invalid_request',
      401: 'unauthenticated',
      403: 'forbidden',
      404: 'not_found',
      409: 'conflict',
      422: 'invalid_field',
      429: 'rate_limited',
      500: 'internal_error',
      502: 'upstream_unavailable',
      503: 'upstream_unavailable',
      504: 'upstream_unavailable',
    } as const;
    for (const [status, code] of Object.entries(expectations)) {
      const error = cardda.normalize({ status: Number(status), body: { error: 'something_new' } });
      expect(error.code, status).toBe(code);
      expect(error.providerCode).toBe('something_new');
    }
  });

  it('does not treat a documented code at another status as that code', () => {
    expect(cardda.normalize({ status: 403, body: { error: 'unauthorized' } }).code).toBe(
      'forbidden',
    );
  });

  it('retries only rate limits, internal errors and upstream failures', () => {
    const retryable = carddaFixtures
      .filter((fixture) => cardda.normalize(fixture.response).retryable)
      .map((fixture) => fixture.response.status);
    expect(new Set(retryable)).toEqual(new Set([429, 500, 502, 503, 504]));
  });

  it('reads a 431 (request headers too large: an oversized key or token) as a setup mistake, never sent again', () => {
    const error = cardda.normalize({
      status: 431,
      body: { error: 'request_header_fields_too_large' },
    });
    expect(error).toMatchObject({
      kind: 'configuration',
      code: 'request_headers_too_large',
      status: 431,
      retryable: false,
      outcome: 'rejected',
    });
    expect(cardda.ruleFor(error)?.id).toBe('status-431');
  });

  it('exports a rules table whose every row has an id of its own and guidance under it', () => {
    expect(cardda.rules).toBe(carddaRules);
    const ids = carddaRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(carddaRules.length);
    expect(Object.keys(carddaGuidance).sort()).toEqual([...ids].sort());
    for (const guidance of Object.values(carddaGuidance)) {
      expect(guidance.description.length).toBeGreaterThan(10);
      expect(guidance.action.length).toBeGreaterThan(10);
    }
    const notFound = carddaRules.find((rule) => rule.providerCode === 'not_found');
    expect(carddaGuidance[notFound?.id ?? '']?.description).toMatch(/not a member/);
  });
});

describe('cardda: Retry-After', () => {
  const body = { error: 'rate_limit_exceeded' };
  // The wall clock: an HTTP-date is absolute, and normalize measures it from the real now.
  const now = Date.now();
  const wait = (headers: Record<string, string> | Headers, withBody: object = body) =>
    cardda.normalize({ status: 429, headers, body: withBody }).retryAfterMs;

  it("waits 1 s, as Cardda's own handler does, for a 429 without Retry-After, whatever its code", () => {
    // Cardda's docs: `Number(res.headers.get("Retry-After") ?? "1")` for every 429.
    expect(wait({})).toBe(1000);
    const undocumented = cardda.normalize({ status: 429, body: { error: 'slow_down' } });
    expect(undocumented.retryAfterMs).toBe(1000);
    expect(cardda.ruleFor(undocumented)?.id).toBe('status-429');
  });

  it('takes delta-seconds, including 0', () => {
    expect(wait({ 'Retry-After': '0' })).toBe(0);
    expect(wait({ 'Retry-After': '2' })).toBe(2000);
  });

  it('falls back to the body hint, then 1 s, when the header is unusable', () => {
    for (const value of ['-5', 'soon', '', '1.5']) {
      expect(wait({ 'Retry-After': value }), value).toBe(1000);
      expect(wait({ 'Retry-After': value }, { ...body, retry_after: 4 }), value).toBe(4000);
    }
  });

  it('caps an enormous value at 24 hours', () => {
    expect(wait({ 'Retry-After': '999999999999' })).toBe(86_400_000);
  });

  it('reads each HTTP-date form, and a past date as 0', () => {
    const inTenSeconds = new Date(Math.ceil((now + 10_000) / 1000) * 1000);
    const imf = inTenSeconds.toUTCString();
    const weekday = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][
      inTenSeconds.getUTCDay()
    ];
    const [, day, month, year, time] = imf.split(' ');
    const rfc850 = `${weekday}, ${day}-${month}-${year?.slice(2)} ${time} GMT`;
    const asctime = `${imf.slice(0, 3)} ${month} ${String(inTenSeconds.getUTCDate()).padStart(2, ' ')} ${time} ${year}`;
    for (const value of [imf, rfc850, asctime]) {
      const ms = wait({ 'Retry-After': value });
      expect(ms, value).toBeGreaterThan(5_000);
      expect(ms, value).toBeLessThanOrEqual(11_000);
    }
    expect(wait({ 'Retry-After': 'Sun, 06 Nov 1994 08:49:37 GMT' })).toBe(0);
  });

  it('reads the header in any casing, from a record or a Headers object', () => {
    expect(wait({ 'retry-after': '3' })).toBe(3000);
    expect(wait({ 'RETRY-AFTER': '3' })).toBe(3000);
    expect(wait(new Headers({ 'Retry-After': '3' }))).toBe(3000);
  });

  it('reads a retry_after sent as a numeric string, and ignores a negative one', () => {
    expect(wait({}, { ...body, retry_after: '2' })).toBe(2000);
    expect(wait({}, { ...body, retry_after: -2 })).toBe(1000);
  });
});

describe('cardda: request id', () => {
  it('reads X-Request-Id in any casing on every kind of error', () => {
    for (const name of ['X-Request-Id', 'x-request-id', 'X-REQUEST-ID']) {
      expect(cardda.normalize({ status: 502, headers: { [name]: 'abc' } }).requestId).toBe('abc');
    }
    expect(
      cardda.normalize({ status: 404, headers: new Headers({ 'X-Request-Id': 'h' }) }).requestId,
    ).toBe('h');
  });
});

describe('cardda: hostile field maps and bodies', () => {
  it('never breaks on odd field map values', () => {
    const error = cardda.normalize({
      status: 422,
      body: {
        errors: {
          rut: 'is invalid',
          amount: 0,
          note: null,
          address: { street: ["can't be blank"] },
          tags: [['nested'], { deep: 1 }, 'kept'],
          __proto__: ['x'],
        },
      },
    });
    expect(error.fieldErrors).toEqual({
      rut: ['is invalid'],
      amount: ['0'],
      'address.street': ["can't be blank"],
      tags: ['kept'],
    });
  });

  it('treats a non-object errors value as no field errors', () => {
    for (const errors of ['oops', 42, null, ['a', 'b'], true]) {
      const error = cardda.normalize({ status: 422, body: { errors } });
      expect(error.fieldErrors).toEqual({});
      expect(error.code).toBe('invalid_field');
    }
  });

  const hostile: unknown[] = [
    '<html>gateway</html>',
    '',
    '{"errors":{"rut":["can',
    '{"__proto__":{"polluted":true},"error":"conflict"}',
    `{"error":"${'e'.repeat(100_000)}"}`,
    'z'.repeat(3_000_000),
    { error: 5, message: { text: 'x' }, retry_after: 'soon', errors: 'x' },
    [{ error: 'conflict' }],
  ];

  it.each(hostile.map((body, index) => [index, body] as const))(
    'normalizes hostile body #%i without throwing',
    (_index, body) => {
      const error = cardda.normalize({ status: 409, headers: { 'x-request-id': 'r' }, body });
      expect(error).toBeInstanceOf(IssuerError);
      expect(error.kind).toBe('conflict');
      expect(error.requestId).toBe('r');
      expect(new TextEncoder().encode(error.message).length).toBeLessThanOrEqual(1024);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});
