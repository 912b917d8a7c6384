/**
 * `createRedisRateStore`: one rate budget and one cooldown per class for every process that
 * uses a credential, kept in Redis, for the clients of `@issuer-errors/core`.
 *
 * @packageDocumentation
 */

export {
  createRedisRateStore,
  type RedisRateStore,
  type RedisRateStoreOptions,
} from './create-redis-rate-store';
export type {
  IoRedisClientLike,
  NodeRedisClientLike,
  RedisClientLike,
  ScriptArguments,
} from './redis-client';
export { RedisStoreError, type RedisStoreProblem } from './store-reports';
