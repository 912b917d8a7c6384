/**
 * A scriptable fake Clara or Cardda on loopback, for integration tests, demos and front-end dev
 * builds, and a `redis-server` or Redis Cluster of a test's own, for tests of a fleet that shares a Redis.
 *
 * @packageDocumentation
 */

export {
  type RedisCluster,
  type RedisClusterOptions,
  startRedisCluster,
} from '../redis/start-redis-cluster';
export {
  type RedisServer,
  type RedisServerOptions,
  startRedisServer,
} from '../redis/start-redis-server';
export type {
  FakeIssuer,
  FakeIssuerOptions,
  FakeMethod,
  FakeOutage,
  FakeOutcome,
  FakeProvider,
  FakeRateClass,
  FakeRateLimit,
  FakeReadWriteLimits,
  FakeRequest,
  ScenarioOf,
} from './fake-issuer-types';
export { startFakeIssuer } from './start-fake-issuer';
