import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ABORTED, sleep, untilAborted } from './sleep';

// Sleeps run on a fake clock: waits take no real time, and every timer is counted.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Timers still pending: what must be gone once a wait settles. */
const activeTimers = () => vi.getTimerCount();
const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;
const abortedSignal = () => AbortSignal.abort();

/** Settles to `'pending'` when `promise` has not settled once the microtasks already queued have run. */
const settledValue = <T>(promise: Promise<T>) =>
  Promise.race([promise, Promise.resolve().then(() => 'pending' as const)]);

describe('sleep', () => {
  it.each([
    ['a signal', new AbortController().signal],
    ['no signal', undefined],
  ])('resolves true once the whole time has passed, with %s', async (_name, signal) => {
    const waited = sleep(5, signal);
    await vi.advanceTimersByTimeAsync(4);
    expect(await settledValue(waited)).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await settledValue(waited)).toBe(true);
  });

  it('clears the timer it started once the wait is over, and nothing else', async () => {
    const timersBefore = activeTimers();
    const waited = sleep(1, undefined);
    expect(activeTimers()).toBe(timersBefore + 1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(waited).resolves.toBe(true);
    expect(activeTimers()).toBe(timersBefore);
  });

  it('resolves false at once when the signal is already aborted, starting no timer', async () => {
    const timersBefore = activeTimers();
    const waited = sleep(10_000, abortedSignal());
    expect(activeTimers()).toBe(timersBefore);
    expect(await settledValue(waited)).toBe(false);
  });

  it('resolves false as soon as the signal aborts, and clears its timer', async () => {
    const controller = new AbortController();
    const timersBefore = activeTimers();
    const waited = sleep(10_000, controller.signal);
    expect(activeTimers()).toBe(timersBefore + 1);
    controller.abort();
    expect(activeTimers()).toBe(timersBefore);
    await expect(waited).resolves.toBe(false);
  });

  it('leaves no listener on the signal once the wait is over, whichever way it ended', async () => {
    const signal = new AbortController().signal;
    const slept = sleep(1, signal);
    await vi.advanceTimersByTimeAsync(1);
    await slept;
    expect(abortListeners(signal)).toBe(0);

    const controller = new AbortController();
    const waited = sleep(10_000, controller.signal);
    expect(abortListeners(controller.signal)).toBe(1);
    controller.abort();
    await waited;
    expect(abortListeners(controller.signal)).toBe(0);
  });
});

describe('untilAborted', () => {
  it('settles with the value of the promise when the signal does not abort', async () => {
    await expect(
      untilAborted(Promise.resolve('token'), new AbortController().signal),
    ).resolves.toBe('token');
  });

  it('gives back the promise itself when there is no signal to wait for', async () => {
    const promise = Promise.resolve('token');
    expect(untilAborted(promise, undefined)).toBe(promise);
  });

  it('rejects like the promise when the signal does not abort', async () => {
    const failure = new Error('vault unreachable');
    await expect(untilAborted(Promise.reject(failure), new AbortController().signal)).rejects.toBe(
      failure,
    );
  });

  it('gives ABORTED when the signal is already aborted, even for a settled promise', async () => {
    await expect(untilAborted(Promise.resolve('token'), abortedSignal())).resolves.toBe(ABORTED);
  });

  it('gives ABORTED as soon as the signal aborts, without waiting for the promise', async () => {
    const controller = new AbortController();
    const pending = untilAborted(new Promise<string>(() => {}), controller.signal);
    controller.abort();
    await expect(pending).resolves.toBe(ABORTED);
  });

  it('leaves no listener on the signal once it has settled, whichever side won', async () => {
    const signal = new AbortController().signal;
    await untilAborted(Promise.resolve('token'), signal);
    expect(abortListeners(signal)).toBe(0);

    const controller = new AbortController();
    const pending = untilAborted(new Promise<string>(() => {}), controller.signal);
    expect(abortListeners(controller.signal)).toBe(1);
    controller.abort();
    await pending;
    expect(abortListeners(controller.signal)).toBe(0);
  });
});
