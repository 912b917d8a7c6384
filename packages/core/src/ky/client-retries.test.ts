import nock from 'nock';
import { describe, expect, it, vi } from 'vitest';
import { IssuerError } from '../error/issuer-error';
import { ORIGIN, testClient, useNock } from './__fixtures__/test-client';

const pendingTimeouts = () =>
  process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

useNock();

describe('retry engine: limits', () => {
  it('retries within totalTimeoutMs while the next wait fits', async () => {
    nock(ORIGIN).get('/v1/x').reply(429, {}, { 'Retry-After': '0' }).get('/v1/x').reply(200, {});
    expect((await testClient({ totalTimeoutMs: 5000 }).get('/x')).isOk()).toBe(true);
  });

  it('retries a wait exactly as long as maxRetryDelayMs', async () => {
    nock(ORIGIN).get('/v1/x').reply(500).get('/v1/x').reply(200, { ok: 1 });
    const result = await testClient({ maxRetryDelayMs: 20 }).get('/x');
    expect(result._unsafeUnwrap()).toEqual({ ok: 1 });
  });

  it('stops at the wait that was cut short, counting only the time waited', async () => {
    const scope = nock(ORIGIN)
      .get('/v1/x')
      .reply(429, {}, { 'Retry-After': '30' })
      .get('/v1/x')
      .reply(200, {});
    const controller = new AbortController();
    let waiting = false;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const call = testClient({ onRetry: () => (waiting = true) }).get('/x', {
        signal: controller.signal,
      });
      while (!waiting) await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(50);
      controller.abort();
      const error = (await call)._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'cancelled', attempts: 1, totalRetryDelayMs: 50 });
      expect(scope.pendingMocks()).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves no timer behind when a call settles', async () => {
    nock(ORIGIN).get('/v1/x').reply(200, {});
    // Real timers, since the check counts the process's own: earlier tests' timers fire first.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = pendingTimeouts();
    const result = await testClient({ timeoutMs: 60_000, totalTimeoutMs: 120_000 }).get('/x');
    expect(result.isOk()).toBe(true);
    expect(pendingTimeouts()).toBeLessThanOrEqual(before);
  });
});

describe('retry engine: access tokens', () => {
  it('makes a 401 final at once when the client has no token source', async () => {
    const scope = nock(ORIGIN).get('/v1/x').reply(401).get('/v1/x').reply(200, {});
    const error = (await testClient().get('/x'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'authentication', status: 401, attempts: 1 });
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it('does not refresh when no attempt is left', async () => {
    const getAccessToken = vi.fn(() => 't1');
    nock(ORIGIN).get('/v1/x').reply(401);
    const error = (
      await testClient({ getAccessToken, maxAttempts: 1 }).get('/x')
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'authentication', attempts: 1 });
    expect(getAccessToken).toHaveBeenCalledOnce();
  });

  it('ends with the token error when the refresh fails, without resending', async () => {
    const getAccessToken = ({ forceRefresh }: { forceRefresh: boolean }) => {
      if (forceRefresh) throw new Error('vault unreachable');
      return 't1';
    };
    const scope = nock(ORIGIN).get('/v1/x').reply(401).get('/v1/x').reply(200, {});
    const error = (await testClient({ getAccessToken }).get('/x'))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'authentication',
      code: 'unauthenticated',
      message: 'Test: could not obtain an access token',
      attempts: 1,
    });
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it('passes on an IssuerError thrown by the token source', async () => {
    const thrown = new IssuerError({ provider: 'vault', code: 'unknown', message: 'vault sealed' });
    const error = (
      await testClient({
        getAccessToken: () => {
          throw thrown;
        },
      }).get('/x')
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ provider: 'vault', message: 'vault sealed', attempts: 1 });
  });

  it('classifies a network failure of the token source as network', async () => {
    const error = (
      await testClient({
        getAccessToken: () => {
          throw new TypeError('fetch failed');
        },
      }).get('/x')
    )._unsafeUnwrapErr();
    expect(error.kind).toBe('network');
  });

  // Real timers below only trigger an abort after the call is waiting; no duration is asserted.
  it('stops waiting for a token that never comes: cancelled by the caller', async () => {
    const scope = nock(ORIGIN).get('/v1/x').reply(200, {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = (
      await testClient({ getAccessToken: () => new Promise<string>(() => {}) }).get('/x', {
        signal: controller.signal,
      })
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'cancelled', attempts: 1 });
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it('stops waiting for a token that never comes: timed out by totalTimeoutMs', async () => {
    const error = (
      await testClient({
        getAccessToken: () => new Promise<string>(() => {}),
        totalTimeoutMs: 30,
      }).get('/x')
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'timeout', attempts: 1 });
  });

  it('stops waiting for a refreshed token when the caller cancels', async () => {
    const getAccessToken = ({ forceRefresh }: { forceRefresh: boolean }) =>
      forceRefresh ? new Promise<string>(() => {}) : 't1';
    nock(ORIGIN).get('/v1/x').reply(401);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = (
      await testClient({ getAccessToken }).get('/x', { signal: controller.signal })
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'cancelled', attempts: 1 });
  });
});
