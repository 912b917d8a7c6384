import { afterEach, describe, expect, it } from 'vitest';
import { testAdapter } from '../adapter/__fixtures__/test-adapter';
import { type LoopbackServer, startLoopbackServer } from './__fixtures__/loopback-server';
import { createIssuerClient } from './create-issuer-client';

// Node's fetch can lose a cloned Request's abort signal after a garbage collection
// (nodejs/undici#4068), and ky clones every Request: the client must keep its
// deadlines without the platform's help. This fetch drops the signal every time.
const fetchWithoutSignal: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  return globalThis.fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body === null ? {} : { body: request.body, duplex: 'half' }),
  } as RequestInit);
};

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const clientFor = (baseUrl: string, overrides: Partial<Parameters<typeof createIssuerClient>[0]>) =>
  createIssuerClient({
    adapter: testAdapter,
    baseUrl,
    ky: { fetch: fetchWithoutSignal },
    timeoutMs: 200,
    maxAttempts: 1,
    ...overrides,
  });

/** A 200 whose JSON body trickles a space every 20 ms and never ends; `gone` resolves when the client hangs up. */
async function endlessBody() {
  let hungUp: () => void = () => {};
  const gone = new Promise<void>((resolve) => {
    hungUp = resolve;
  });
  const started = await startLoopbackServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    const timer = setInterval(() => response.write(' '), 20);
    response.on('close', () => {
      clearInterval(timer);
      hungUp();
    });
  });
  return { server: started, gone };
}

// The wall clock: a real socket that never answers; each upper bound is 2 s, 10× the attempt limit.
describe('a fetch that ignores its abort signal', () => {
  it('still times out an attempt whose answer never comes', async () => {
    server = await startLoopbackServer(() => {});
    const started = performance.now();
    const error = (await clientFor(server.url, {}).get('/stall'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'timeout', code: 'timeout', attempts: 1 });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('still cuts a success body that never ends, and lets its connection go', async () => {
    const endless = await endlessBody();
    server = endless.server;
    const started = performance.now();
    const error = (await clientFor(server.url, {}).get('/endless'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'timeout', code: 'timeout' });
    expect(performance.now() - started).toBeLessThan(2000);
    // The client cancelled the body: the server sees the connection end while it still writes.
    await expect(endless.gone).resolves.toBeUndefined();
  });

  it("still stops at the caller's signal", async () => {
    server = (await endlessBody()).server;
    const error = (
      await clientFor(server.url, { timeoutMs: 10_000 }).get('/endless', {
        signal: AbortSignal.timeout(100),
      })
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'cancelled', code: 'cancelled' });
  });
});
