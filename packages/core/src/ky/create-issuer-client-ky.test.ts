import nock from 'nock';
import { describe, expect, it, vi } from 'vitest';
import { BASE_URL, testAdapter } from '../adapter/__fixtures__/test-adapter';
import { ORIGIN, testClient, useNock } from './__fixtures__/test-client';

useNock();

describe('createIssuerClient: its ky', () => {
  it('keeps the hooks of a ky instance it is given', async () => {
    const { default: ky } = await import('ky');
    // ky 1 hands hooks the request, ky 2 a state object holding it.
    const requestOf = (state: Request | { request: Request }) =>
      'request' in state ? state.request : state;
    const instance = ky.create({
      hooks: { beforeRequest: [(state) => requestOf(state).headers.set('x-hooked', 'yes')] },
    });
    nock(ORIGIN).get('/v1/hooked').matchHeader('x-hooked', 'yes').reply(200, { hooked: true });
    expect((await testClient({ ky: instance }).get('/hooked'))._unsafeUnwrap()).toEqual({
      hooked: true,
    });
  });

  it("turns a ky instance's own retries and HTTP errors off, reading error bodies itself", async () => {
    const { default: ky } = await import('ky');
    const scope = nock(ORIGIN)
      .get('/v1/cards/9')
      .reply(404, { error: 'card_missing', message: 'No such card' })
      .get('/v1/cards/9')
      .reply(200, {});
    const error = (await testClient({ ky: ky.create({}) }).get('/cards/9'))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'not_found',
      status: 404,
      providerCode: 'card_missing',
      attempts: 1,
    });
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it('hands ky the options it is given, without the URL options', async () => {
    const seen: Record<string, unknown>[] = [];
    // ky 1 hands hooks the request and its options, ky 2 a state object holding both.
    const optionsOf = (state: Request | { options: object }, options?: object) =>
      ('options' in state ? state.options : options) as Record<string, unknown>;
    const beforeRequest = (state: Request | { options: object }, options?: object) => {
      seen.push(optionsOf(state, options));
    };
    nock(ORIGIN).get('/v1/x').matchHeader('x-from-ky-options', 'yes').reply(200, { ok: true });
    const result = await testClient({
      ky: {
        prefixUrl: 'https://elsewhere.test',
        prefix: 'https://elsewhere.test',
        baseUrl: 'https://elsewhere.test',
        headers: { 'x-from-ky-options': 'yes' },
        hooks: { beforeRequest: [beforeRequest] },
      },
    }).get('/x');
    expect(result._unsafeUnwrap()).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    // Either major may normalize an absent URL option to ''.
    const urlOptions = [seen[0]?.prefixUrl, seen[0]?.prefix, seen[0]?.baseUrl];
    expect(urlOptions.map((value) => value ?? '')).toEqual(['', '', '']);
  });

  it('turns a missing ky into an invalid_client_setup error instead of rejecting', async () => {
    vi.resetModules();
    vi.doMock('ky', () => {
      throw new Error("Cannot find package 'ky'");
    });
    try {
      const { createIssuerClient: withoutKy } = await import('./create-issuer-client');
      const result = await withoutKy({ adapter: testAdapter, baseUrl: BASE_URL }).get('/x');
      const error = result._unsafeUnwrapErr();
      expect(error).toMatchObject({
        provider: 'test',
        kind: 'configuration',
        code: 'invalid_client_setup',
        message: 'Test: the client needs ky (npm install ky) or a ky instance',
      });
      expect(error.cause).toBeInstanceOf(Error);
    } finally {
      vi.doUnmock('ky');
      vi.resetModules();
    }
  });

  it('ignores URL options in ky options and keeps its own retry off', async () => {
    nock(ORIGIN).get('/v1/x').reply(503);
    const result = await testClient({
      ky: { prefixUrl: 'https://elsewhere.test', retry: 5 },
      maxAttempts: 1,
    }).get('/x');
    expect(result._unsafeUnwrapErr()).toMatchObject({ kind: 'unavailable', attempts: 1 });
  });
});
