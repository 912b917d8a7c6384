import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScope, type Scope } from './scope';

// The scopes' timers run on a fake clock: waits take no real time, and every timer is counted.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Timers still pending: what a settled scope must not leave behind. */
const activeTimers = () => vi.getTimerCount();
const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;
const delay = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('createScope: without a parent', () => {
  it('has no signal and no timer when it has no time limit: nothing can stop it', async () => {
    const timersBefore = activeTimers();
    const scope = createScope(undefined);
    expect(activeTimers()).toBe(timersBefore);
    await delay(5);
    expect(scope.signal).toBeUndefined();
    expect(scope.stopReason()).toBeUndefined();
    scope.dispose();
  });

  it('gives a child of a scope that cannot stop no signal either, unless it has a time limit', () => {
    const call = createScope(undefined);
    expect(createScope(call).signal).toBeUndefined();
    const attempt = createScope(call, 1000);
    expect(attempt.signal?.aborted).toBe(false);
    attempt.dispose();
  });

  it('stops with timeout once timeoutMs runs out', async () => {
    const scope = createScope(undefined, 2);
    expect(scope.signal?.aborted).toBe(false);
    await delay(10);
    expect(scope.signal?.aborted).toBe(true);
    expect(scope.stopReason()).toBe('timeout');
    expect(scope.signal?.reason).toBe('timeout');
    scope.dispose();
  });

  it('never times out after dispose: its timer is cleared', async () => {
    const timersBefore = activeTimers();
    const scope = createScope(undefined, 2);
    expect(activeTimers()).toBe(timersBefore + 1);
    scope.dispose();
    expect(activeTimers()).toBe(timersBefore);
    await delay(10);
    expect(scope.signal?.aborted).toBe(false);
    expect(scope.stopReason()).toBeUndefined();
  });
});

describe("createScope: under a caller's signal", () => {
  it('stops with cancelled when the signal aborts', () => {
    const controller = new AbortController();
    const scope = createScope(controller.signal, 10_000);
    controller.abort(new Error('user navigated away'));
    expect(scope.signal?.aborted).toBe(true);
    expect(scope.stopReason()).toBe('cancelled');
    expect(scope.signal?.reason).toBe('cancelled');
    scope.dispose();
  });

  it('starts stopped, with cancelled and no timer, when the signal is already aborted', () => {
    const timersBefore = activeTimers();
    const scope = createScope(AbortSignal.abort(), 10_000);
    expect(scope.signal?.aborted).toBe(true);
    expect(scope.stopReason()).toBe('cancelled');
    expect(activeTimers()).toBe(timersBefore);
    scope.dispose();
  });

  it('keeps its first reason: a later abort of the signal does not turn a timeout into cancelled', async () => {
    const controller = new AbortController();
    const scope = createScope(controller.signal, 2);
    await delay(10);
    controller.abort();
    expect(scope.stopReason()).toBe('timeout');
    expect(scope.signal?.reason).toBe('timeout');
    scope.dispose();
  });

  it('stops listening to the signal once the signal has aborted', () => {
    const controller = new AbortController();
    const scope = createScope(controller.signal);
    expect(abortListeners(controller.signal)).toBe(1);
    controller.abort();
    expect(abortListeners(controller.signal)).toBe(0);
    scope.dispose();
  });

  it('holds one listener on a signal however many scopes follow it, and stops them all', () => {
    const controller = new AbortController();
    const scopes = Array.from({ length: 25 }, () => createScope(controller.signal));
    expect(abortListeners(controller.signal)).toBe(1);
    controller.abort();
    expect(scopes.map((scope) => scope.stopReason())).toEqual(Array(25).fill('cancelled'));
    for (const scope of scopes) scope.dispose();
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it('removes the one listener when the last of many scopes is disposed, and listens again for a new one', () => {
    const controller = new AbortController();
    const scopes = Array.from({ length: 3 }, () => createScope(controller.signal));
    for (const scope of scopes.slice(0, 2)) scope.dispose();
    expect(abortListeners(controller.signal)).toBe(1);
    scopes[2]?.dispose();
    expect(abortListeners(controller.signal)).toBe(0);
    const later = createScope(controller.signal);
    expect(abortListeners(controller.signal)).toBe(1);
    controller.abort();
    expect(later.stopReason()).toBe('cancelled');
    expect(scopes.map((scope) => scope.stopReason())).toEqual([undefined, undefined, undefined]);
    later.dispose();
  });

  it('ignores the signal after dispose and leaves no listener on it', () => {
    const controller = new AbortController();
    const scope = createScope(controller.signal);
    scope.dispose();
    expect(abortListeners(controller.signal)).toBe(0);
    controller.abort();
    expect(scope.signal?.aborted).toBe(false);
    expect(scope.stopReason()).toBeUndefined();
  });
});

describe('createScope: under a parent scope', () => {
  it("stops with the parent's timeout when the parent times out", async () => {
    const call = createScope(undefined, 2);
    const attempt = createScope(call, 10_000);
    await delay(10);
    expect(attempt.signal?.aborted).toBe(true);
    expect(attempt.stopReason()).toBe('timeout');
    attempt.dispose();
    call.dispose();
  });

  it("stops with cancelled when the parent was cancelled by the caller's signal", () => {
    const controller = new AbortController();
    const call = createScope(controller.signal);
    const attempt = createScope(call, 10_000);
    controller.abort();
    expect(attempt.stopReason()).toBe('cancelled');
    attempt.dispose();
    call.dispose();
  });

  it('starts stopped with the reason of a parent that has already timed out', async () => {
    const call = createScope(undefined, 1);
    await delay(10);
    const attempt = createScope(call, 10_000);
    expect(attempt.signal?.aborted).toBe(true);
    expect(attempt.stopReason()).toBe('timeout');
    attempt.dispose();
    call.dispose();
  });

  it('stops with its own timeout, leaving the parent running', async () => {
    const call = createScope(undefined, 10_000);
    const attempt = createScope(call, 2);
    await delay(10);
    expect(attempt.stopReason()).toBe('timeout');
    expect(call.signal?.aborted).toBe(false);
    attempt.dispose();
    call.dispose();
  });

  it('counts a parent stopped without a reason as cancelled', () => {
    const controller = new AbortController();
    const parent: Scope = {
      signal: controller.signal,
      stopReason: () => undefined,
      dispose: () => {},
    };
    const attempt = createScope(parent);
    controller.abort();
    expect(attempt.stopReason()).toBe('cancelled');
    attempt.dispose();
  });
});
