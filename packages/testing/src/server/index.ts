/**
 * A scriptable fake Clara or Cardda on loopback, for integration tests, demos and front-end dev builds.
 *
 * @packageDocumentation
 */
export type {
  FakeIssuer,
  FakeIssuerOptions,
  FakeMethod,
  FakeOutcome,
  FakeProvider,
  FakeRateLimit,
  FakeRequest,
  ScenarioOf,
} from './fake-issuer-types';
export { startFakeIssuer } from './start-fake-issuer';
