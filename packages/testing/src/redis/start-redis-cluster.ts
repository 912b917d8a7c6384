import { type ChildProcess, execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { IssuerError } from '@issuer-errors/core';
import { freePort, launch, type RedisServerOptions } from './start-redis-server';

const run = promisify(execFile);

/** Options of {@link startRedisCluster}. */
export interface RedisClusterOptions extends RedisServerOptions {
  /** How many primaries, each with a third (or so) of the slots (default 3, the fewest Redis allows). */
  readonly nodes?: number;
  /** The command that joins them (default `redis-cli`, installed with Debian's `redis-server`). */
  readonly cliCommand?: string;
}

/** A Redis Cluster of the test's own on loopback, with nothing saved but its nodes' configuration. */
export interface RedisCluster {
  /** Each primary's address, as node-redis's `rootNodes` (`{ url }`) and ioredis's `Cluster` (`{ host, port }`) take them. */
  readonly nodes: ReadonlyArray<{
    readonly url: string;
    readonly host: string;
    readonly port: number;
  }>;
  /** Stops every node for good. */
  close(): Promise<void>;
}

/**
 * Starts a Redis Cluster of `nodes` primaries on free loopback ports (`redis-server
 * --cluster-enabled yes`, joined by `redis-cli --cluster create`), and resolves once every slot
 * is served. Rejects with an `invalid_client_setup` error that says what failed.
 *
 * @example
 * const cluster = await startRedisCluster();
 * const redis = await createCluster({ rootNodes: cluster.nodes.map(({ url }) => ({ url })) }).connect();
 * // …
 * await cluster.close();
 */
export async function startRedisCluster(options: RedisClusterOptions = {}): Promise<RedisCluster> {
  const directory = await mkdtemp(join(tmpdir(), 'redis-cluster-'));
  const children: ChildProcess[] = [];
  const endWithProcess = () => {
    for (const child of children) child.kill('SIGKILL');
  };
  process.once('exit', endWithProcess);
  const close = async () => {
    process.off('exit', endWithProcess);
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGKILL');
        await exited;
      }),
    );
    await rm(directory, { recursive: true, force: true });
  };
  try {
    const ports: number[] = [];
    for (let index = 0; index < (options.nodes ?? 3); index += 1) {
      const port = await freePort();
      ports.push(port);
      children.push(
        await launch(port, options, [
          ...['--cluster-enabled', 'yes', '--cluster-node-timeout', '5000'],
          ...['--cluster-config-file', join(directory, `nodes-${port}.conf`), '--dir', directory],
        ]),
      );
    }
    const cli = options.cliCommand ?? 'redis-cli';
    const addresses = ports.map((port) => `127.0.0.1:${port}`);
    await run(cli, [
      '--cluster',
      'create',
      ...addresses,
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ]);
    await untilServed(cli, ports, options.startTimeoutMs ?? 10_000);
    return {
      nodes: ports.map((port) => ({ url: `redis://127.0.0.1:${port}`, host: '127.0.0.1', port })),
      close,
    };
  } catch (cause) {
    await close();
    throw new IssuerError({
      provider: 'redis',
      code: 'invalid_client_setup',
      message:
        'redis cluster could not be started (redis-server and redis-cli are needed: Debian: apt-get install redis-server)',
      cause,
    });
  }
}

/** Resolves once every node says the cluster serves all its slots. */
async function untilServed(cli: string, ports: number[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const states = await Promise.all(
      ports.map((port) =>
        run(cli, ['-p', String(port), 'cluster', 'info']).then(
          ({ stdout }) => stdout.includes('cluster_state:ok'),
          () => false,
        ),
      ),
    );
    if (states.every(Boolean)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the cluster did not serve every slot within ${timeoutMs} ms`);
}
