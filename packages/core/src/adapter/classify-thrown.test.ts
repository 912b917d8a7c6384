import { describe, expect, it } from 'vitest';
import { classifyThrown } from './classify-thrown';

/** What undici's fetch throws on a socket failure: a `TypeError` whose cause carries the code. */
function fetchFailure(code: string): TypeError {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error(`socket failure ${code}`), { code }),
  });
}

/** An error at the end of a `cause` chain `length` errors long (the thrown error counts as 1). */
function chainOf(length: number, last: Error): Error {
  let error = last;
  for (let index = 1; index < length; index += 1) error = new Error('wrapper', { cause: error });
  return error;
}

describe('classifyThrown: socket errors', () => {
  // Refused, DNS failure, unreachable, connect timeout: the connection never opened.
  it.each([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EAI_NONAME',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EADDRNOTAVAIL',
    'UND_ERR_CONNECT_TIMEOUT',
  ])('reads %s as a connection that never opened, outcome rejected', (code) => {
    expect(classifyThrown(fetchFailure(code))).toEqual({
      code: 'connection_failed',
      outcome: 'rejected',
      message: expect.stringContaining(code),
    });
  });

  // The connection dropped after it opened: the request may have reached the provider.
  it.each(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'])(
    'reads %s as a lost connection, outcome unknown',
    (code) => {
      expect(classifyThrown(fetchFailure(code))).toEqual({
        code: 'connection_reset',
        outcome: 'unknown',
        message: expect.stringContaining(code),
      });
    },
  );

  it.each(['ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])(
    'reads %s as a timeout, outcome unknown',
    (code) => {
      expect(classifyThrown(fetchFailure(code))).toEqual({
        code: 'timeout',
        outcome: 'unknown',
        message: expect.stringContaining(code),
      });
    },
  );

  // The handshake failed, so nothing of the request was sent.
  it.each([
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ERR_SSL_WRONG_VERSION_NUMBER',
    'CERT_HAS_EXPIRED',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'EPROTO',
  ])('reads %s as a TLS failure, outcome rejected', (code) => {
    expect(classifyThrown(fetchFailure(code))).toEqual({
      code: 'tls_failure',
      outcome: 'rejected',
      message: expect.stringContaining(code),
    });
  });

  it('does not take codes that only resemble TLS codes for a TLS failure (that would allow retries)', () => {
    // EPROTONOSUPPORT is a socket errno, not a handshake failure; the other code is an app's own.
    for (const code of ['EPROTONOSUPPORT', 'ERR_UNABLE_TO_PARSE_CONFIG']) {
      expect(classifyThrown(fetchFailure(code))).toMatchObject({
        code: 'network_error',
        outcome: 'unknown',
      });
    }
  });

  it('reads the code on the error itself as well as on its cause', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    expect(classifyThrown(refused)).toMatchObject({
      code: 'connection_failed',
      outcome: 'rejected',
    });
  });

  it('ignores a code that is not a string', () => {
    const odd = Object.assign(new Error('odd'), { code: ['CERT_HAS_EXPIRED'] });
    expect(classifyThrown(odd)).toMatchObject({ code: 'unknown', outcome: 'unknown' });
  });
});

describe('classifyThrown: aborts and timeouts', () => {
  it('reads an AbortError as cancelled, outcome unknown', () => {
    expect(classifyThrown(new DOMException('This operation was aborted', 'AbortError'))).toEqual({
      code: 'cancelled',
      outcome: 'unknown',
      message: expect.stringMatching(/cancelled/),
    });
  });

  it('reads a TimeoutError (AbortSignal.timeout, ky) as a timeout, outcome unknown', () => {
    const kyTimeout = Object.assign(new Error('Request timed out'), { name: 'TimeoutError' });
    for (const thrown of [new DOMException('The operation timed out', 'TimeoutError'), kyTimeout]) {
      expect(classifyThrown(thrown)).toEqual({
        code: 'timeout',
        outcome: 'unknown',
        message: expect.stringMatching(/timed out/),
      });
    }
  });

  it('finds an AbortError in the cause of a fetch TypeError', () => {
    const thrown = new TypeError('fetch failed', { cause: new DOMException('x', 'AbortError') });
    expect(classifyThrown(thrown).code).toBe('cancelled');
  });
});

describe('classifyThrown: fetch failures without a code', () => {
  // What fetch rejects with on a network error in undici, Chrome, Firefox and Safari.
  it.each([
    'fetch failed',
    'Failed to fetch',
    'NetworkError when attempting to fetch resource.',
    'Load failed',
  ])('reads a TypeError "%s" as a network error, outcome unknown', (message) => {
    expect(classifyThrown(new TypeError(message))).toEqual({
      code: 'network_error',
      outcome: 'unknown',
      message: expect.stringMatching(/network/),
    });
  });

  it('reads a TypeError from a programming mistake as unknown, not as a network error', () => {
    expect(
      classifyThrown(new TypeError("Cannot read properties of undefined (reading 'x')")),
    ).toEqual({ code: 'unknown', outcome: 'unknown', message: expect.stringMatching(/failed/) });
  });

  it('reads a network-sounding message as a network error only on a TypeError, as fetch throws', () => {
    expect(classifyThrown(new Error('fetch failed')).code).toBe('unknown');
  });

  it('reads a TypeError whose message cannot be read as unknown, without throwing', () => {
    const hostile = new TypeError('fetch failed');
    Object.defineProperty(hostile, 'message', {
      get() {
        throw new Error('no message');
      },
    });
    expect(classifyThrown(hostile)).toMatchObject({ code: 'unknown', outcome: 'unknown' });
  });
});

describe('classifyThrown: the cause chain and odd values', () => {
  it('reads a code up to the fifth error of the cause chain', () => {
    const refused = Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    expect(classifyThrown(chainOf(5, refused)).code).toBe('connection_failed');
  });

  it('ignores what lies deeper than five errors', () => {
    const refused = Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    expect(classifyThrown(chainOf(6, refused)).code).toBe('unknown');
    const aborted = new DOMException('aborted', 'AbortError');
    expect(classifyThrown(chainOf(6, aborted)).code).toBe('unknown');
  });

  it('stops on a cause chain that loops', () => {
    const loop = new Error('loop') as Error & { cause?: unknown };
    loop.cause = loop;
    expect(classifyThrown(loop).code).toBe('unknown');
  });

  it('reads values that are not errors as unknown', () => {
    // A class thrown without `new` is a function named like an error, not an abort.
    class AbortError extends Error {}
    for (const thrown of [undefined, null, 'ECONNREFUSED', 42, Symbol('s'), AbortError]) {
      expect(classifyThrown(thrown)).toEqual({
        code: 'unknown',
        outcome: 'unknown',
        message: expect.stringMatching(/failed/),
      });
    }
  });

  it('never throws on an object whose properties throw', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        getPrototypeOf() {
          throw new Error('boom');
        },
      },
    );
    expect(classifyThrown(hostile)).toMatchObject({ code: 'unknown', outcome: 'unknown' });
  });
});
