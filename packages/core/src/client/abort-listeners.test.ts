import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { onAbort } from './abort-listeners';

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

describe('onAbort', () => {
  it('calls every callback once, in order, through one listener', () => {
    const controller = new AbortController();
    const calls: number[] = [];
    for (const index of [1, 2, 3]) onAbort(controller.signal, () => calls.push(index));
    expect(abortListeners(controller.signal)).toBe(1);
    controller.abort();
    controller.abort();
    expect(calls).toEqual([1, 2, 3]);
  });

  it('counts one callback given twice as two waits: stopping one leaves the other', () => {
    const controller = new AbortController();
    const callback = vi.fn();
    const stopFirst = onAbort(controller.signal, callback);
    onAbort(controller.signal, callback);
    stopFirst();
    expect(abortListeners(controller.signal)).toBe(1);
    controller.abort();
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('leaves a signal that aborted as it is when its waits stop afterwards', () => {
    const controller = new AbortController();
    const stop = onAbort(controller.signal, () => {});
    controller.abort();
    stop();
    stop();
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it('keeps the signals of different callers apart', () => {
    const first = new AbortController();
    const second = new AbortController();
    const onFirst = vi.fn();
    const onSecond = vi.fn();
    onAbort(first.signal, onFirst);
    const stopSecond = onAbort(second.signal, onSecond);
    first.abort();
    expect(onFirst).toHaveBeenCalledTimes(1);
    expect(onSecond).not.toHaveBeenCalled();
    stopSecond();
    expect(abortListeners(second.signal)).toBe(0);
  });
});
