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
      const explanation = explainResponse(provider, fixture.response);
      if (explanation.error === null) throw new Error('every fixture is an error');
      const { error, advice, problem } = explanation;
      expect(error).toMatchObject({ provider, ...fixture.expected });
      expect(advice[0]).toBe(ADVICE[fixture.expected.code]);
      expect(problem).toMatchObject({ code: fixture.expected.code, kind: fixture.expected.kind });
      const text = formatExplanation(explanation);
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

  it.each([
    [200, 'OK'],
    [201, 'Created'],
    [304, 'Not Modified'],
  ])('says a %d is not an error, with nothing to normalize', (status) => {
    const explanation = explainResponse('cardda', { status, headers: {}, body: '{"id":"t1"}' });
    expect(explanation).toEqual({
      status,
      error: null,
      advice: [
        `HTTP ${status} is not an error: the provider accepted the request, so there is nothing to explain.`,
      ],
    });
    expect(formatExplanation(explanation)).toBe(
      `Not an error\n  status        ${status}\n\nWhat to do\n  - ${explanation.advice[0]}\n`,
    );
  });

  it('says a 422 whose body is not the documented JSON names no field, and shows what it held', () => {
    const explanation = explainResponse('cardda', {
      status: 422,
      headers: { 'X-Request-Id': 'req-422' },
      body: '<html><body>Unprocessable</body></html>',
    });
    if (explanation.error === null) throw new Error('a 422 is an error');
    expect(explanation.error).toMatchObject({ code: 'invalid_field', fieldErrors: {} });
    expect(explanation.advice[0]).toBe(
      'The provider refused some fields but named none (the body is not its documented JSON): read the raw body below, then fix and resend.',
    );
    const text = formatExplanation(explanation);
    expect(text).not.toContain('Fix the fields listed below');
    expect(text).toContain('  raw body      <html><body>Unprocessable</body></html>\n');
  });
});
