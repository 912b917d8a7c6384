import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { testAdapter } from '../adapter/__fixtures__/test-adapter';
import { createScope, type Scope } from '../client/scope';
import { ATTEMPT_SIGNAL } from './attempt-signal';
import type { KyInstanceLike, RequestOptions } from './client-types';
import { type RequestPlan, sendAttempt } from './send-attempt';

interface SentRequest {
  readonly url: string;
  readonly options: Record<string, unknown>;
}

/** A stand-in for ky that records what it is asked and answers with `respond`. */
function fakeKy(respond: (options: Record<string, unknown>) => Promise<Response>) {
  const sent: SentRequest[] = [];
  const ky = Object.assign(
    async (url: string, options: object = {}) => {
      const record = options as Record<string, unknown>;
      sent.push({ url, options: record });
      return respond(record);
    },
    { extend: () => ky },
  ) as KyInstanceLike;
  return { ky, sent };
}

const planFor = <T>(
  ky: KyInstanceLike,
  options: RequestOptions<T> = {},
  method: RequestPlan<T>['method'] = 'GET',
): RequestPlan<T> => ({
  adapter: testAdapter,
  ky,
  url: 'https://issuer.test/v1/cards',
  method,
  headers: { 'company-id': 'c-1' },
  options,
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A ky that rejects like fetch once the attempt's signal aborts. */
const rejectsOnAbort = (options: Record<string, unknown>) =>
  new Promise<Response>((_resolve, reject) => {
    const signal = options[ATTEMPT_SIGNAL] as AbortSignal;
    signal.addEventListener('abort', () =>
      reject(new DOMException('This operation was aborted', 'AbortError')),
    );
  });

const withScope = async <R>(scope: Scope, run: (scope: Scope) => Promise<R>) => {
  try {
    return await run(scope);
  } finally {
    scope.dispose();
  }
};

describe('sendAttempt: the request it sends', () => {
  it('sends the method, the plan headers and the scope signal, and nothing else, without a token', async () => {
    const { ky, sent } = fakeKy(async () => json({}));
    const scope = createScope(undefined);
    await withScope(scope, () => sendAttempt(planFor(ky), scope, undefined, undefined));
    expect(sent).toStrictEqual([
      {
        url: 'https://issuer.test/v1/cards',
        options: {
          method: 'GET',
          headers: { 'company-id': 'c-1' },
          timeout: false,
          [ATTEMPT_SIGNAL]: scope.signal,
        },
      },
    ]);
  });

  it('adds the token as a bearer authorization header, keeping the plan headers', async () => {
    const { ky, sent } = fakeKy(async () => json({}));
    const scope = createScope(undefined);
    await withScope(scope, () => sendAttempt(planFor(ky), scope, 'tok-1', undefined));
    expect(sent[0]?.options.headers).toStrictEqual({
      'company-id': 'c-1',
      authorization: 'Bearer tok-1',
    });
  });

  it('passes the JSON body and the search params when the request has them', async () => {
    const { ky, sent } = fakeKy(async () => json({ id: 7 }, 201));
    const scope = createScope(undefined);
    const options = { json: { name: 'Acme' }, searchParams: { page: 2 } };
    await withScope(scope, () =>
      sendAttempt(planFor(ky, options, 'POST'), scope, undefined, undefined),
    );
    expect(sent[0]?.options).toStrictEqual({
      method: 'POST',
      headers: { 'company-id': 'c-1' },
      timeout: false,
      [ATTEMPT_SIGNAL]: scope.signal,
      json: { name: 'Acme' },
      searchParams: { page: 2 },
    });
  });
});

describe('sendAttempt: what it gives back', () => {
  it('gives the success body, validated by the schema', async () => {
    const { ky } = fakeKy(async () => json({ id: 'c', limit: 10 }));
    const scope = createScope(undefined);
    const schema = z.object({ id: z.string(), limit: z.number() });
    const result = await withScope(scope, () =>
      sendAttempt(planFor(ky, { schema }), scope, 'tok', undefined),
    );
    expect(result._unsafeUnwrap()).toStrictEqual({ id: 'c', limit: 10 });
  });

  it('normalizes an error response with the adapter', async () => {
    const { ky } = fakeKy(async () =>
      json({ error: 'card_missing', message: 'No such card' }, 404),
    );
    const scope = createScope(undefined);
    const error = (
      await withScope(scope, () => sendAttempt(planFor(ky), scope, undefined, undefined))
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({
      provider: 'test',
      kind: 'not_found',
      code: 'not_found',
      status: 404,
      providerCode: 'card_missing',
    });
  });

  it('stops reading an error body that never ends when the scope stops', async () => {
    const endless = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start: (controller) => controller.enqueue(new TextEncoder().encode('{"error":')),
        }),
        { status: 503 },
      );
    const { ky } = fakeKy(async () => endless());
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const scope = createScope(undefined, 5);
      let settled = false;
      const attempt = withScope(scope, () =>
        sendAttempt(planFor(ky), scope, undefined, undefined),
      ).finally(() => {
        settled = true;
      });
      await vi.advanceTimersByTimeAsync(4);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await attempt)._unsafeUnwrapErr()).toMatchObject({
        kind: 'unavailable',
        status: 503,
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('classifies what ky throws with the adapter while the scope runs', async () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    });
    const { ky } = fakeKy(() => Promise.reject(refused));
    const scope = createScope(undefined);
    const error = (
      await withScope(scope, () => sendAttempt(planFor(ky), scope, undefined, undefined))
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'network',
      code: 'connection_failed',
      outcome: 'rejected',
    });
  });

  it('gives a timeout error when the scope ran out of time, whatever ky threw', async () => {
    const { ky } = fakeKy(rejectsOnAbort);
    const scope = createScope(undefined, 2);
    const error = (
      await withScope(scope, () => sendAttempt(planFor(ky), scope, undefined, undefined))
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({
      provider: 'test',
      kind: 'timeout',
      code: 'timeout',
      message: 'Test: the request timed out',
    });
  });

  it("gives a cancelled error when the caller's signal stopped the scope", async () => {
    const controller = new AbortController();
    const { ky } = fakeKy((options) => {
      queueMicrotask(() => controller.abort());
      return rejectsOnAbort(options);
    });
    const scope = createScope(controller.signal);
    const error = (
      await withScope(scope, () => sendAttempt(planFor(ky), scope, undefined, undefined))
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'cancelled',
      code: 'cancelled',
      message: 'Test: the request was cancelled',
    });
  });
});

describe('sendAttempt: an answer that comes after the call stopped', () => {
  it('cancels the late body, so its connection is let go', async () => {
    const caller = new AbortController();
    let cancelled = false;
    let answer: (response: Response) => void = () => {};
    const { ky } = fakeKy(
      () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    );
    const call = createScope(caller.signal);
    const attempt = sendAttempt(planFor(ky), call, undefined, undefined);
    caller.abort();
    expect((await attempt)._unsafeUnwrapErr()).toMatchObject({ kind: 'cancelled' });
    answer(
      new Response(
        new ReadableStream({
          cancel: () => {
            cancelled = true;
          },
        }),
      ),
    );
    await vi.waitFor(() => expect(cancelled).toBe(true));
    call.dispose();
  });
});

describe("sendAttempt: the attempt's time limit", () => {
  /** A body that sends its first bytes and never ends; `cancelled()` tells whether it was let go. */
  const endlessBody = (status: number) => {
    let cancelled = false;
    const response = new Response(
      new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(new TextEncoder().encode('{"data":')),
        cancel: () => {
          cancelled = true;
        },
      }),
      { status, headers: { 'content-type': 'application/json' } },
    );
    return { response, cancelled: () => cancelled };
  };

  it('hands the time limit to ky, which times the wait for the answer', async () => {
    const { ky, sent } = fakeKy(async () => json({}));
    await sendAttempt(planFor(ky), createScope(undefined), undefined, 1500);
    expect(sent[0]?.options.timeout).toBe(1500);
  });

  it("times the attempt itself when the call has a signal, which would take the place of ky's in fetch", async () => {
    const caller = new AbortController();
    const call = createScope(caller.signal);
    const { ky, sent } = fakeKy(rejectsOnAbort);
    const error = (await sendAttempt(planFor(ky), call, undefined, 5))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'timeout', message: 'Test: the request timed out' });
    expect(sent[0]?.options.timeout).toBe(false);
    const attemptSignal = sent[0]?.options[ATTEMPT_SIGNAL];
    expect(attemptSignal).toBeInstanceOf(AbortSignal);
    expect(attemptSignal).not.toBe(call.signal);
    expect(call.stopReason()).toBeUndefined();
    // The attempt's scope is gone: nothing of it is left listening to the call's signal.
    expect(getEventListeners(call.signal as AbortSignal, 'abort')).toEqual([]);
    call.dispose();
  });

  it("hands a call's signal straight to ky when the attempt has no time limit", async () => {
    const call = createScope(new AbortController().signal);
    const { ky, sent } = fakeKy(async () => json({}));
    await sendAttempt(planFor(ky), call, undefined, undefined);
    expect(sent[0]?.options.timeout).toBe(false);
    expect(sent[0]?.options[ATTEMPT_SIGNAL]).toBe(call.signal);
    call.dispose();
  });

  it("gives a timeout error when ky's timeout fires, in the same words as any other", async () => {
    const kyTimeout = Object.assign(
      new Error('Request timed out: GET https://issuer.test/v1/cards'),
      {
        name: 'TimeoutError',
      },
    );
    const { ky } = fakeKy(() => Promise.reject(kyTimeout));
    const error = (
      await sendAttempt(planFor(ky), createScope(undefined), undefined, 1500)
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'timeout',
      code: 'timeout',
      message: 'Test: the request timed out',
    });
  });

  it.each([
    [
      'the success body',
      200,
      { kind: 'timeout', code: 'timeout', message: 'Test: the request timed out' },
    ],
    ['an error body, normalizing what arrived', 503, { kind: 'unavailable', status: 503 }],
  ])('gives %s only what is left of the time, then cancels it', async (_body, status, expected) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const body = endlessBody(status);
      const { ky } = fakeKy(
        () => new Promise((resolve) => setTimeout(() => resolve(body.response), 60)),
      );
      let settled = false;
      const attempt = sendAttempt(planFor(ky), createScope(undefined), undefined, 100).finally(
        () => {
          settled = true;
        },
      );
      // The answer came after 60 ms of the attempt's 100: the body gets the 40 left.
      await vi.advanceTimersByTimeAsync(99);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toBe(true);
      expect((await attempt)._unsafeUnwrapErr()).toMatchObject(expected);
      expect(body.cancelled()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
