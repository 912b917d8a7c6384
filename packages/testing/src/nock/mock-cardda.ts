import type { Scope } from 'nock';
import { type CarddaScenario, carddaFixtures } from '../cardda/cardda-fixtures';
import { type IssuerMock, mockIssuer } from './mock-issuer';

/** Nock shortcuts for Cardda: every documented Cardda error by name. */
export type CarddaMock = IssuerMock<CarddaScenario>;

/**
 * Answers requests in a nock scope with Cardda's documented responses.
 *
 * @example
 * const cardda = mockCardda(nock('https://api.cardda.com'));
 * cardda.reply('rate-limited', { retryAfter: 2 }).replyOk({ data: [] });
 * // the client waits 2 s, then gets the list
 */
export function mockCardda(scope: Scope): CarddaMock {
  return mockIssuer(scope, carddaFixtures);
}
