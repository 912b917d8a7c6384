/**
 * nock shortcuts that answer with a provider's documented responses by scenario name.
 *
 * @packageDocumentation
 */
export { type CarddaMock, mockCardda } from './mock-cardda';
export { type ClaraMock, type MockTokenOptions, mockClara } from './mock-clara';
export type {
  IssuerMock,
  MockMatch,
  MockMethod,
  MockNetworkFailure,
  MockReplyOptions,
  MockSuccessOptions,
} from './mock-issuer';
