import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FakeIssuer } from './fake-issuer-types';
import { startFakeIssuer } from './start-fake-issuer';

const AUTH = { authorization: 'Bearer key', 'company-id': 'acme' };
let fake: FakeIssuer | undefined;

afterEach(async () => {
  vi.useRealTimers();
  await fake?.close();
  fake = undefined;
});

const get = async (issuer: FakeIssuer, headers: Record<string, string> = AUTH) => {
  const response = await fetch(`${issuer.baseUrl}/cards/c1`, { headers });
  await response.arrayBuffer();
  return { status: response.status, requestId: response.headers.get('x-request-id') };
};

describe('a fake issuer’s outage', () => {
  it('answers every request with the documented 503 for its length, each with its own request id, then the routes again', async () => {
    // Only the fake's clock is faked: its sockets stay real.
    vi.useFakeTimers({ toFake: ['Date'] });
    const cardda = await startFakeIssuer({ provider: 'cardda' });
    fake = cardda;
    cardda.route('GET', '/cards/:id', [{ json: { id: 'c1' } }]);
    cardda.outage({ error: 'service-unavailable-empty', forMs: 8000 });
    const during = [await get(cardda), await get(cardda, {})];
    vi.setSystemTime(Date.now() + 7999);
    during.push(await get(cardda));
    vi.setSystemTime(Date.now() + 1);
    const after = await get(cardda);
    expect(during.map((answer) => answer.status)).toEqual([503, 503, 503]);
    expect(new Set(during.map((answer) => answer.requestId)).size).toBe(3);
    expect(after.status).toBe(200);
    expect(cardda.requests.map((logged) => logged.answer)).toEqual([
      'outage service-unavailable-empty 503',
      'outage service-unavailable-empty 503',
      'outage service-unavailable-empty 503',
      'ok 200',
    ]);
  });

  it('starts after afterMs and lasts until outage(undefined) ends it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const clara = await startFakeIssuer({
      provider: 'clara',
      outage: { error: 'b033-core-service-failure', afterMs: 1000 },
    });
    fake = clara;
    const token = clara.issueToken();
    const auth = { authorization: `Bearer ${token}` };
    clara.route('GET', '/cards/:id', [{ json: {} }]);
    const statuses = [(await get(clara, auth)).status];
    vi.setSystemTime(Date.now() + 1000);
    statuses.push((await get(clara, auth)).status);
    vi.setSystemTime(Date.now() + 60_000);
    statuses.push((await get(clara, auth)).status);
    clara.outage(undefined);
    statuses.push((await get(clara, auth)).status);
    expect(statuses).toEqual([200, 500, 500, 200]);
  });

  it('fails about the share asked of a degraded issuer’s requests', async () => {
    const cardda = await startFakeIssuer({
      provider: 'cardda',
      outage: { error: 'internal-error-traced', share: 0.2 },
    });
    fake = cardda;
    cardda.route('GET', '/cards/:id', [{ json: {} }]);
    const statuses = [];
    for (let round = 0; round < 10; round += 1) {
      const answers = await Promise.all(Array.from({ length: 20 }, () => get(cardda)));
      statuses.push(...answers.map((answer) => answer.status));
    }
    const failed = statuses.filter((status) => status === 500).length;
    // 200 draws at 20%: 40 expected; 17 and 63 lie 4 standard deviations (5.7) away.
    expect(failed).toBeGreaterThan(17);
    expect(failed).toBeLessThan(63);
    expect(statuses.filter((status) => status === 200)).toHaveLength(200 - failed);
  });

  it('refuses an outage of anything but a documented 500, 502, 503 or 504', async () => {
    const cardda = await startFakeIssuer({ provider: 'cardda' });
    fake = cardda;
    expect(() => cardda.outage({ error: 'rate-limit-exceeded' as never })).toThrow(
      /documented 500, 502, 503 or 504 scenario; "rate-limit-exceeded" is not one/,
    );
    expect(() => cardda.outage({ error: 'internal-error-traced', share: 0 })).toThrow(/share/);
    await expect(
      startFakeIssuer({ provider: 'clara', outage: { error: 'network-authentication-required' } }),
    ).rejects.toThrow(/is not one/);
  });
});
