import { describe, expect, it, vi } from 'vitest';
import type { AccessTokenSource } from './token-coordinator';
import { TokenCoordinator } from './token-coordinator';

/** A token source handing out `t1`, `t2`… and recording how it was asked. */
function countingSource() {
  let issued = 0;
  const source = vi.fn<AccessTokenSource>(async () => `t${++issued}`);
  return source;
}

/** A token source whose asks stay open until `release` is called. */
function gatedSource() {
  let release: (token: string) => void = () => {};
  const source = vi.fn<AccessTokenSource>(
    () =>
      new Promise<string>((resolve) => {
        release = resolve;
      }),
  );
  return { source, release: (token: string) => release(token) };
}

/** Lets every pending promise callback run. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('TokenCoordinator.current', () => {
  it('asks the source without forcing a refresh and gives its token', async () => {
    const source = countingSource();
    await expect(new TokenCoordinator(source).current()).resolves.toBe('t1');
    expect(source.mock.calls).toStrictEqual([
      [{ forceRefresh: false, signal: expect.any(AbortSignal) }],
    ]);
  });

  it('shares one ask among concurrent requests', async () => {
    const source = countingSource();
    const tokens = new TokenCoordinator(source);
    await expect(Promise.all([tokens.current(), tokens.current()])).resolves.toStrictEqual([
      't1',
      't1',
    ]);
    expect(source).toHaveBeenCalledTimes(1);
  });

  it('asks the source again for a later request: the source owns the caching', async () => {
    const source = countingSource();
    const tokens = new TokenCoordinator(source);
    await tokens.current();
    await expect(tokens.current()).resolves.toBe('t2');
    expect(source).toHaveBeenCalledTimes(2);
  });

  it('rejects, without throwing synchronously, when the source throws, and asks again next time', async () => {
    const failure = new Error('vault unreachable');
    const source = vi
      .fn<AccessTokenSource>()
      .mockImplementationOnce(() => {
        throw failure;
      })
      .mockImplementationOnce(() => 'fresh');
    const tokens = new TokenCoordinator(source);
    let pending: Promise<string> | undefined;
    expect(() => {
      pending = tokens.current();
    }).not.toThrow();
    await expect(pending).rejects.toBe(failure);
    await expect(tokens.current()).resolves.toBe('fresh');
  });
});

describe('TokenCoordinator: time limit', () => {
  it('rejects an ask that outlives its time limit with a TimeoutError, aborting its signal', async () => {
    const signals: AbortSignal[] = [];
    const source = vi.fn<AccessTokenSource>(({ signal }) => {
      signals.push(signal);
      return new Promise<string>(() => {});
    });
    const tokens = new TokenCoordinator(source, 20);
    await expect(tokens.current()).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(signals[0]?.aborted).toBe(true);
  });

  it('asks afresh after a timed-out ask, which never becomes the current token', async () => {
    let release: (token: string) => void = () => {};
    let asks = 0;
    const source = vi.fn<AccessTokenSource>(() => {
      asks += 1;
      if (asks > 1) return 'fresh';
      return new Promise<string>((resolve) => {
        release = resolve;
      });
    });
    const tokens = new TokenCoordinator(source, 20);
    await expect(tokens.current()).rejects.toMatchObject({ name: 'TimeoutError' });
    await expect(tokens.current()).resolves.toBe('fresh');
    release('stale');
    await settled();
    // A 401 to the fresh token refreshes: the late, stale answer was never taken as current.
    await expect(tokens.refreshAfterRejection('fresh')).resolves.toBe('fresh');
    expect(source).toHaveBeenCalledTimes(3);
  });
});

describe('TokenCoordinator.refreshAfterRejection', () => {
  it('forces a refresh when the rejected token is still the current one', async () => {
    const source = countingSource();
    const tokens = new TokenCoordinator(source);
    const used = await tokens.current();
    await expect(tokens.refreshAfterRejection(used)).resolves.toBe('t2');
    expect(source.mock.calls).toStrictEqual([
      [{ forceRefresh: false, signal: expect.any(AbortSignal) }],
      [{ forceRefresh: true, signal: expect.any(AbortSignal) }],
    ]);
  });

  it('forces a refresh when no token was obtained through it yet', async () => {
    const source = countingSource();
    await expect(new TokenCoordinator(source).refreshAfterRejection('t0')).resolves.toBe('t1');
    expect(source.mock.calls).toStrictEqual([
      [{ forceRefresh: true, signal: expect.any(AbortSignal) }],
    ]);
  });

  it('gives the newer token without asking when another request already refreshed it', async () => {
    const source = countingSource();
    const tokens = new TokenCoordinator(source);
    await tokens.current();
    await tokens.refreshAfterRejection('t1');
    await expect(tokens.refreshAfterRejection('t1')).resolves.toBe('t2');
    expect(source).toHaveBeenCalledTimes(2);
  });

  it('lets every request that meets a 401 during a refresh wait for that refresh', async () => {
    const { source, release } = gatedSource();
    const tokens = new TokenCoordinator(source);
    const first = tokens.refreshAfterRejection('old');
    const second = tokens.refreshAfterRejection('old');
    const third = tokens.current();
    await settled();
    expect(source).toHaveBeenCalledOnce();
    release('new');
    await expect(Promise.all([first, second, third])).resolves.toStrictEqual(['new', 'new', 'new']);
    expect(source.mock.calls).toStrictEqual([
      [{ forceRefresh: true, signal: expect.any(AbortSignal) }],
    ]);
  });

  it('makes a later 401 wait for a refresh already running, even for an older token', async () => {
    const { source, release } = gatedSource();
    const tokens = new TokenCoordinator(source);
    const first = tokens.current();
    await settled();
    expect(source).toHaveBeenCalledTimes(1);
    release('t1');
    await first;
    const refresh = tokens.refreshAfterRejection('t1');
    const older = tokens.refreshAfterRejection('t0');
    await settled();
    expect(source).toHaveBeenCalledTimes(2);
    release('t2');
    await expect(Promise.all([refresh, older])).resolves.toStrictEqual(['t2', 't2']);
    expect(source.mock.calls).toStrictEqual([
      [{ forceRefresh: false, signal: expect.any(AbortSignal) }],
      [{ forceRefresh: true, signal: expect.any(AbortSignal) }],
    ]);
  });

  it('still forces a refresh when the 401 comes while an ordinary ask is in flight', async () => {
    // The source caches: an ordinary ask gives the token it holds until forced to refresh.
    let cached = 't1';
    const gates: Array<() => void> = [];
    const source = vi.fn<AccessTokenSource>(({ forceRefresh }) => {
      if (forceRefresh) cached = 't2';
      const token = cached;
      return new Promise<string>((resolve) => gates.push(() => resolve(token)));
    });
    const tokens = new TokenCoordinator(source);
    const first = tokens.current();
    await settled();
    expect(gates).toHaveLength(1);
    gates[0]?.();
    const used = await first;
    const ordinary = tokens.current();
    const refreshed = tokens.refreshAfterRejection(used);
    await settled();
    expect(gates).toHaveLength(3);
    gates[1]?.();
    await expect(ordinary).resolves.toBe('t1');
    const laterRejection = tokens.refreshAfterRejection(used);
    gates[2]?.();
    await expect(Promise.all([refreshed, laterRejection])).resolves.toStrictEqual(['t2', 't2']);
    expect(source.mock.calls).toStrictEqual([
      [{ forceRefresh: false, signal: expect.any(AbortSignal) }],
      [{ forceRefresh: false, signal: expect.any(AbortSignal) }],
      [{ forceRefresh: true, signal: expect.any(AbortSignal) }],
    ]);
  });

  it('keeps the newest token when an older ordinary ask settles after a refresh', async () => {
    let cached = 't1';
    const gates: Array<() => void> = [];
    const source = vi.fn<AccessTokenSource>(({ forceRefresh }) => {
      if (forceRefresh) cached = cached === 't1' ? 't2' : 't3';
      const token = cached;
      return new Promise<string>((resolve) => gates.push(() => resolve(token)));
    });
    const tokens = new TokenCoordinator(source);
    const ordinary = tokens.current();
    const refreshed = tokens.refreshAfterRejection('t1');
    await settled();
    gates[1]?.();
    await expect(refreshed).resolves.toBe('t2');
    gates[0]?.();
    await expect(ordinary).resolves.toBe('t1');
    // A 401 to the newest token must refresh, never fall back to the rejected t1.
    const again = tokens.refreshAfterRejection('t2');
    await settled();
    gates[2]?.();
    await expect(again).resolves.toBe('t3');
  });
});
