import type { Scope } from 'nock';
import { type ClaraScenario, claraFixtures } from '../clara/clara-fixtures';
import { type IssuerMock, type MockMatch, mockIssuer } from './mock-issuer';

/** What {@link ClaraMock.token} answers. */
export interface MockTokenOptions extends Omit<MockMatch, 'method'> {
  /** Default `'fake-clara-token'`. */
  readonly accessToken?: string;
  /** Seconds; default 3600. */
  readonly expiresIn?: number;
}

/** Nock shortcuts for Clara: every documented Clara error by name, plus its token endpoint. */
export interface ClaraMock extends IssuerMock<ClaraScenario> {
  /** Answers `POST /oauth/token` (or `path`) with a client-credentials token. */
  token(options?: MockTokenOptions): this;
}

/**
 * Answers requests in a nock scope with Clara's documented responses.
 *
 * @example
 * const clara = mockClara(nock('https://clara.example'));
 * clara.token().reply('token-expired').token({ accessToken: 'second' }).replyOk({ content: [] });
 */
export function mockClara(scope: Scope): ClaraMock {
  const mock = mockIssuer(scope, claraFixtures);
  return Object.assign(mock, {
    token(this: ClaraMock, options: MockTokenOptions = {}) {
      const body = {
        access_token: options.accessToken ?? 'fake-clara-token',
        token_type: 'Bearer',
        expires_in: options.expiresIn ?? 3600,
      };
      return this.replyOk(body, {
        ...options,
        method: 'POST',
        path: options.path ?? '/oauth/token',
      });
    },
  });
}
