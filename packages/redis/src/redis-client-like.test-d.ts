import { createClient, createCluster } from 'redis';
import { describe, expectTypeOf, it } from 'vitest';
import type { RedisClientLike } from './run-script';

describe('RedisClientLike', () => {
  it('takes a node-redis client as createClient makes it, with or without modules', () => {
    expectTypeOf(createClient()).toExtend<RedisClientLike>();
    expectTypeOf(createClient({ url: 'redis://127.0.0.1:6379' })).toExtend<RedisClientLike>();
  });

  it('takes a node-redis cluster, which routes each script by its keys', () => {
    expectTypeOf(createCluster({ rootNodes: [] })).toExtend<RedisClientLike>();
  });
});
