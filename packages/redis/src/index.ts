/**
 * `createRedisRateStore`: one rate budget and one cooldown per class for every process that
 * uses a credential, kept in Redis, for the clients of `@issuer-errors/core`.
 *
 * @packageDocumentation
 */

export { createRedisRateStore } from './create-redis-rate-store';
export type {
  IoRedisClientLike,
  NodeRedisClientLike,
  RedisClientLike,
  ScriptArguments,
} from './redis-client';
export type { RedisRateStore, RedisRateStoreOptions } from './redis-store-options';
export { RedisStoreError, type RedisStoreProblem } from './store-reports';
