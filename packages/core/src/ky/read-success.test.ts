import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { testAdapter } from '../adapter/__fixtures__/test-adapter';
import type { StandardSchemaV1 } from '../adapter/standard-schema';
import { readSuccess as readSuccessUnder } from './read-success';

const readSuccess = <T>(
  ...args: [
    Parameters<typeof readSuccessUnder<T>>[0],
    Response,
    Parameters<typeof readSuccessUnder<T>>[2],
  ]
) => readSuccessUnder<T>(...args, { signal: new AbortController().signal });

const response = (body: BodyInit | null, status = 200, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });

/** A success whose body never ends; `cancelled()` tells whether it was let go. */
function endlessResponse() {
  let cancelled = false;
  const response = new Response(
    new ReadableStream({
      pull: () => new Promise(() => {}),
      cancel: () => {
        cancelled = true;
      },
    }),
  );
  return { response, cancelled: () => cancelled };
}

describe('readSuccess: without a schema', () => {
  it('gives the parsed JSON body', async () => {
    const result = await readSuccess(testAdapter, response('{"id":7,"tags":["a"]}'), undefined);
    expect(result._unsafeUnwrap()).toStrictEqual({ id: 7, tags: ['a'] });
  });

  it('gives undefined for a 204 without a body', async () => {
    const result = await readSuccess(testAdapter, response(null, 204), undefined);
    expect(result._unsafeUnwrap()).toBeUndefined();
  });

  it('gives undefined for a body of whitespace only', async () => {
    const result = await readSuccess(testAdapter, response(' \n\t '), undefined);
    expect(result._unsafeUnwrap()).toBeUndefined();
  });

  it('turns an unparseable body into unreadable_response, keeping the status, request id and text', async () => {
    const result = await readSuccess(
      testAdapter,
      response('{"id":', 200, { 'x-request-id': 'r-1' }),
      undefined,
    );
    const error = result._unsafeUnwrapErr();
    expect(error).toMatchObject({
      provider: 'test',
      kind: 'invalid_response',
      code: 'unreadable_response',
      message: 'Test: the response body is not valid JSON',
      status: 200,
      requestId: 'r-1',
    });
    expect(error.raw).toMatchObject({ status: 200, body: '{"id":' });
    expect(error.raw.headers['x-request-id']).toBe('r-1');
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as Error).name).toBe('SyntaxError');
  });
});

describe('readSuccess: with a schema', () => {
  it("gives the schema's output, which may differ from the body", async () => {
    const schema = z.pipe(
      z.object({ limit: z.string() }),
      z.transform(({ limit }) => ({ limit: Number(limit) })),
    );
    const result = await readSuccess(testAdapter, response('{"limit":"10"}'), schema);
    expect(result._unsafeUnwrap()).toStrictEqual({ limit: 10 });
  });

  it('validates an empty body as undefined', async () => {
    const seen: unknown[] = [];
    const schema: StandardSchemaV1<unknown, string> = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: async (value) => {
          seen.push(value);
          return { value: 'nothing' };
        },
      },
    };
    const result = await readSuccess(testAdapter, response(null, 204), schema);
    expect(result._unsafeUnwrap()).toBe('nothing');
    expect(seen).toStrictEqual([undefined]);
  });

  it('turns a mismatch into unexpected_response, keeping the body and the issues', async () => {
    const schema = z.object({ id: z.string() });
    const result = await readSuccess(
      testAdapter,
      response('{"id":5}', 200, { 'x-request-id': 'r-2' }),
      schema,
    );
    const error = result._unsafeUnwrapErr();
    expect(error).toMatchObject({
      provider: 'test',
      kind: 'invalid_response',
      code: 'unexpected_response',
      message: 'Test: the response body does not match the expected schema',
      status: 200,
      requestId: 'r-2',
    });
    expect(error.raw).toMatchObject({ status: 200, body: { id: 5 } });
    expect(error.cause).toMatchObject([{ path: ['id'] }]);
  });

  it('rejects when the body cannot be read, for the caller to classify', async () => {
    const failure = new Error('socket hang up');
    const broken = new Response(
      new ReadableStream({ start: (controller) => controller.error(failure) }),
    );
    await expect(readSuccess(testAdapter, broken, undefined)).rejects.toBe(failure);
  });

  it("rejects with the signal's reason once it aborts, cancelling a body that never ends", async () => {
    const endless = endlessResponse();
    const controller = new AbortController();
    const reading = readSuccessUnder(testAdapter, endless.response, undefined, {
      signal: controller.signal,
    });
    controller.abort('timeout');
    await expect(reading).rejects.toBe('timeout');
    expect(endless.cancelled()).toBe(true);
  });

  it('rejects with a TimeoutError once timeoutMs runs out, cancelling a body that never ends', async () => {
    const endless = endlessResponse();
    const reading = readSuccessUnder(testAdapter, endless.response, undefined, { timeoutMs: 10 });
    await expect(reading).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(endless.cancelled()).toBe(true);
  });
});
