import IoRedis, { Cluster as IoRedisCluster } from 'ioredis';
import IoRedis5, { Cluster as IoRedis5Cluster } from 'ioredis5';
import { createClient, createCluster } from 'redis';
import { createClient as createClient5, createCluster as createCluster5 } from 'redis5';
import type { RedisClientLike } from '../redis-client';

/** A connected client of one library, and how to end it. */
export interface ConnectedClient {
  readonly redis: RedisClientLike;
  /** Runs a command as the library takes it: `['GET', key]`. */
  readonly send: (command: string[]) => Promise<unknown>;
  close(): Promise<void>;
}

/** Connects to one Redis server, as an app's process of a fleet would, reconnecting within 100 ms. */
export type Connect = (url: string) => Promise<ConnectedClient>;

/** Connects to a Redis Cluster by its primaries. */
export type ConnectCluster = (
  nodes: ReadonlyArray<{ url: string; host: string; port: number }>,
) => Promise<ConnectedClient>;

const nodeRedis =
  (create: typeof createClient): Connect =>
  async (url) => {
    const client = create({ url, socket: { reconnectStrategy: () => 100, connectTimeout: 500 } });
    client.on('error', () => {});
    await client.connect();
    return {
      redis: client as unknown as RedisClientLike,
      send: (command) => client.sendCommand(command),
      close: async () => {
        client.destroy();
      },
    };
  };

const ioRedis =
  (Create: typeof IoRedis): Connect =>
  async (url) => {
    const client = new Create(url, {
      retryStrategy: () => 100,
      connectTimeout: 500,
      lazyConnect: true,
    });
    client.on('error', () => {});
    await client.connect();
    return {
      redis: client as unknown as RedisClientLike,
      send: ([command = '', ...args]) => client.call(command, ...args),
      close: async () => {
        client.disconnect();
      },
    };
  };

/** Every client the store takes: node-redis 6 and 5, ioredis 6 and 5. */
export const CLIENTS: ReadonlyArray<readonly [string, Connect]> = [
  ['node-redis 6', nodeRedis(createClient)],
  ['node-redis 5', nodeRedis(createClient5 as unknown as typeof createClient)],
  ['ioredis 6', ioRedis(IoRedis)],
  ['ioredis 5', ioRedis(IoRedis5 as unknown as typeof IoRedis)],
];

const nodeRedisCluster =
  (create: typeof createCluster): ConnectCluster =>
  async (nodes) => {
    const cluster = create({ rootNodes: nodes.map(({ url }) => ({ url })) });
    cluster.on('error', () => {});
    await cluster.connect();
    return {
      redis: cluster as unknown as RedisClientLike,
      send: ([command = '', key = '', ...args]) =>
        cluster.sendCommand(key, false, [command, key, ...args]),
      close: async () => {
        cluster.destroy();
      },
    };
  };

const ioRedisCluster =
  (Create: typeof IoRedisCluster): ConnectCluster =>
  async (nodes) => {
    const cluster = new Create(
      nodes.map(({ host, port }) => ({ host, port })),
      { lazyConnect: true },
    );
    cluster.on('error', () => {});
    await cluster.connect();
    return {
      redis: cluster as unknown as RedisClientLike,
      send: ([command = '', ...args]) => cluster.call(command, ...args),
      close: async () => {
        cluster.disconnect();
      },
    };
  };

/** Every cluster client the store takes: node-redis's and ioredis's, of their newest majors. */
export const CLUSTER_CLIENTS: ReadonlyArray<readonly [string, ConnectCluster]> = [
  ['node-redis 6 cluster', nodeRedisCluster(createCluster)],
  ['node-redis 5 cluster', nodeRedisCluster(createCluster5 as unknown as typeof createCluster)],
  ['ioredis 6 cluster', ioRedisCluster(IoRedisCluster)],
  ['ioredis 5 cluster', ioRedisCluster(IoRedis5Cluster as unknown as typeof IoRedisCluster)],
];
