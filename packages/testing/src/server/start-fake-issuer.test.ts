import { request as httpRequest } from 'node:http';
import { isIssuerError } from '@issuer-errors/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeIssuer } from './fake-issuer-types';
import { startFakeIssuer } from './start-fake-issuer';

const AUTH = { authorization: 'Bearer key', 'company-id': 'acme' };
let fake: FakeIssuer<'cardda'>;

afterEach(async () => fake?.close());

const start = async () => {
  fake = await startFakeIssuer({ provider: 'cardda' });
  return fake;
};

describe('startFakeIssuer', () => {
  it('listens on 127.0.0.1 at a free port and gives the client its base URL', async () => {
    await start();
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.port).toBeGreaterThan(0);
    expect(fake.baseUrl).toBe(`${fake.url}/v1`);
  });

  it('answers a route’s outcomes in order, then repeats the last', async () => {
    await start();
    fake.route('GET', '/cards/:id', ['internal-error-traced', { json: { id: 'c1' } }]);
    const statuses = [];
    for (let index = 0; index < 3; index += 1) {
      statuses.push((await fetch(`${fake.baseUrl}/cards/c1`, { headers: AUTH })).status);
    }
    expect(statuses).toEqual([500, 200, 200]);
    expect(fake.requests.map((logged) => logged.answer)).toEqual([
      'internal-error-traced 500',
      'ok 200',
      'ok 200',
    ]);
  });

  it('logs each request with its path, query, headers and body', async () => {
    await start();
    fake.route('POST', '/banking/bank_recipients', [{ json: { id: 'r1' }, status: 201 }]);
    await fetch(`${fake.baseUrl}/banking/bank_recipients?dry=1`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: '{"name":"Acme Vendor"}',
    });
    expect(fake.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/banking/bank_recipients',
        query: { dry: '1' },
        body: '{"name":"Acme Vendor"}',
        headers: expect.objectContaining({ 'company-id': 'acme' }),
        answer: 'ok 201',
      }),
    ]);
  });

  it('holds a stalled request until the client gives up', async () => {
    await start();
    fake.route('GET', '/cards', [{ stall: true }]);
    // The wall clock: the fake holds a real socket, and only the client's real timer ends the wait.
    const started = Date.now();
    const failure = await fetch(`${fake.baseUrl}/cards`, {
      headers: AUTH,
      signal: AbortSignal.timeout(150),
    }).catch((error: unknown) => error);
    expect((failure as Error).name).toBe('TimeoutError');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('drops the connection before the response', async () => {
    await start();
    fake.route('GET', '/cards', [{ reset: 'before-response' }]);
    await expect(fetch(`${fake.baseUrl}/cards`, { headers: AUTH })).rejects.toThrow(/fetch failed/);
  });

  it('drops the connection halfway through the body', async () => {
    await start();
    fake.route('GET', '/cards', [{ reset: 'mid-body' }]);
    const response = await fetch(`${fake.baseUrl}/cards`, { headers: AUTH });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it('sends a slow body in parts, all of it in the end', async () => {
    await start();
    fake.route('GET', '/cards', [{ json: { data: ['a', 'b', 'c'] }, chunkDelayMs: 20 }]);
    // The wall clock: the parts cross a real socket; only a lower bound is asserted, never an upper.
    const started = Date.now();
    const response = await fetch(`${fake.baseUrl}/cards`, { headers: AUTH });
    expect(await response.json()).toEqual({ data: ['a', 'b', 'c'] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('serves many slow answers at once without a listener-leak warning', async () => {
    await start();
    fake.route('GET', '/cards', [{ json: { ok: true }, chunkDelayMs: 2, delayMs: 5 }]);
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const responses = await Promise.all(
        Array.from({ length: 30 }, () => fetch(`${fake.baseUrl}/cards`, { headers: AUTH })),
      );
      await Promise.all(responses.map((response) => response.json()));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('answers an unscripted route with the provider’s 404, logged as unscripted 404', async () => {
    await start();
    const response = await fetch(`${fake.baseUrl}/nowhere`, { headers: AUTH });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found' });
    await fetch(`${fake.url}/outside-the-api`, { headers: AUTH });
    expect(fake.requests.map((request) => request.answer)).toEqual([
      'unscripted 404',
      'unscripted 404',
    ]);
  });

  it('refuses to script a scenario the provider has no fixture for', async () => {
    await start();
    expect(() =>
      fake.route('GET', '/cards', ['b013-threshold-exceeds-company-limit' as never]),
    ).toThrow(/Unknown scenario "b013-threshold-exceeds-company-limit"/);
  });

  it('forgets routes, log and limits on reset', async () => {
    await start();
    fake.route('GET', '/cards', [{ json: [] }]);
    await fetch(`${fake.baseUrl}/cards`, { headers: AUTH });
    fake.reset();
    expect(fake.requests).toEqual([]);
    expect((await fetch(`${fake.baseUrl}/cards`, { headers: AUTH })).status).toBe(404);
  });

  it('never listens beyond loopback: another host is a configuration error', async () => {
    const failure = await startFakeIssuer({ provider: 'cardda', host: '0.0.0.0' }).catch(
      (error: unknown) => error,
    );
    expect(isIssuerError(failure)).toBe(true);
    expect(failure).toMatchObject({ kind: 'configuration', code: 'invalid_client_setup' });
  });

  it('reports a port in use as a configuration error', async () => {
    await start();
    const failure = await startFakeIssuer({ provider: 'clara', port: fake.port }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ kind: 'configuration', code: 'invalid_client_setup' });
  });

  it('closes promptly even with a request stalled and a slow body on the wire', async () => {
    await start();
    fake.route('GET', '/stall', [{ stall: true }]);
    fake.route('GET', '/slow', [{ json: { data: 'x'.repeat(1000) }, chunkDelayMs: 10_000 }]);
    const stalled = rawGet(fake.port, '/v1/stall');
    const slow = rawGet(fake.port, '/v1/slow');
    // The wall clock: both requests must be on real sockets before close; 1 s is 20× what close takes idle.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await fake.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(stalled).resolves.toBe('closed');
    await expect(slow).resolves.toBe('closed');
    await expect(fetch(`${fake.baseUrl}/cards`)).rejects.toThrow();
  });
});

function rawGet(port: number, path: string): Promise<string> {
  return new Promise((resolve) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, headers: AUTH }, (response) => {
      response.on('data', () => {});
      response.on('error', () => resolve('closed'));
      response.on('close', () => resolve('closed'));
    });
    request.on('error', () => resolve('closed'));
    request.end();
  });
}
