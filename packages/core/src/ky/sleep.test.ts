import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ABORTED, sleep, untilAborted } from './sleep';

/** Timers that keep the process alive: what must be gone once a wait settles. */
const activeTimers = () =>
  process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;
const abortedSignal = () => AbortSignal.abort();

describe('sleep', () => {
  it('resolves true after waiting at least the given time', async () => {
    const started = performance.now();
    await expect(sleep(5, new AbortController().signal)).resolves.toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(4);
  });

  it('waits the whole time without a signal, and clears nothing it did not start', async () => {
    const timersBefore = activeTimers();
    const started = performance.now();
    await expect(sleep(5, undefined)).resolves.toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(4);
    expect(activeTimers()).toBe(timersBefore);
  });

  it('resolves false at once when the signal is already aborted, starting no timer', async () => {
    const timersBefore = activeTimers();
    const started = performance.now();
    const waited = sleep(10_000, abortedSignal());
    expect(activeTimers()).toBe(timersBefore);
    await expect(waited).resolves.toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
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
    await sleep(1, signal);
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
