import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { IssuerError } from '@issuer-errors/core';

/** Options of {@link startRedisServer}. */
export interface RedisServerOptions {
  /** The server's command (default `redis-server`, as Debian's `redis-server` package installs it). */
  readonly command?: string;
  /** How long the server may take to accept connections (default 10 s). */
  readonly startTimeoutMs?: number;
}

/** A `redis-server` of the test's own on loopback, with nothing saved to disk. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Ends the server with SIGKILL, as a crash would: connections drop, nothing is kept. */
  kill(): Promise<void>;
  /** Stops the server with SIGSTOP: connections stay open, and nothing answers. */
  freeze(): void;
  /** Lets a frozen server run on (SIGCONT). */
  thaw(): void;
  /** Starts a new, empty server on the same port after {@link RedisServer.kill}. */
  restart(): Promise<void>;
  /** Stops the server for good (a frozen one too). */
  close(): Promise<void>;
}

/**
 * Starts `redis-server` on a free loopback port (`--save '' --appendonly no`), for tests of
 * a fleet that shares a Redis. Rejects with an `invalid_client_setup` error that says how to
 * install it when the command is missing. The server is ended with the process.
 *
 * @example
 * const redisServer = await startRedisServer();
 * const redis = await createClient({ url: redisServer.url }).connect();
 * // …
 * await redisServer.close();
 */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const port = await freePort();
  let child = await launch(port, options);
  const endWithProcess = () => child.kill('SIGKILL');
  process.once('exit', endWithProcess);
  const stop = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: () => stop('SIGKILL'),
    freeze: () => child.kill('SIGSTOP'),
    thaw: () => child.kill('SIGCONT'),
    async restart() {
      await stop('SIGKILL');
      child = await launch(port, options);
    },
    async close() {
      process.off('exit', endWithProcess);
      await stop('SIGKILL');
    },
  };
}

/** Launches `redis-server` on `port` with nothing saved to disk and `extraArguments`; resolves once it accepts connections. */
export async function launch(
  port: number,
  options: RedisServerOptions,
  extraArguments: readonly string[] = [],
): Promise<ChildProcess> {
  const command = options.command ?? 'redis-server';
  const args = [
    ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    ...extraArguments,
  ];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const timeoutMs = options.startTimeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why: string, cause?: unknown) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(
        new IssuerError({
          provider: 'redis',
          code: 'invalid_client_setup',
          message: `redis-server ${why}`,
          cause,
        }),
      );
    };
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    child.once('error', (error) =>
      fail('could not be started: install it (Debian: apt-get install redis-server)', error),
    );
    child.once('exit', (code) =>
      fail(`exited with ${code} before it was ready: ${output.slice(-500)}`),
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Ready to accept connections')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout?.removeAllListeners('data');
      child.stdout?.resume();
      child.stderr?.resume();
      resolve(child);
    });
  });
}

/** A port that was free a moment ago on loopback. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  return typeof address === 'object' && address !== null ? address.port : 0;
}
