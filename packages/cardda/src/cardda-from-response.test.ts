import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cardda } from './cardda';

let server: Server | undefined;
afterEach(async () => {
  vi.useRealTimers();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('cardda.fromResponse over a real socket', () => {
  it('ends a 502 body that never ends after 10 s without a signal: unavailable, with its request id', async () => {
    server = createServer((_request, response) => {
      response.writeHead(502, {
        'content-type': 'text/html',
        'x-request-id': '8f3c2a7e-1b4d-4f9a-b2c5-9d7e8f1a2b3c',
      });
      response.write('<html>Bad Gateway');
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/v1/banking/bank_transactions`);
    // The socket stays real; only the read's time limit runs on the fake clock.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let settled = false;
    const read = cardda.fromResponse(response).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await read;
    expect(error).toMatchObject({
      kind: 'unavailable',
      code: 'upstream_unavailable',
      status: 502,
      requestId: '8f3c2a7e-1b4d-4f9a-b2c5-9d7e8f1a2b3c',
    });
  });
});
