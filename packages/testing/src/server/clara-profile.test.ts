import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FakeIssuer } from './fake-issuer-types';
import { startFakeIssuer } from './start-fake-issuer';

let fake: FakeIssuer<'clara'>;
afterEach(async () => fake?.close());

const requestToken = (secret: string) =>
  fetch(fake.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'app',
      client_secret: secret,
    }),
  });

describe('the fake Clara', () => {
  it('issues a token for the right client credentials, and rejects the wrong secret', async () => {
    fake = await startFakeIssuer({
      provider: 'clara',
      clientId: 'app',
      clientSecret: 's3cret',
      tokenLifetimeSeconds: 120,
    });
    const issued = await requestToken('s3cret');
    expect(await issued.json()).toEqual({
      access_token: expect.stringMatching(/^fake-clara-token-/),
      token_type: 'Bearer',
      expires_in: 120,
    });
    const refused = await requestToken('wrong');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('answers a call without a live token with Clara’s bare 401, also once tokens expire', async () => {
    fake = await startFakeIssuer({ provider: 'clara' });
    fake.route('GET', '/cards', [{ json: [] }]);
    const token = fake.issueToken();
    const call = (authorization?: string) =>
      fetch(
        `${fake.baseUrl}/cards`,
        authorization === undefined ? {} : { headers: { authorization } },
      );
    expect((await call(`Bearer ${token}`)).status).toBe(200);
    const anonymous = await call();
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ message: 'Unauthorized' });
    fake.expireTokens();
    expect((await call(`Bearer ${token}`)).status).toBe(401);
  });

  it('limits reads and writes separately, answering {"message": "Too Many Requests"}', async () => {
    fake = await startFakeIssuer({
      provider: 'clara',
      rateLimit: { burst: 1, requestsPerSecond: 0.1 },
    });
    fake.route('GET', '/cards', [{ json: [] }]);
    fake.route('POST', '/cards', [{ json: { id: 'c1' }, status: 201 }]);
    const headers = { authorization: `Bearer ${fake.issueToken()}` };
    expect((await fetch(`${fake.baseUrl}/cards`, { headers })).status).toBe(200);
    const limited = await fetch(`${fake.baseUrl}/cards`, { headers });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ message: 'Too Many Requests' });
    expect(
      (await fetch(`${fake.baseUrl}/cards`, { method: 'POST', headers, body: '{}' })).status,
    ).toBe(201);
  });

  it('sizes reads and writes apart with { read, write }, per OAuth client', async () => {
    fake = await startFakeIssuer({
      provider: 'clara',
      rateLimit: {
        read: { burst: 2, requestsPerSecond: 0.01 },
        write: { burst: 1, requestsPerSecond: 0.01 },
      },
    });
    fake.route('GET', '/cards', [{ json: [] }]);
    fake.route('POST', '/cards', [{ json: { id: 'c1' }, status: 201 }]);
    const tokenOf = async (clientId: string) => {
      const body = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: 'secret',
      });
      const response = await fetch(fake.tokenUrl, { method: 'POST', body });
      return ((await response.json()) as { access_token: string }).access_token;
    };
    const first = { authorization: `Bearer ${await tokenOf('client-1')}` };
    // A second process of the same OAuth client, with a token of its own, shares the buckets.
    const sameClient = { authorization: `Bearer ${await tokenOf('client-1')}` };
    const otherClient = { authorization: `Bearer ${await tokenOf('client-2')}` };
    const read = (headers: Record<string, string>) =>
      fetch(`${fake.baseUrl}/cards`, { headers }).then((response) => response.status);
    const write = (headers: Record<string, string>) =>
      fetch(`${fake.baseUrl}/cards`, { method: 'POST', headers, body: '{}' }).then(
        (response) => response.status,
      );
    expect([await read(first), await read(sameClient), await read(first)]).toEqual([200, 200, 429]);
    expect([await write(sameClient), await write(first)]).toEqual([201, 429]);
    expect([await read(otherClient), await write(otherClient)]).toEqual([200, 201]);
  });

  it('answers a scripted documented error exactly as Clara sends it', async () => {
    fake = await startFakeIssuer({ provider: 'clara' });
    fake.route('POST', '/cards', ['card-creation-queue']);
    const response = await fetch(`${fake.baseUrl}/cards`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fake.issueToken()}` },
      body: '{}',
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      message: 'This user already has a card in the creation queue. Try again in 2 minutes',
    });
  });

  it.each([
    ['documented refusal', 'oauth-invalid-client', 401, 'oauth-invalid-client 401'],
    ['500', { json: { message: 'Core service failure' }, status: 500 }, 500, 'ok 500'],
  ] as const)(
    'answers the token request with a scripted %s instead of a token',
    async (_name, outcome, status, answer) => {
      fake = await startFakeIssuer({ provider: 'clara' });
      fake.route('POST', '/oauth/token', [outcome]);
      const response = await requestToken('s3cret');
      expect(response.status).toBe(status);
      expect(await response.json()).not.toHaveProperty('access_token');
      expect(fake.requests.map((request) => request.answer)).toEqual([answer]);
    },
  );

  it('holds a token request scripted to stall until the client gives up', async () => {
    fake = await startFakeIssuer({ provider: 'clara' });
    fake.route('POST', '/oauth/token', [{ stall: true }]);
    const controller = new AbortController();
    const pending = fetch(fake.tokenUrl, {
      method: 'POST',
      body: 'grant_type=client_credentials&client_id=app&client_secret=s3cret',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      signal: controller.signal,
    }).catch((error: unknown) => error);
    // The client gives up only once the fake holds the request, however slow a loaded machine is.
    await vi.waitFor(() => expect(fake?.requests).toHaveLength(1), { timeout: 10_000 });
    controller.abort(new DOMException('The client gave up', 'TimeoutError'));
    expect(((await pending) as Error).name).toBe('TimeoutError');
    expect(fake.requests.map((request) => request.answer)).toEqual(['stall']);
  });

  it('issues tokens again once the scripted token route is reset', async () => {
    fake = await startFakeIssuer({ provider: 'clara' });
    fake.route('POST', '/oauth/token', ['oauth-invalid-client']);
    fake.reset();
    expect((await requestToken('s3cret')).status).toBe(200);
  });
});
