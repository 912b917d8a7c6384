import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { testAdapter } from '../adapter/__fixtures__/test-adapter';
import {
  closedPort,
  type LoopbackServer,
  startLoopbackServer,
} from './__fixtures__/loopback-server';
import { createIssuerClient } from './create-issuer-client';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const clientFor = (
  baseUrl: string,
  overrides: Partial<Parameters<typeof createIssuerClient>[0]> = {},
) =>
  createIssuerClient({
    adapter: testAdapter,
    baseUrl,
    timeoutMs: 200,
    random: () => 0,
    ...overrides,
  });

describe('client over real sockets', () => {
  it('times out a stalled GET per attempt and retries it', async () => {
    server = await startLoopbackServer(() => {});
    const error = (
      await clientFor(server.url, { maxAttempts: 2 }).get('/stall')
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'timeout', outcome: 'unknown', attempts: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it("hangs up a stalled request at the attempt's time limit, with its own ky or one it is given", async () => {
    const { default: ky } = await import('ky');
    const fetchedBy: string[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      fetchedBy.push('instance');
      return globalThis.fetch(input, init);
    };
    for (const kyOption of [{}, { ky: ky.create({ fetch: countingFetch }) }]) {
      let hungUp: () => void = () => {};
      const gone = new Promise<void>((resolve) => {
        hungUp = resolve;
      });
      server = await startLoopbackServer((request) => request.on('close', hungUp));
      const error = (
        await clientFor(server.url, { maxAttempts: 1, ...kyOption }).get('/stall')
      )._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'timeout', attempts: 1 });
      // The attempt's signal reached fetch: the connection ends now, not when the server gives up.
      await expect(gone).resolves.toBeUndefined();
      await server.close();
    }
    expect(fetchedBy).toEqual(['instance']);
  });

  it("hangs up a stalled request at the attempt's time limit when the call has a signal too", async () => {
    const calls = [
      {
        name: "the caller's signal",
        client: {},
        request: { signal: new AbortController().signal },
      },
      { name: 'totalTimeoutMs', client: { totalTimeoutMs: 10_000 }, request: {} },
    ];
    for (const call of calls) {
      let hungUp: () => void = () => {};
      const gone = new Promise<'hung up'>((resolve) => {
        hungUp = () => resolve('hung up');
      });
      server = await startLoopbackServer((request) => request.on('close', hungUp));
      const client = clientFor(server.url, { maxAttempts: 1, ...call.client });
      const error = (await client.get('/stall', call.request))._unsafeUnwrapErr();
      expect(error, call.name).toMatchObject({ kind: 'timeout', attempts: 1 });
      // Within a second of the timeout, not when the server gives up on the request.
      const stillOpen = new Promise<'still open'>((resolve) =>
        setTimeout(resolve, 1000, 'still open'),
      );
      expect(await Promise.race([gone, stillOpen]), call.name).toBe('hung up');
      await server.close();
    }
  });

  it('never resends a POST that timed out', async () => {
    server = await startLoopbackServer(() => {});
    const error =
      // Long enough for the request to reach a server on a loaded machine before the attempt ends.
      (
        await clientFor(server.url, { timeoutMs: 1000 }).post('/payments', { json: { amount: 1 } })
      )._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'timeout', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a GET whose connection resets mid-body, and never a POST', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"partial":');
      setTimeout(() => response.socket?.destroy(), 10);
    });
    const getError = (
      await clientFor(server.url, { maxAttempts: 2 }).get('/reset')
    )._unsafeUnwrapErr();
    expect(getError).toMatchObject({ kind: 'network', outcome: 'unknown', attempts: 2 });
    expect(server.requests).toHaveLength(2);
    const postError = (await clientFor(server.url).post('/reset', { json: {} }))._unsafeUnwrapErr();
    expect(postError).toMatchObject({ kind: 'network', attempts: 1 });
    expect(server.requests).toHaveLength(3);
  });

  it('retries even a POST when the connection was refused: nothing was sent', async () => {
    const url = await closedPort();
    const error = (await clientFor(url).post('/payments', { json: {} }))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'network',
      code: 'connection_failed',
      outcome: 'rejected',
      attempts: 3,
    });
  });

  it('cuts a success body that never ends at the attempt timeout', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => response.write(' '), 20);
      response.on('close', () => clearInterval(timer));
    });
    // The wall clock: the body trickles over a real socket; 2 s is 10× the attempt limit here.
    const started = performance.now();
    const error = (
      await clientFor(server.url, { maxAttempts: 1 }).get('/endless')
    )._unsafeUnwrapErr();
    expect(error.kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refreshes the token once for 10 concurrent 401s', async () => {
    server = await startLoopbackServer((request, response) => {
      const fresh = request.headers.authorization === 'Bearer fresh';
      response.writeHead(fresh ? 200 : 401, { 'content-type': 'application/json' });
      response.end(fresh ? '{"ok":true}' : '{"message":"Unauthorized"}');
    });
    let refreshes = 0;
    const getAccessToken = async ({ forceRefresh }: { forceRefresh: boolean }) => {
      if (!forceRefresh) return 'stale';
      refreshes += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return 'fresh';
    };
    const api = clientFor(server.url, { getAccessToken, timeoutMs: 2000 });
    const results = await Promise.all(Array.from({ length: 10 }, () => api.get('/x')));
    expect(results.every((result) => result.isOk())).toBe(true);
    expect(refreshes).toBe(1);
  });

  // The wall clock: the server stamps real arrivals. Never early is exact; the upper bound only
  // rules out a second wait, with 900 ms of margin for a loaded machine.
  it('honours Retry-After over real sockets: never sooner, and without a second wait', async () => {
    server = await startLoopbackServer((_request, response, index) => {
      response.writeHead(index === 0 ? 429 : 200, {
        'retry-after': '1',
        'content-type': 'application/json',
      });
      response.end('{}');
    });
    const result = await clientFor(server.url, { timeoutMs: 2000 }).get('/limited');
    expect(result.isOk()).toBe(true);
    const [first, second] = server.requests;
    const gap = (second?.at ?? 0) - (first?.at ?? 0);
    expect(gap).toBeGreaterThanOrEqual(990);
    expect(gap).toBeLessThan(1900);
  });

  it('spaces requests to requestsPerSecond after a burst, over real sockets', async () => {
    server = await startLoopbackServer((_request, response) => response.end('{}'));
    // The wall clock: departures over real sockets; only lower bounds, which load cannot break.
    const departures: number[] = [];
    const client = clientFor(server.url, {
      rateLimit: { requestsPerSecond: 50, burst: 2 },
      ky: { hooks: { beforeRequest: [() => void departures.push(performance.now())] } },
    });
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 6 }, () => client.get('/x')));
    expect(results.every((result) => result.isOk())).toBe(true);
    expect(server.requests).toHaveLength(6);
    // Request k (from 0) leaves no sooner than (k - 1) intervals of 20 ms; 2 ms for the gate's millisecond clock.
    for (const [index, at] of departures.entries()) {
      expect(at - started).toBeGreaterThanOrEqual(Math.max(0, index - 1) * 20 - 2);
    }
  });

  it("makes no listener warning when many calls share the app's one signal", async () => {
    const shutdown = new AbortController();
    const held: Array<() => void> = [];
    let listenersWhileAllInFlight: number | undefined;
    server = await startLoopbackServer((_request, response) => {
      held.push(() => response.end('{}'));
      if (held.length < 30) return;
      listenersWhileAllInFlight = getEventListeners(shutdown.signal, 'abort').length;
      for (const reply of held) reply();
    });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => void warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const client = clientFor(server.url, { timeoutMs: 30_000 });
      const calls = Array.from({ length: 30 }, () => client.get('/x', { signal: shutdown.signal }));
      const results = await Promise.all(calls);
      expect(results.every((result) => result.isOk())).toBe(true);
      expect(listenersWhileAllInFlight).toBe(1);
      expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(0);
      // Node emits the warning on a later tick than the listener that passed the limit.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
