import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockCardda } from './mock-cardda';
import { mockClara } from './mock-clara';

const CARDDA = 'https://api.cardda.com';
const CLARA = 'https://clara.example';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('mockCardda', () => {
  it('answers with the documented 429, with the Retry-After asked for', async () => {
    mockCardda(nock(CARDDA)).reply('rate-limited', { retryAfter: 2 });
    const response = await fetch(`${CARDDA}/v1/cards`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toMatchObject({ error: 'rate_limit_exceeded', retry_after: 2 });
  });

  it('answers the same request with its replies in order', async () => {
    const mock = mockCardda(nock(CARDDA))
      .reply('internal-error-traced', { method: 'POST', path: '/v1/banking/bank_recipients' })
      .replyOk({ id: 'r1' }, { method: 'POST', path: '/v1/banking/bank_recipients', status: 201 });
    const post = () =>
      fetch(`${CARDDA}/v1/banking/bank_recipients`, { method: 'POST', body: '{}' });
    const first = await post();
    expect(first.status).toBe(500);
    expect(first.headers.get('x-request-id')).toBe('8f3c2a7e-1b4d-4f9a-b2c5-9d7e8f1a2b3c');
    const second = await post();
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual({ id: 'r1' });
    expect(mock.scope.isDone()).toBe(true);
  });

  it('only answers the method and path it was given, as many times as asked', async () => {
    const mock = mockCardda(nock(CARDDA)).reply('not-found-or-not-your-company', {
      method: 'DELETE',
      path: '/v1/cards/c1',
      times: 2,
    });
    await expect(fetch(`${CARDDA}/v1/cards/c1`)).rejects.toThrow();
    expect((await fetch(`${CARDDA}/v1/cards/c1`, { method: 'DELETE' })).status).toBe(404);
    expect(mock.scope.isDone()).toBe(false);
    expect((await fetch(`${CARDDA}/v1/cards/c1`, { method: 'DELETE' })).status).toBe(404);
    expect(mock.scope.isDone()).toBe(true);
  });

  it('fails like the network, with the error code the clients classify', async () => {
    mockCardda(nock(CARDDA)).fail('ECONNRESET');
    const failure = await fetch(`${CARDDA}/v1/cards`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).cause).toMatchObject({ code: 'ECONNRESET' });
  });
});

describe('mockClara', () => {
  it('issues client-credentials tokens at /oauth/token', async () => {
    mockClara(nock(CLARA)).token({ accessToken: 'first', expiresIn: 60 });
    const response = await fetch(`${CLARA}/oauth/token`, {
      method: 'POST',
      body: 'grant_type=client_credentials',
    });
    expect(await response.json()).toEqual({
      access_token: 'first',
      token_type: 'Bearer',
      expires_in: 60,
    });
  });

  it('answers with B013 exactly as Clara documents it', async () => {
    mockClara(nock(CLARA)).reply('b013-threshold-exceeds-company-limit', {
      method: 'POST',
      path: '/cards',
    });
    const response = await fetch(`${CLARA}/cards`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      code: 'B013',
      message: 'Threshold exceeds company limit',
      timestamp: '2024-03-15T10:30:00Z',
    });
  });

  it('refuses a scenario it has no fixture for', () => {
    expect(() => mockClara(nock(CLARA)).reply('no-such-error' as never)).toThrow(
      /Unknown scenario/,
    );
  });
});
