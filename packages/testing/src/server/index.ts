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
