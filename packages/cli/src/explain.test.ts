import { carddaFixtures, claraFixtures, type ErrorFixture } from '@issuer-errors/testing';
import { describe, expect, it } from 'vitest';
import { ADVICE } from './advice';
import { explainResponse } from './explain';
import { formatExplanation } from './format-explanation';

const every: [string, 'clara' | 'cardda', ErrorFixture][] = [
  ...carddaFixtures.map(
    (fixture) => [fixture.id, 'cardda' as const, fixture] as [string, 'cardda', ErrorFixture],
  ),
  ...claraFixtures.map(
    (fixture) => [fixture.id, 'clara' as const, fixture] as [string, 'clara', ErrorFixture],
  ),
];

describe('explainResponse', () => {
  it.each(every)(
    '%s: the documented error, its advice and its problem+json',
    (_id, provider, fixture) => {
      const { error, advice, problem } = explainResponse(provider, fixture.response);
      expect(error).toMatchObject({ provider, ...fixture.expected });
      expect(advice[0]).toBe(ADVICE[fixture.expected.code]);
      expect(problem).toMatchObject({ code: fixture.expected.code, kind: fixture.expected.kind });
      const text = formatExplanation({ error, advice, problem });
      expect(text).toContain(`  code          ${fixture.expected.code}\n`);
    },
  );

  it('says a write may have gone through when the outcome is unknown, and never to retry it blindly', () => {
    const fixture = carddaFixtures.find((candidate) => candidate.expected.outcome === 'unknown');
    expect(fixture).toBeDefined();
    const { advice } = explainResponse('cardda', fixture?.response as ErrorFixture['response']);
    expect(advice[1]).toMatch(/may have acted: do not resend a write/);
  });

  it('says a rejected, transient error is safe to retry after its wait', () => {
    const limited = carddaFixtures.find((fixture) => fixture.id === 'rate-limited');
    const { advice } = explainResponse('cardda', limited?.response as ErrorFixture['response']);
    expect(advice[1]).toBe(
      'Safe to retry after 1000 ms, even a payment: the provider certainly did not act.',
    );
  });
});
