import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real HTTP server on 127.0.0.1 for tests of what only sockets show. */
export interface LoopbackServer {
  readonly url: string;
  /** Every request received, in order, with its arrival time. */
  readonly requests: Array<{ method: string; url: string; authorization?: string; at: number }>;
  close(): Promise<void>;
}

/** Starts a server on a free loopback port running `handler` for each request. */
export async function startLoopbackServer(
  handler: (request: IncomingMessage, response: ServerResponse, index: number) => void,
): Promise<LoopbackServer> {
  const requests: LoopbackServer['requests'] = [];
  const server = createServer((request, response) => {
    const entry = { method: request.method ?? '', url: request.url ?? '', at: performance.now() };
    const authorization = request.headers.authorization;
    requests.push(authorization === undefined ? entry : { ...entry, authorization });
    handler(request, response, requests.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on: connections to it are refused. */
export async function closedPort(): Promise<string> {
  const server = await startLoopbackServer(() => {});
  await server.close();
  return server.url;
}
