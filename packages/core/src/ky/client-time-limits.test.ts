import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { testAdapter } from '../adapter/__fixtures__/test-adapter';
import { type LoopbackServer, startLoopbackServer } from './__fixtures__/loopback-server';
import { ORIGIN, testClient, useNock } from './__fixtures__/test-client';
import { createIssuerClient } from './create-issuer-client';

useNock();

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server that answers `{ "ok": true }` after `ms`. */
const answersAfter = (ms: number) =>
  startLoopbackServer((_request, response) => {
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    }, ms);
  });

// A timer longer than 2^31 - 1 ms fires at once: a limit that long must not end a call early.
describe('client: time limits longer than a timer holds', () => {
  it.each([
    [{ timeoutMs: Number.POSITIVE_INFINITY }],
    [{ timeoutMs: 2 ** 31 }],
    [{ totalTimeoutMs: Number.POSITIVE_INFINITY }],
    [{ totalTimeoutMs: 3e9 }],
  ])('waits for a slow answer with %o', async (limits) => {
    nock.enableNetConnect('127.0.0.1');
    server = await answersAfter(30);
    const client = createIssuerClient({ adapter: testAdapter, baseUrl: server.url, ...limits });
    expect((await client.get('/slow'))._unsafeUnwrap()).toEqual({ ok: true });
  });

  it.each([Number.POSITIVE_INFINITY, 2 ** 31])(
    'waits for a slow access token with timeoutMs: %d',
    async (timeoutMs) => {
      const scope = nock(ORIGIN)
        .get('/v1/x')
        .matchHeader('authorization', 'Bearer late')
        .reply(200, {});
      const getAccessToken = () =>
        new Promise<string>((resolve) => setTimeout(() => resolve('late'), 30));
      const result = await testClient({ timeoutMs, getAccessToken }).get('/x');
      expect(result._unsafeUnwrap()).toEqual({});
      expect(scope.isDone()).toBe(true);
    },
  );
});

describe('client: invalid time limits and attempts', () => {
  it.each([
    [{ timeoutMs: -1 }, 'timeoutMs needs a number ≥ 0'],
    [{ timeoutMs: Number.NaN }, 'timeoutMs needs a number ≥ 0'],
    [{ totalTimeoutMs: -5 }, 'totalTimeoutMs needs a number ≥ 0'],
    [{ maxRetryDelayMs: Number.NaN }, 'maxRetryDelayMs needs a number ≥ 0'],
    [{ maxAttempts: Number.NaN }, 'maxAttempts needs a number ≥ 0'],
    [{ maxAttempts: -1 }, 'maxAttempts needs a number ≥ 0'],
  ])(
    'answers every call with invalid_client_setup for %o, sending nothing',
    async (options, message) => {
      const scope = nock(ORIGIN).get('/v1/x').reply(200, {});
      const error = (await testClient(options).get('/x'))._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'configuration', code: 'invalid_client_setup' });
      expect(error.message).toBe(`Test: ${message}`);
      expect(scope.pendingMocks()).toHaveLength(1);
    },
  );

  it.each([
    ['no scheme', 'issuer.test/v1'],
    ['a relative path', '/v1'],
    ['another scheme', 'ftp://issuer.test/v1'],
    ['an empty string', ''],
    ['not a string', 42 as unknown as string],
  ])(
    'answers every call with invalid_client_setup for a baseUrl with %s, naming the option',
    async (_case, baseUrl) => {
      const error = (await testClient({ baseUrl }).get('/x'))._unsafeUnwrapErr();
      expect(error).toMatchObject({
        kind: 'configuration',
        code: 'invalid_client_setup',
        outcome: 'rejected',
        message: 'Test: baseUrl needs an absolute http(s) URL, such as https://api.example.com/v1',
      });
    },
  );

  it('never repeats the baseUrl it refuses, which may hold a password', async () => {
    const error = (
      await testClient({ baseUrl: 'user:s3cret@issuer.test/v1' }).get('/x')
    )._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_client_setup');
    expect(JSON.stringify(error)).not.toContain('s3cret');
  });

  it('accepts a time limit of 0: every attempt times out at once', async () => {
    nock(ORIGIN).get('/v1/x').delay(50).reply(200, {});
    const error = (await testClient({ timeoutMs: 0, maxAttempts: 1 }).get('/x'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'timeout', attempts: 1 });
  });
});
