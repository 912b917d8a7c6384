import { afterEach, describe, expect, it } from 'vitest';
import type { FakeIssuer } from './fake-issuer-types';
import { startFakeIssuer } from './start-fake-issuer';

const PAGE = 'http://127.0.0.1:5173';
const AUTH = { authorization: 'Bearer key', 'company-id': 'acme' };
let fake: FakeIssuer<'cardda'>;

afterEach(async () => fake?.close());

const preflight = (origin: string) =>
  fetch(`${fake.baseUrl}/cards/c1`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization,company-id',
    },
  });

describe('startFakeIssuer({ allowOrigin })', () => {
  it('answers a preflight from the allowed page with 204, before auth', async () => {
    fake = await startFakeIssuer({ provider: 'cardda', allowOrigin: PAGE });
    const response = await preflight(PAGE);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,company-id');
    expect(fake.requests).toEqual([]);
  });

  it('stamps the page’s origin on errors and exposes every header, Retry-After included', async () => {
    fake = await startFakeIssuer({ provider: 'cardda', allowOrigin: PAGE });
    fake.route('GET', '/cards/:id', [{ error: 'rate-limited', retryAfter: 7 }]);
    const response = await fetch(`${fake.baseUrl}/cards/c1`, {
      headers: { ...AUTH, origin: PAGE },
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(response.headers.get('access-control-expose-headers')).toBe('*');
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('allows any page with "*"', async () => {
    fake = await startFakeIssuer({ provider: 'cardda', allowOrigin: '*' });
    const response = await preflight('http://localhost:3000');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('gives another origin no CORS headers, so the browser blocks it', async () => {
    fake = await startFakeIssuer({ provider: 'cardda', allowOrigin: PAGE });
    const response = await preflight('http://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.status).not.toBe(204);
  });

  it('sends no CORS headers by default, as a server-side API', async () => {
    fake = await startFakeIssuer({ provider: 'cardda' });
    const response = await preflight(PAGE);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
