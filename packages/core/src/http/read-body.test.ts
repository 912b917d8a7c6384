import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_ERROR_BODY_BYTES, readBoundedText } from './read-body';

function streamOf(chunks: readonly string[], options: { error?: Error; endless?: boolean } = {}) {
  const encoder = new TextEncoder();
  let index = 0;
  let pulls = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls += 1;
      if (options.endless) return controller.enqueue(encoder.encode('x'.repeat(1024)));
      if (index < chunks.length) return controller.enqueue(encoder.encode(chunks[index++]));
      if (options.error) return controller.error(options.error);
      controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulls: () => pulls, cancelled: () => cancelled };
}

let server: Server | undefined;
afterEach(() => server?.close());

describe('readBoundedText', () => {
  it('reads a small body whole', async () => {
    const result = await readBoundedText(new Response('{"error":"not_found"}'));
    expect(result).toEqual({ text: '{"error":"not_found"}', truncated: false, interrupted: false });
  });

  it('stops at 64 KiB and cancels the rest of an endless body', async () => {
    const { stream, pulls } = streamOf([], { endless: true });
    const result = await readBoundedText(new Response(stream));
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBe(MAX_ERROR_BODY_BYTES);
    expect(pulls()).toBeLessThanOrEqual(MAX_ERROR_BODY_BYTES / 1024 + 2);
  });

  it('reads only once', async () => {
    const response = new Response('body');
    await readBoundedText(response);
    const again = await readBoundedText(response);
    expect(again).toEqual({ text: '', truncated: false, interrupted: true });
  });

  it('returns what arrived, and what the read threw, when the stream errors part way', async () => {
    const reset = new Error('ECONNRESET');
    const { stream } = streamOf(['{"err'], { error: reset });
    const result = await readBoundedText(new Response(stream));
    expect(result).toEqual({ text: '{"err', truncated: false, interrupted: true, failure: reset });
  });

  it('gives up on a body that never ends when the signal aborts', async () => {
    server = createServer((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.write('<html>');
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`);
    // The wall clock: the body stalls on a real socket; 2 s is 20× the limit, for a loaded machine.
    const started = Date.now();
    const result = await readBoundedText(response, { signal: AbortSignal.timeout(100) });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toEqual({ text: '<html>', truncated: false, interrupted: true });
    server.closeAllConnections();
  });

  it('stops at maxBytes, cutting the chunk that crosses it', async () => {
    const { stream } = streamOf(['ab', 'cdef']);
    expect(await readBoundedText(new Response(stream), { maxBytes: 3 })).toEqual({
      text: 'abc',
      truncated: true,
      interrupted: false,
    });
  });

  it('reads nothing past maxBytes, so a failure after it does not interrupt the read', async () => {
    const { stream } = streamOf(['ab', 'cd'], { error: new Error('ECONNRESET') });
    expect(await readBoundedText(new Response(stream), { maxBytes: 4 })).toEqual({
      text: 'abcd',
      truncated: true,
      interrupted: false,
    });
  });

  it('cancels the rest of the stream so the connection is released', async () => {
    const { stream, cancelled } = streamOf([], { endless: true });
    await readBoundedText(new Response(stream), { maxBytes: 2048 });
    expect(cancelled()).toBe(true);
  });

  it('reads nothing when the signal is already aborted', async () => {
    const { stream, cancelled } = streamOf(['{"error":"late"}']);
    const result = await readBoundedText(new Response(stream), { signal: AbortSignal.abort() });
    expect(result).toEqual({ text: '', truncated: false, interrupted: true });
    expect(cancelled()).toBe(true);
  });

  it("leaves no listener on the caller's signal", async () => {
    const controller = new AbortController();
    await readBoundedText(new Response('{"error":"not_found"}'), { signal: controller.signal });
    const { stream } = streamOf(['{"err'], { error: new Error('ECONNRESET') });
    await readBoundedText(new Response(stream), { signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toEqual([]);
  });

  it('reads a response whose body cannot be reached as interrupted, without rejecting', async () => {
    const foreign = {
      get bodyUsed(): boolean {
        throw new Error('detached');
      },
    } as unknown as Response;
    expect(await readBoundedText(foreign)).toEqual({
      text: '',
      truncated: false,
      interrupted: true,
    });
  });

  it('handles a response without a body', async () => {
    expect(await readBoundedText(new Response(null, { status: 204 }))).toEqual({
      text: '',
      truncated: false,
      interrupted: false,
    });
  });

  it('cuts a body that never ends when timeoutMs runs out, and cancels the stream', async () => {
    let cancelled = false;
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"data":['));
      },
      cancel() {
        cancelled = true;
      },
    });
    // The wall clock: a stream's pull runs on real time; 2 s is 40× the limit, for a loaded machine.
    const started = Date.now();
    const result = await readBoundedText(new Response(stalled), { timeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toEqual({
      text: '{"data":[',
      truncated: false,
      interrupted: true,
      timedOut: true,
    });
    expect(cancelled).toBe(true);
  });

  it('leaves a body that ends in time whole, and its timer cleared', async () => {
    const { stream } = streamOf(['{"id":', '7}']);
    vi.useFakeTimers();
    try {
      const result = await readBoundedText(new Response(stream), { timeoutMs: 10_000 });
      expect(result).toEqual({ text: '{"id":7}', truncated: false, interrupted: false });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([Number.POSITIVE_INFINITY, Number.NaN, 2 ** 31])(
    'reads with no time limit for timeoutMs %s (a timer that long would fire at once)',
    async (timeoutMs) => {
      const slow = new ReadableStream<Uint8Array>({
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, 30));
          controller.enqueue(new TextEncoder().encode('late'));
          controller.close();
        },
      });
      const result = await readBoundedText(new Response(slow), { timeoutMs });
      expect(result).toEqual({ text: 'late', truncated: false, interrupted: false });
    },
  );

  it('counts a stream that fails after timeoutMs ran out as timed out, not as failed', async () => {
    let fail: () => void = () => {};
    const failing = new ReadableStream<Uint8Array>({
      start(controller) {
        fail = () => controller.error(new Error('ECONNRESET'));
      },
      cancel() {
        fail();
      },
    });
    const result = await readBoundedText(new Response(failing), { timeoutMs: 20 });
    expect(result).toEqual({ text: '', truncated: false, interrupted: true, timedOut: true });
  });

  it('counts a stream that errors because its signal aborted as aborted, not as failed', async () => {
    const controller = new AbortController();
    // As fetch's body does when fetch was given the same signal.
    const stream = new ReadableStream<Uint8Array>({
      start(streamController) {
        controller.signal.addEventListener('abort', () =>
          streamController.error(new DOMException('This operation was aborted', 'AbortError')),
        );
      },
    });
    const reading = readBoundedText(new Response(stream), { signal: controller.signal });
    controller.abort();
    expect(await reading).toEqual({ text: '', truncated: false, interrupted: true });
  });
});
