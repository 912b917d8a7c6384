import { type FakeIssuer, startFakeIssuer } from '@issuer-errors/testing/server';
import { afterEach, describe, expect, it } from 'vitest';
import { createCarddaClient } from './create-cardda-client';

const API_KEY = 'cardda_test_key_0123456789';
let fake: FakeIssuer<'cardda'>;
afterEach(async () => fake?.close());

describe('createCarddaClient against the fake Cardda, over sockets', () => {
  it('waits out the fake’s Retry-After, then creates the recipient', async () => {
    fake = await startFakeIssuer({
      provider: 'cardda',
      rateLimit: { burst: 1, requestsPerSecond: 2 },
    });
    fake.route('POST', '/banking/bank_recipients', [{ json: { id: 'r1' }, status: 201 }]);
    const retries: number[] = [];
    const cardda = createCarddaClient({
      baseUrl: fake.baseUrl,
      apiKey: API_KEY,
      companyId: 'acme',
      onRetry: (event) => retries.push(event.delayMs),
    });
    await cardda.post('/banking/bank_recipients', { json: { name: 'first' } });
    const result = await cardda.post('/banking/bank_recipients', { json: { name: 'second' } });
    expect(result._unsafeUnwrap()).toEqual({ id: 'r1' });
    expect(retries).toEqual([1000]);
    expect(fake.requests.map((logged) => logged.answer)).toEqual([
      'ok 201',
      'rate-limited 429',
      'ok 201',
    ]);
  });

  it('returns the missing company-id as a configuration error with the fake’s request id', async () => {
    fake = await startFakeIssuer({ provider: 'cardda' });
    fake.route('GET', '/banking/bank_transactions', [{ json: [] }]);
    const error = (
      await createCarddaClient({ baseUrl: fake.baseUrl, apiKey: API_KEY }).get(
        '/banking/bank_transactions',
      )
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'configuration', code: 'missing_company_id', attempts: 1 });
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.requests.at(-1)?.answer).toBe('missing-company-id 401');
  });

  it('retries a read through a gateway’s HTML 502, then reads the list', async () => {
    fake = await startFakeIssuer({ provider: 'cardda' });
    fake.route('GET', '/cards', ['bad-gateway-html', { json: [{ id: 'c1' }] }]);
    const cardda = createCarddaClient({
      baseUrl: fake.baseUrl,
      apiKey: API_KEY,
      companyId: 'acme',
      random: () => 0,
    });
    expect((await cardda.get('/cards'))._unsafeUnwrap()).toEqual([{ id: 'c1' }]);
    expect(fake.requests.map((logged) => logged.answer)).toEqual([
      'bad-gateway-html 502',
      'ok 200',
    ]);
  });
});
