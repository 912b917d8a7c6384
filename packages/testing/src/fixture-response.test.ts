import { describe, expect, it } from 'vitest';
import { carddaFixtures } from './cardda/cardda-fixtures';
import { claraFixtures } from './clara/clara-fixtures';
import { fixtureResponse } from './fixture-response';

describe('the fixtures', () => {
  it.each([
    ['clara', claraFixtures],
    ['cardda', carddaFixtures],
  ] as const)('gives every %s fixture its own id and a docs source', (_provider, fixtures) => {
    const ids = fixtures.map((fixture) => fixture.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const fixture of fixtures) expect(fixture.source.length).toBeGreaterThan(10);
  });

  it('covers each status of Clara’s status table and Cardda’s status code reference', () => {
    const statuses = (fixtures: readonly { response: { status: number } }[]) =>
      new Set(fixtures.map((fixture) => fixture.response.status));
    for (const status of [400, 401, 403, 404, 422, 429, 500, 511]) {
      expect(statuses(claraFixtures)).toContain(status);
    }
    for (const status of [400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504]) {
      expect(statuses(carddaFixtures)).toContain(status);
    }
  });
});

describe('fixtureResponse', () => {
  it('sends a longer Retry-After in the header and in Cardda’s retry_after field', () => {
    const response = fixtureResponse(carddaFixtures, 'rate-limited', { retryAfter: 2 });
    expect(response?.status).toBe(429);
    expect(response?.headers['Retry-After']).toBe('2');
    expect(
      Object.keys(response?.headers ?? {}).filter((name) => /retry-after/i.test(name)),
    ).toHaveLength(1);
    expect(JSON.parse(response?.body ?? '')).toMatchObject({
      error: 'rate_limit_exceeded',
      retry_after: 2,
    });
  });

  it('adds Retry-After to a body without a retry field and leaves the body alone', () => {
    const response = fixtureResponse(claraFixtures, 'rate-limited', { retryAfter: 3 });
    expect(response?.headers['Retry-After']).toBe('3');
    expect(JSON.parse(response?.body ?? '')).toEqual({ message: 'Too Many Requests' });
  });

  it('replaces the request id whatever its casing', () => {
    const response = fixtureResponse(carddaFixtures, 'internal-error-traced', {
      requestId: 'mine',
    });
    expect(response?.headers).toMatchObject({ 'X-Request-Id': 'mine' });
    expect(Object.values(response?.headers ?? {})).not.toContain(
      '8f3c2a7e-1b4d-4f9a-b2c5-9d7e8f1a2b3c',
    );
  });

  it('knows no scenario it has no fixture for', () => {
    expect(fixtureResponse(claraFixtures, 'no-such-scenario')).toBeUndefined();
  });
});
