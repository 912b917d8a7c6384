import { inspect } from 'node:util';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import type { IssuerError } from '../error/issuer-error';
import { createMemoryRateStore } from '../rate/memory-rate-store';
import { ORIGIN, testClient, useNock } from './__fixtures__/test-client';

useNock();

/** Every way an app prints an error: a secret must be on none. */
const surfaces = (error: IssuerError) => [
  String(error),
  String(error.stack),
  JSON.stringify(error),
  inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
];

describe('client setup: credentials in a URL', () => {
  it.each([
    ['a user name and password', 'https://user:s3cretpass@issuer.test/v1'],
    ['a user name only', 'https://s3cretpass@issuer.test/v1'],
    ['a password only', 'https://:s3cretpass@issuer.test/v1'],
  ])(
    'answers a baseUrl holding %s as a setup mistake, rejected, sending nothing and echoing nothing',
    async (_case, baseUrl) => {
      const scope = nock(ORIGIN).get('/v1/x').reply(200, {});
      const error = (await testClient({ baseUrl }).get('/x'))._unsafeUnwrapErr();
      expect(error).toMatchObject({
        kind: 'configuration',
        code: 'invalid_client_setup',
        outcome: 'rejected',
        retryable: false,
        message:
          "Test: baseUrl holds a user name or password (put credentials in the client's options, not in the URL)",
      });
      expect(scope.pendingMocks()).toHaveLength(1);
      for (const surface of surfaces(error)) expect(surface).not.toContain('s3cretpass');
    },
  );

  it('accepts an @ in the path or query, which is no credential', async () => {
    nock(ORIGIN).get('/v1/users/a@b.test/x').reply(200, { ok: true });
    const result = await testClient({ baseUrl: `${ORIGIN}/v1/users/a@b.test` }).get('/x');
    expect(result._unsafeUnwrap()).toEqual({ ok: true });
  });
});

describe('client setup: rate limits', () => {
  it.each([[null], [5], ['40/s']])(
    'answers a rateLimit of %o with the setup error, never a throw',
    async (rateLimit) => {
      const error = (
        await testClient({ rateLimit: rateLimit as never }).get('/x')
      )._unsafeUnwrapErr();
      expect(error.message).toBe(
        'Test: rateLimit needs requestsPerSecond > 0 and a whole burst ≥ 1',
      );
    },
  );

  it.each([
    [{ read: { requestsPerSecond: 5 } }, 'write'],
    [{ write: { requestsPerSecond: 5 } }, 'read'],
  ])('names the budget missing from split budgets %o', async (rateLimit, missing) => {
    const scope = nock(ORIGIN).get('/v1/x').reply(200, {});
    const error = (
      await testClient({ rateLimit: rateLimit as never }).get('/x')
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'configuration', code: 'invalid_client_setup' });
    expect(error.message).toBe(
      `Test: rateLimit.${missing} is missing: give reads and writes a budget each, or one budget for both`,
    );
    expect(scope.pendingMocks()).toHaveLength(1);
  });
});

describe('client setup: a shared store', () => {
  it("needs rateKey or rateCredential with a token source alone, since tokens may be any tenant's", async () => {
    const scope = nock(ORIGIN).get('/v1/x').times(3).reply(200, {});
    const shared = { rateStore: createMemoryRateStore(), getAccessToken: () => 'token' };
    const error = (await testClient(shared).get('/x'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'configuration', code: 'invalid_client_setup' });
    expect(error.message).toBe(
      'Test: rateStore needs rateKey or rateCredential: with getAccessToken alone, the client cannot tell whose budget its requests spend',
    );
    expect(scope.pendingMocks()).toHaveLength(1);
    expect((await testClient({ ...shared, rateKey: 'tenant-a' }).get('/x')).isOk()).toBe(true);
    expect((await testClient({ ...shared, rateCredential: 'client-a' }).get('/x')).isOk()).toBe(
      true,
    );
  });
});

describe('client setup: health', () => {
  it('answers a health setting out of its range as a setup mistake, naming it, sending nothing', async () => {
    const scope = nock(ORIGIN).get('/v1/x').reply(200, {});
    const error = (
      await testClient({ health: { probeAfterMs: { min: 5000, max: 1000 } } }).get('/x')
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ code: 'invalid_client_setup', outcome: 'rejected' });
    expect(error.message).toContain('health.probeAfterMs must be { min, max } in ms');
    expect(scope.isDone()).toBe(false);
  });
});
