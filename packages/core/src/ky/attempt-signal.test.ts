import { afterEach, describe, expect, it, vi } from 'vitest';
import { ATTEMPT_SIGNAL, withAttemptSignal } from './attempt-signal';

afterEach(() => {
  vi.unstubAllGlobals();
});

const recordingFetch = () => {
  const calls: Array<{ input: unknown; init: RequestInit | undefined }> = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ input, init });
    return new Response('{}');
  }) as typeof globalThis.fetch;
  return { fetch, calls };
};

describe('withAttemptSignal', () => {
  it("gives fetch the attempt's signal as its signal, and every other option as it came", async () => {
    const { fetch, calls } = recordingFetch();
    const signal = new AbortController().signal;
    const dispatcher = { name: 'mtls' };
    const init = { dispatcher, [ATTEMPT_SIGNAL]: signal } as RequestInit;
    await withAttemptSignal(fetch)('https://issuer.test/v1/cards', init);
    expect(calls).toStrictEqual([
      { input: 'https://issuer.test/v1/cards', init: { dispatcher, signal } },
    ]);
  });

  it('leaves the options alone when no attempt signal came with them', async () => {
    const { fetch, calls } = recordingFetch();
    const request = new Request('https://issuer.test/v1/cards');
    await withAttemptSignal(fetch)(request, { keepalive: true });
    await withAttemptSignal(fetch)(request);
    expect(calls).toStrictEqual([
      { input: request, init: { keepalive: true } },
      { input: request, init: {} },
    ]);
  });

  it('calls the global fetch of the moment when it was given none', async () => {
    const sendWithout = withAttemptSignal(undefined);
    const { fetch, calls } = recordingFetch();
    vi.stubGlobal('fetch', fetch);
    const signal = new AbortController().signal;
    await sendWithout('https://issuer.test/v1/x', { [ATTEMPT_SIGNAL]: signal } as RequestInit);
    expect(calls).toStrictEqual([{ input: 'https://issuer.test/v1/x', init: { signal } }]);
  });
});
