import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { toSafeCause } from './safe-cause';

/** The safe copy of an error, read as the Error that it is. */
function safeError(cause: unknown): Error & { code?: unknown } {
  const copy = toSafeCause(cause);
  if (!(copy instanceof Error)) throw new Error(`expected an Error, got ${String(copy)}`);
  return copy;
}

describe('toSafeCause', () => {
  it('keeps no cause for null or undefined', () => {
    expect(toSafeCause(null)).toBeUndefined();
    expect(toSafeCause(undefined)).toBeUndefined();
  });

  it('copies the name, the redacted one-line message and the code of an error', () => {
    const cause = Object.assign(
      new TypeError('fetch failed\r\nretried with Bearer eyJhbGciOi.abc.def'),
      { code: 'ECONNREFUSED' },
    );
    const copy = safeError(cause);
    expect(copy).not.toBe(cause);
    expect(copy.name).toBe('TypeError');
    expect(copy.message).toBe('fetch failed retried with Bearer [REDACTED]');
    expect(copy.code).toBe('ECONNREFUSED');
  });

  it("removes the password of a URL that fetch refused, from the message and the copy's stack", async () => {
    const refused = await fetch('https://user:s3cretpass@127.0.0.1:9/x').catch((error) => error);
    const copy = safeError(new TypeError('fetch failed', { cause: refused }));
    const nested = copy.cause as Error;
    expect(nested.message).toContain('https://[REDACTED]@127.0.0.1:9/x');
    for (const text of [nested.message, String(nested.stack), inspect(copy, { showHidden: true })])
      expect(text).not.toContain('s3cretpass');
  });

  it('shows the name and code when the copy is logged as JSON', () => {
    const cause = Object.assign(new Error('connect refused'), { code: 'ECONNREFUSED' });
    expect(JSON.stringify(toSafeCause(cause))).toBe('{"name":"Error","code":"ECONNREFUSED"}');
  });

  it('keeps a numeric code as text', () => {
    expect(safeError(Object.assign(new Error('x'), { code: 503 })).code).toBe('503');
  });

  it('drops a code that is neither a string nor a number', () => {
    const copy = safeError(Object.assign(new Error('x'), { code: { access_token: 'tok' } }));
    expect(Object.hasOwn(copy, 'code')).toBe(false);
  });

  it('names an error without a name "Error", and gives one without a message an empty one', () => {
    const cause = Object.assign(new Error('x'), { name: undefined, message: undefined });
    const copy = safeError(cause);
    expect(copy.name).toBe('Error');
    expect(copy.message).toBe('');
  });

  it('keeps nothing else of the error, such as the request ky attaches', () => {
    const cause = Object.assign(new Error('Request failed with status code 500'), {
      request: new Request('https://api.example.test', {
        headers: { Authorization: 'Bearer eyJhbGciOi.abc.def' },
      }),
    });
    const copy = safeError(cause);
    expect(Object.hasOwn(copy, 'request')).toBe(false);
    expect(JSON.stringify(copy)).toBe('{"name":"Error"}');
  });

  it('copies the cause chain three errors deep', () => {
    const fourth = new Error('fourth');
    const third = new Error('third', { cause: fourth });
    const second = new Error('second', { cause: third });
    const copy = safeError(new Error('first', { cause: second }));
    const secondCopy = copy.cause as Error;
    const thirdCopy = secondCopy.cause as Error;
    expect([copy.message, secondCopy.message, thirdCopy.message]).toEqual([
      'first',
      'second',
      'third',
    ]);
    expect(thirdCopy.cause).toBeUndefined();
  });

  it('stops at three errors on a cause chain that loops', () => {
    const looping = new Error('loop');
    Object.assign(looping, { cause: looping });
    const copy = safeError(looping);
    expect(((copy.cause as Error).cause as Error).cause).toBeUndefined();
  });

  it('keeps a cause that is not an error as a redacted body', () => {
    expect(toSafeCause({ access_token: 'tok', reason: 'card 4111111111111111' })).toStrictEqual({
      reason: 'card ************1111',
    });
    const copy = safeError(new Error('outer', { cause: { client_secret: 'sec', status: 500 } }));
    expect(copy.cause).toStrictEqual({ status: 500 });
  });

  it('keeps no cause when reading the error throws', () => {
    const hostile = new Error('x');
    Object.defineProperty(hostile, 'message', {
      get() {
        throw new Error('boom');
      },
    });
    expect(toSafeCause(hostile)).toBeUndefined();
  });
});
