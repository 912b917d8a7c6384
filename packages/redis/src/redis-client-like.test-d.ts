import type IoRedis from 'ioredis';
import type { Cluster as IoRedisCluster } from 'ioredis';
import type IoRedis5 from 'ioredis5';
import type { Cluster as IoRedis5Cluster } from 'ioredis5';
import { createClient, createCluster } from 'redis';
import { createClient as createClient5, createCluster as createCluster5 } from 'redis5';
import { describe, expectTypeOf, it } from 'vitest';
import type { RedisClientLike } from './redis-client';

describe('RedisClientLike', () => {
  it('takes a node-redis client as createClient makes it, with or without options, 6 and 5', () => {
    expectTypeOf(createClient()).toExtend<RedisClientLike>();
    expectTypeOf(createClient({ url: 'redis://127.0.0.1:6379' })).toExtend<RedisClientLike>();
    expectTypeOf(createClient5({ url: 'redis://127.0.0.1:6379' })).toExtend<RedisClientLike>();
  });

  it('takes a node-redis cluster, which routes each script by its keys, 6 and 5', () => {
    expectTypeOf(createCluster({ rootNodes: [] })).toExtend<RedisClientLike>();
    expectTypeOf(createCluster5({ rootNodes: [] })).toExtend<RedisClientLike>();
  });

  it('takes an ioredis client and cluster, 6 and 5', () => {
    expectTypeOf<IoRedis>().toExtend<RedisClientLike>();
    expectTypeOf<IoRedisCluster>().toExtend<RedisClientLike>();
    expectTypeOf<IoRedis5>().toExtend<RedisClientLike>();
    expectTypeOf<IoRedis5Cluster>().toExtend<RedisClientLike>();
  });
});
