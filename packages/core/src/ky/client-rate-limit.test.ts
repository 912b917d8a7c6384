import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testAdapterDefinition } from '../adapter/__fixtures__/test-adapter';
import { defineAdapter } from '../adapter/define-adapter';
import { ORIGIN, testClient, useNock } from './__fixtures__/test-client';

useNock();

/** The test provider, with its 429 asking for a 150 ms pause when no Retry-After is sent. */
const pausingAdapter = defineAdapter({
  ...testAdapterDefinition,
  rules: [
    {
      status: 429,
      code: 'rate_limited',
      retryAfterMs: 150,
    },
  ],
});

/** Fakes the timers and the clock the gate reads; nock still answers on real I/O. */
function useFakeClock() {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** Lets real I/O (nock's answers) run until `done()` holds, moving the fake clock 1 ms at a time. */
async function untilTrue(done: () => boolean) {
  while (!done()) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!done()) await vi.advanceTimersByTimeAsync(1);
  }
}

describe('client: the shared cooldown', () => {
  useFakeClock();

  it('pauses every request of the client after a 429 with a wait', async () => {
    const arrivals: Record<string, number> = {};
    nock(ORIGIN)
      .get('/v1/first')
      .reply(() => {
        arrivals.refusal = Date.now();
        return [429];
      })
      .get('/v1/first')
      .reply(200, () => ({ ok: 1 }))
      .get('/v1/second')
      .reply(200, () => {
        arrivals.second = Date.now();
        return { ok: 2 };
      });
    let retrying = false;
    const client = testClient({ adapter: pausingAdapter, onRetry: () => (retrying = true) });
    const first = client.get('/first');
    await untilTrue(() => retrying);
    const second = client.get('/second');
    await vi.advanceTimersByTimeAsync(149);
    expect(arrivals.second).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await untilTrue(() => arrivals.second !== undefined);
    expect((await second)._unsafeUnwrap()).toEqual({ ok: 2 });
    expect((await first)._unsafeUnwrap()).toEqual({ ok: 1 });
    expect((arrivals.second ?? 0) - (arrivals.refusal ?? 0)).toBeGreaterThanOrEqual(150);
  });

  it('is not paused by errors other than rate_limited, even with a wait', async () => {
    nock(ORIGIN)
      .get('/v1/first')
      .reply(503, {}, { 'Retry-After': '120' })
      .get('/v1/second')
      .reply(200, { ok: 2 });
    const client = testClient({ maxRetryDelayMs: 1000 });
    expect((await client.get('/first'))._unsafeUnwrapErr()).toMatchObject({
      kind: 'unavailable',
      retryAfterMs: 120_000,
    });
    expect((await client.get('/second'))._unsafeUnwrap()).toEqual({ ok: 2 });
  });

  it('does not pause other clients', async () => {
    nock(ORIGIN).get('/v1/first').reply(429).get('/v1/other').reply(200, { ok: 1 });
    const refused = testClient({ adapter: pausingAdapter, maxAttempts: 1 });
    expect((await refused.get('/first'))._unsafeUnwrapErr().kind).toBe('rate_limited');
    // On the fake clock no time passes: a paused client would never answer.
    expect((await testClient({ adapter: pausingAdapter }).get('/other')).isOk()).toBe(true);
  });

  it('fails a request at once, unsent, when the pause outlasts maxRetryDelayMs', async () => {
    const scope = nock(ORIGIN)
      .get('/v1/first')
      .reply(429, {}, { 'Retry-After': '120' })
      .get('/v1/second')
      .reply(200, {});
    const client = testClient({ maxRetryDelayMs: 1000 });
    expect((await client.get('/first'))._unsafeUnwrapErr().retryAfterMs).toBe(120_000);
    const error = (await client.get('/second'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'rate_limited', outcome: 'rejected', attempts: 1 });
    expect(error.status).toBeUndefined();
    expect(error.retryAfterMs).toBeGreaterThan(118_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(120_000);
    expect(error.message).toBe(
      'Test: not sent: the provider asked requests like it to wait 120 s more',
    );
    expect(scope.pendingMocks()).toEqual(['GET https://issuer.test:443/v1/second']);
  });

  it('ends a wait at the gate when the caller aborts, sending nothing more', async () => {
    const scope = nock(ORIGIN).get('/v1/first').reply(429).get('/v1/second').reply(200, {});
    let fetches = 0;
    const countingFetch: typeof fetch = (input, init) => {
      fetches += 1;
      return globalThis.fetch(input, init);
    };
    const client = testClient({
      adapter: pausingAdapter,
      maxAttempts: 1,
      ky: { fetch: countingFetch },
    });
    await client.get('/first');
    const controller = new AbortController();
    const second = client.get('/second', { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(20);
    controller.abort();
    const error = (await second)._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'cancelled', attempts: 1 });
    expect(scope.pendingMocks()).toHaveLength(1);
    expect(fetches).toBe(1);
  });

  it('ends a wait at the gate when the call runs out of time, as a timeout', async () => {
    const scope = nock(ORIGIN).get('/v1/first').reply(200, {}).get('/v1/second').reply(200, {});
    // One request per 100 s: the first call takes the only token, the second waits for the next.
    const rateLimit = { requestsPerSecond: 0.01, burst: 1 };
    const client = testClient({ rateLimit, maxAttempts: 1, totalTimeoutMs: 200 });
    await client.get('/first');
    const second = client.get('/second');
    await vi.advanceTimersByTimeAsync(200);
    const error = (await second)._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'timeout', code: 'timeout', attempts: 1 });
    expect(scope.pendingMocks()).toEqual(['GET https://issuer.test:443/v1/second']);
  });
});

describe('client: rateLimit', () => {
  it.each([
    [{ requestsPerSecond: 0 }],
    [{ requestsPerSecond: -1 }],
    [{ requestsPerSecond: Number.NaN }],
    [{ requestsPerSecond: Number.POSITIVE_INFINITY }],
    [{ requestsPerSecond: 10, burst: 0 }],
    [{ requestsPerSecond: 10, burst: 1.5 }],
  ])(
    'answers every call with invalid_client_setup for rateLimit %o, sending nothing',
    async (rateLimit) => {
      const scope = nock(ORIGIN).get('/v1/x').reply(200, {});
      const error = (await testClient({ rateLimit }).get('/x'))._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'configuration', code: 'invalid_client_setup' });
      expect(error.message).toBe(
        'Test: rateLimit needs requestsPerSecond > 0 and a whole burst ≥ 1',
      );
      expect(scope.pendingMocks()).toHaveLength(1);
    },
  );

  it('accepts the smallest valid settings: a burst of exactly 1', async () => {
    const scope = nock(ORIGIN).get('/v1/x').reply(200, { ok: true });
    const rateLimit = { requestsPerSecond: 0.5, burst: 1 };
    expect((await testClient({ rateLimit }).get('/x'))._unsafeUnwrap()).toEqual({ ok: true });
    expect(scope.isDone()).toBe(true);
  });
});
