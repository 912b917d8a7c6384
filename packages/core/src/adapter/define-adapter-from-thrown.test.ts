import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { classifyThrown } from './classify-thrown';
import { defineAdapter } from './define-adapter';
import { lenientObject } from './lenient-object';

const acme = defineAdapter({
  name: 'acme',
  displayName: 'Acme',
  bodySchema: lenientObject({ message: 'string' }),
  bodyFields: { message: 'message' },
  rules: [
    { status: 400, code: 'invalid_request' },
    { status: 429, code: 'rate_limited', retryAfterMs: 1000 },
  ],
  retry: { backoff: { baseMs: 100, factor: 2, maxMs: 1000, jitter: 'full' } },
});

describe('defineAdapter: fromThrown', () => {
  it('returns an IssuerError unchanged', () => {
    const error = acme.normalize({ status: 400 });
    expect(acme.fromThrown(error)).toBe(error);
  });

  it('maps a refused connection on a real socket to network with outcome rejected', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const thrown = await fetch(`http://127.0.0.1:${port}/`).catch((error: unknown) => error);
    const error = acme.fromThrown(thrown);
    expect(error).toMatchObject({
      kind: 'network',
      code: 'connection_failed',
      outcome: 'rejected',
    });
    expect(error.status).toBeUndefined();
  });

  it('maps resets to network with outcome unknown', () => {
    const reset = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }),
    });
    expect(acme.fromThrown(reset)).toMatchObject({ code: 'connection_reset', outcome: 'unknown' });
  });

  it('maps aborts to cancelled and timeouts to timeout', () => {
    expect(acme.fromThrown(new DOMException('aborted', 'AbortError')).kind).toBe('cancelled');
    expect(acme.fromThrown(new DOMException('late', 'TimeoutError')).kind).toBe('timeout');
    const kyTimeout = Object.assign(new Error('Request timed out'), { name: 'TimeoutError' });
    expect(acme.fromThrown(kyTimeout).kind).toBe('timeout');
    const headersTimeout = Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' });
    expect(acme.fromThrown(new TypeError('fetch failed', { cause: headersTimeout })).kind).toBe(
      'timeout',
    );
  });

  it('maps TLS failures to network with outcome rejected', () => {
    const tls = Object.assign(new Error('self signed'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(acme.fromThrown(new TypeError('fetch failed', { cause: tls }))).toMatchObject({
      code: 'tls_failure',
      outcome: 'rejected',
    });
  });

  it("normalizes ky's HTTPError from its status and headers, without keeping the request", () => {
    const httpError = Object.assign(new Error('Request failed with status code 429'), {
      name: 'HTTPError',
      response: new Response(null, { status: 429, headers: { 'retry-after': '2' } }),
      request: new Request('https://example.test/', {
        headers: { authorization: 'Bearer secret' },
      }),
    });
    const error = acme.fromThrown(httpError);
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2000 });
    expect(JSON.stringify(error)).not.toContain('secret');
  });

  it('maps anything else to unknown, never throwing', () => {
    for (const thrown of [undefined, null, 'string', 42, {}, new Error('odd'), Symbol('s')]) {
      expect(acme.fromThrown(thrown).kind).toBe('unknown');
    }
  });
});

describe('defineAdapter: fromThrown, the error it builds', () => {
  it('keeps the provider, the classification and a safe copy of the thrown value as cause', () => {
    const thrown = new TypeError('fetch failed', {
      cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    });
    const { code, outcome, message } = classifyThrown(thrown);
    const error = acme.fromThrown(thrown);
    expect(error).toMatchObject({ provider: 'acme', kind: 'network', code, outcome });
    expect(error.message).toBe(`Acme: ${message}`);
    expect(error.cause).toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
      cause: { code: 'ECONNRESET' },
    });
    expect(error.status).toBeUndefined();
  });

  it('normalizes only a response with a numeric status and fetch Headers', () => {
    const lookalikes = [
      { response: { status: 429, headers: { 'retry-after': '2' } } },
      { response: { status: '429', headers: new Headers({ 'retry-after': '2' }) } },
      { response: null },
      { response: 'HTTP 429' },
    ];
    for (const thrown of lookalikes) {
      const error = acme.fromThrown(thrown);
      expect(error.kind).toBe('unknown');
      expect(error.status).toBeUndefined();
      expect(error.message).toBe(`Acme: ${classifyThrown(thrown).message}`);
    }
  });

  it('classifies an error whose response getter throws, without throwing', () => {
    const thrown = {
      get response(): never {
        throw new Error('boom');
      },
    };
    const error = acme.fromThrown(thrown);
    expect(error.kind).toBe('unknown');
    expect(error.message).toBe(`Acme: ${classifyThrown(thrown).message}`);
  });
});
