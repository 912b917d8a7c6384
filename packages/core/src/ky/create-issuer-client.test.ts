import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import type { RetryEvent } from '../client/retry-engine';
import { ORIGIN, testClient, useNock } from './__fixtures__/test-client';

useNock();
afterEach(() => {
  vi.useRealTimers();
});

describe('createIssuerClient: requests and bodies', () => {
  it('joins baseUrl and path with exactly one slash', async () => {
    for (const [baseUrl, path] of [
      ['https://issuer.test/v1', '/banking/bank_transactions'],
      ['https://issuer.test/v1/', 'banking/bank_transactions'],
      ['https://issuer.test/v1/', '/banking/bank_transactions'],
      ['https://issuer.test/v1', 'banking/bank_transactions'],
    ] as const) {
      nock(ORIGIN).get('/v1/banking/bank_transactions').reply(200, { ok: true });
      expect((await testClient({ baseUrl }).get(path))._unsafeUnwrap()).toEqual({ ok: true });
    }
  });

  it('sends headers, JSON bodies and search params', async () => {
    nock(ORIGIN)
      .post('/v1/items', { name: 'Acme' })
      .query({ page: '2' })
      .matchHeader('company-id', 'c-1')
      .matchHeader('x-trace', 't')
      .reply(201, { id: 7 });
    const result = await testClient({ headers: { 'company-id': 'c-1' } }).post('/items', {
      json: { name: 'Acme' },
      searchParams: { page: 2 },
      headers: { 'x-trace': 't' },
    });
    expect(result._unsafeUnwrap()).toEqual({ id: 7 });
  });

  it('validates the success body with a schema and types the result', async () => {
    nock(ORIGIN).get('/v1/card').reply(200, { id: 'c', limit: 10 });
    const schema = z.object({ id: z.string(), limit: z.number() });
    const card = (await testClient().get('/card', { schema }))._unsafeUnwrap();
    expect(card.limit).toBe(10);
  });

  it('turns a schema mismatch into invalid_response, keeping the issues as cause', async () => {
    nock(ORIGIN).get('/v1/card').reply(200, { id: 5 }, { 'x-request-id': 'r-1' });
    const error = (
      await testClient().get('/card', { schema: z.object({ id: z.string() }) })
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'invalid_response',
      code: 'unexpected_response',
      status: 200,
      requestId: 'r-1',
    });
    expect(JSON.stringify(error.cause)).toContain('id');
  });

  it('turns unparseable JSON into invalid_response', async () => {
    nock(ORIGIN).get('/v1/card').reply(200, '{"id":');
    const error = (await testClient().get('/card'))._unsafeUnwrapErr();
    expect(error.code).toBe('unreadable_response');
  });

  it('gives undefined for 204 and empty bodies', async () => {
    nock(ORIGIN).delete('/v1/card/1').reply(204);
    nock(ORIGIN).get('/v1/empty').reply(200, '');
    expect((await testClient().delete('/card/1'))._unsafeUnwrap()).toBeUndefined();
    expect((await testClient().get('/empty'))._unsafeUnwrap()).toBeUndefined();
  });

  it('sends each method as its own HTTP method', async () => {
    nock(ORIGIN)
      .get('/v1/m')
      .reply(200, { method: 'GET' })
      .post('/v1/m')
      .reply(200, { method: 'POST' })
      .put('/v1/m')
      .reply(200, { method: 'PUT' })
      .patch('/v1/m')
      .reply(200, { method: 'PATCH' })
      .delete('/v1/m')
      .reply(200, { method: 'DELETE' });
    const api = testClient();
    const results = [
      await api.get('/m'),
      await api.post('/m'),
      await api.put('/m'),
      await api.patch('/m'),
      await api.delete('/m'),
    ];
    expect(results.map((result) => result._unsafeUnwrap())).toEqual([
      { method: 'GET' },
      { method: 'POST' },
      { method: 'PUT' },
      { method: 'PATCH' },
      { method: 'DELETE' },
    ]);
  });

  it('never rejects, even when its random source throws', async () => {
    nock(ORIGIN).get('/v1/x').reply(503);
    const result = await testClient({
      random: () => {
        throw new Error('no entropy');
      },
    }).get('/x');
    expect(result._unsafeUnwrapErr()).toMatchObject({ provider: 'test', kind: 'unknown' });
  });
});

describe('createIssuerClient: retries', () => {
  it('retries a GET after a 503 and succeeds', async () => {
    nock(ORIGIN).get('/v1/x').reply(503).get('/v1/x').reply(200, { ok: 1 });
    expect((await testClient().get('/x'))._unsafeUnwrap()).toEqual({ ok: 1 });
  });

  it('stops after maxAttempts and reports attempts and total wait', async () => {
    nock(ORIGIN).get('/v1/x').times(3).reply(503);
    const events: RetryEvent[] = [];
    const error = (
      await testClient({ onRetry: (event) => events.push(event) }).get('/x')
    )._unsafeUnwrapErr();
    expect(error.attempts).toBe(3);
    expect(events.map((event) => event.attempt)).toEqual([1, 2]);
    expect(error.totalRetryDelayMs).toBe(events.reduce((sum, event) => sum + event.delayMs, 0));
    expect(nock.isDone()).toBe(true);
  });

  it('never replays a POST after a 503: the outcome is unknown', async () => {
    const scope = nock(ORIGIN).post('/v1/payments').reply(503).post('/v1/payments').reply(201, {});
    const error = (
      await testClient().post('/payments', { json: { amount: 100 } })
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'unavailable', outcome: 'unknown', attempts: 1 });
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it('never replays a PATCH after a 500', async () => {
    const scope = nock(ORIGIN).patch('/v1/cards/1').reply(500).patch('/v1/cards/1').reply(200, {});
    expect((await testClient().patch('/cards/1', { json: {} }))._unsafeUnwrapErr().attempts).toBe(
      1,
    );
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it('retries a POST after a 429: the provider certainly did not act', async () => {
    nock(ORIGIN)
      .post('/v1/payments')
      .reply(429, {}, { 'Retry-After': '0' })
      .post('/v1/payments')
      .reply(201, { id: 1 });
    expect((await testClient().post('/payments', { json: {} }))._unsafeUnwrap()).toEqual({ id: 1 });
  });

  it('retries a POST marked idempotent after a 503', async () => {
    nock(ORIGIN).post('/v1/payments').reply(503).post('/v1/payments').reply(201, { id: 2 });
    const result = await testClient().post('/payments', { json: {}, idempotent: true });
    expect(result._unsafeUnwrap()).toEqual({ id: 2 });
  });

  it('retries PUT and DELETE, which are idempotent by definition', async () => {
    nock(ORIGIN)
      .put('/v1/x')
      .reply(503)
      .put('/v1/x')
      .reply(200, {})
      .delete('/v1/x')
      .reply(504)
      .delete('/v1/x')
      .reply(204);
    expect((await testClient().put('/x', { json: {} })).isOk()).toBe(true);
    expect((await testClient().delete('/x')).isOk()).toBe(true);
  });

  it('makes at least one attempt, and rounds a fractional maxAttempts down', async () => {
    nock(ORIGIN).get('/v1/x').times(3).reply(503);
    expect((await testClient({ maxAttempts: 0 }).get('/x'))._unsafeUnwrapErr().attempts).toBe(1);
    expect((await testClient({ maxAttempts: 2.9 }).get('/x'))._unsafeUnwrapErr().attempts).toBe(2);
    expect(nock.isDone()).toBe(true);
  });

  it('returns at once a wait longer than a maxRetryDelayMs it is given', async () => {
    nock(ORIGIN).get('/v1/x').reply(429, {}, { 'Retry-After': '1' });
    const error = (await testClient({ maxRetryDelayMs: 500 }).get('/x'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 1000, attempts: 1 });
  });

  it('does not retry errors that are not transient', async () => {
    const scope = nock(ORIGIN).get('/v1/x').reply(409).get('/v1/x').reply(200);
    expect((await testClient().get('/x'))._unsafeUnwrapErr()).toMatchObject({
      kind: 'conflict',
      attempts: 1,
    });
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it("honours the rule's maxRetries: a 500 is retried once", async () => {
    nock(ORIGIN).get('/v1/x').times(3).reply(500);
    const error = (await testClient({ maxAttempts: 5 }).get('/x'))._unsafeUnwrapErr();
    expect(error.attempts).toBe(2);
    expect(error.totalRetryDelayMs).toBe(20);
  });

  it('waits retryAfterMs when the error has one, else the backoff of its kind', async () => {
    nock(ORIGIN)
      .get('/v1/x')
      .times(2)
      .reply(429)
      .get('/v1/x')
      .reply(429, {}, { 'Retry-After': '0' });
    const events: RetryEvent[] = [];
    const error = (
      await testClient({ maxAttempts: 4, onRetry: (event) => events.push(event) }).get('/x')
    )._unsafeUnwrapErr();
    expect(events.map((event) => event.delayMs)).toEqual([15, 25, 0]);
    expect(error.totalRetryDelayMs).toBe(40);
  });

  it('returns a wait longer than maxRetryDelayMs at once, with its retryAfterMs', async () => {
    nock(ORIGIN).get('/v1/x').reply(429, {}, { 'Retry-After': '120' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // On the fake clock no time passes: a client that waited would never answer.
    const result = await testClient().get('/x');
    vi.useRealTimers();
    const error = result._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 120_000, attempts: 1 });
  });

  it('cancels a wait when the signal aborts', async () => {
    nock(ORIGIN).get('/v1/x').reply(429, {}, { 'Retry-After': '30' });
    const controller = new AbortController();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const events: RetryEvent[] = [];
      const call = testClient({ onRetry: (event) => events.push(event) }).get('/x', {
        signal: controller.signal,
      });
      while (events.length === 0) await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(50);
      controller.abort();
      const error = (await call)._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'cancelled', totalRetryDelayMs: 50 });
      expect(events.map((event) => event.delayMs)).toEqual([30_000]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up when the next wait would pass totalTimeoutMs', async () => {
    nock(ORIGIN).get('/v1/x').reply(429, {}, { 'Retry-After': '5' });
    const error = (await testClient({ totalTimeoutMs: 1000 }).get('/x'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'rate_limited', attempts: 1, totalRetryDelayMs: 0 });
  });

  it('calls onError with the final error, and ignores callbacks that throw', async () => {
    nock(ORIGIN).get('/v1/x').reply(503).get('/v1/x').reply(404);
    const onError = vi.fn(() => {
      throw new Error('logger down');
    });
    const error = (
      await testClient({
        onError,
        onRetry: () => {
          throw new Error('metrics down');
        },
      }).get('/x')
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'not_found', attempts: 2 });
    expect(onError).toHaveBeenCalledWith(error);
  });
});

describe('createIssuerClient: access tokens', () => {
  it('refreshes once after a 401 and retries with the new token, even a POST', async () => {
    const tokens = ['t1', 't2'];
    const getAccessToken = vi.fn(
      ({ forceRefresh }: { forceRefresh: boolean }) =>
        (forceRefresh ? tokens[1] : tokens[0]) as string,
    );
    nock(ORIGIN)
      .post('/v1/cards')
      .matchHeader('authorization', 'Bearer t1')
      .reply(401, { message: 'Unauthorized' })
      .post('/v1/cards')
      .matchHeader('authorization', 'Bearer t2')
      .reply(201, { id: 'c' });
    const onRetry = vi.fn();
    const result = await testClient({ getAccessToken, onRetry }).post('/cards', { json: {} });
    expect(result._unsafeUnwrap()).toEqual({ id: 'c' });
    expect(onRetry).toHaveBeenCalledOnce();
    expect(onRetry.mock.calls[0]?.[0]).toMatchObject({
      attempt: 1,
      delayMs: 0,
      error: { kind: 'authentication' },
    });
    expect(getAccessToken.mock.calls).toEqual([
      [{ forceRefresh: false, signal: expect.any(AbortSignal) }],
      [{ forceRefresh: true, signal: expect.any(AbortSignal) }],
    ]);
  });

  it('makes a second 401 final', async () => {
    let count = 0;
    const getAccessToken = vi.fn(() => `t${++count}`);
    nock(ORIGIN).get('/v1/x').times(2).reply(401);
    const error = (await testClient({ getAccessToken }).get('/x'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'authentication', attempts: 2 });
    expect(getAccessToken).toHaveBeenCalledTimes(2);
  });

  it('shares one ask of the token source among concurrent requests', async () => {
    const getAccessToken = vi.fn(async () => 'tok');
    nock(ORIGIN).get('/v1/x').times(3).matchHeader('authorization', 'Bearer tok').reply(200, {});
    const api = testClient({ getAccessToken });
    await Promise.all([api.get('/x'), api.get('/x'), api.get('/x')]);
    expect(getAccessToken).toHaveBeenCalledTimes(1);
  });

  it('ends a call at timeoutMs when the token source never answers, and asks afresh next time', async () => {
    const signals: AbortSignal[] = [];
    const getAccessToken = vi.fn(({ signal }: { signal: AbortSignal }) => {
      signals.push(signal);
      return signals.length === 1 ? new Promise<string>(() => {}) : 'tok';
    });
    nock(ORIGIN).get('/v1/x').matchHeader('authorization', 'Bearer tok').reply(200, { ok: 1 });
    const api = testClient({ getAccessToken, timeoutMs: 100 });
    const error = (await api.get('/x'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'timeout', outcome: 'rejected', attempts: 1 });
    expect(signals[0]?.aborted).toBe(true);
    // The stuck ask was dropped: one hung token request must not stall every later call.
    expect((await api.get('/x'))._unsafeUnwrap()).toEqual({ ok: 1 });
    expect(getAccessToken).toHaveBeenCalledTimes(2);
  });

  it('turns a failing token source into an authentication error without sending', async () => {
    const scope = nock(ORIGIN).get('/v1/x').reply(200);
    const error = (
      await testClient({
        getAccessToken: () => {
          throw new Error('vault unreachable');
        },
      }).get('/x')
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'authentication', code: 'unauthenticated', attempts: 1 });
    expect(scope.pendingMocks()).toHaveLength(1);
  });
});
