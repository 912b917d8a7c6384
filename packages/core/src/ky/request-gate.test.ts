import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestGate } from './request-gate';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

const never = () => new AbortController().signal;

/** Starts `count` passes at once and records when each one resolves, in ms from now. */
function passAll(gate: RequestGate, count: number, signal = never()) {
  const started = Date.now();
  const passedAt: Array<number | false> = [];
  for (let index = 0; index < count; index += 1) {
    void gate.pass(signal).then((passed) => {
      passedAt[index] = passed && Date.now() - started;
    });
  }
  return passedAt;
}

describe('RequestGate: cooldown', () => {
  it('lets every request through at once with no cooldown and no rate limit', async () => {
    const passedAt = passAll(new RequestGate(undefined), 3);
    await vi.advanceTimersByTimeAsync(0);
    expect(passedAt).toEqual([0, 0, 0]);
  });

  it('holds every request until the cooldown ends, then lets them all through', async () => {
    const gate = new RequestGate(undefined);
    gate.coolDown(500);
    const passedAt = passAll(gate, 3);
    await vi.advanceTimersByTimeAsync(200);
    expect(gate.cooldownRemainingMs()).toBe(300);
    expect(passedAt).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(passedAt).toEqual([500, 500, 500]);
    expect(gate.cooldownRemainingMs()).toBe(0);
  });

  it('never shortens a running cooldown, and lengthens it for requests already waiting', async () => {
    const gate = new RequestGate(undefined);
    gate.coolDown(1000);
    const passedAt = passAll(gate, 1);
    await vi.advanceTimersByTimeAsync(100);
    gate.coolDown(200);
    expect(gate.cooldownRemainingMs()).toBe(900);
    gate.coolDown(2000);
    await vi.advanceTimersByTimeAsync(1900);
    expect(passedAt).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(passedAt).toEqual([2100]);
  });
});

describe('RequestGate: rate limit', () => {
  it('lets a burst through, then one request per interval, in order', async () => {
    const passedAt = passAll(new RequestGate({ requestsPerSecond: 10, burst: 3 }), 6);
    await vi.advanceTimersByTimeAsync(1000);
    expect(passedAt).toEqual([0, 0, 0, 100, 200, 300]);
  });

  it('queues requests that have no signal like the others', async () => {
    const gate = new RequestGate({ requestsPerSecond: 10 });
    const passedAt: Array<number | boolean> = [];
    for (let index = 0; index < 3; index += 1) {
      void gate.pass(undefined).then((passed) => {
        passedAt[index] = passed && Date.now() - 1_000_000;
      });
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(passedAt).toEqual([0, 100, 200]);
  });

  it('spaces every request by the interval with the default burst of 1', async () => {
    const passedAt = passAll(new RequestGate({ requestsPerSecond: 4 }), 3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(passedAt).toEqual([0, 250, 500]);
  });

  it('refills at requestsPerSecond and never holds more than the burst', async () => {
    const gate = new RequestGate({ requestsPerSecond: 10, burst: 3 });
    passAll(gate, 3);
    await vi.advanceTimersByTimeAsync(100);
    const refilled = passAll(gate, 2);
    await vi.advanceTimersByTimeAsync(100);
    expect(refilled).toEqual([0, 100]);
    await vi.advanceTimersByTimeAsync(60_000);
    const passedAt = passAll(gate, 4);
    await vi.advanceTimersByTimeAsync(100);
    expect(passedAt).toEqual([0, 0, 0, 100]);
  });

  it('takes a token when a request leaves, so a late timer does not add a burst', async () => {
    const gate = new RequestGate({ requestsPerSecond: 10, burst: 2 });
    passAll(gate, 2);
    // The event loop was busy for 1 s: the bucket holds 2 tokens, not the 10 a late reservation would count.
    vi.setSystemTime(Date.now() + 1000);
    const passedAt = passAll(gate, 3);
    await vi.advanceTimersByTimeAsync(100);
    expect(passedAt).toEqual([0, 0, 100]);
  });

  it('allows a full burst when a cooldown ends, then the interval', async () => {
    const gate = new RequestGate({ requestsPerSecond: 10, burst: 2 });
    passAll(gate, 2);
    gate.coolDown(1000);
    const passedAt = passAll(gate, 3);
    await vi.advanceTimersByTimeAsync(1100);
    expect(passedAt).toEqual([1000, 1000, 1100]);
  });
});

describe('RequestGate: abort', () => {
  it('resolves false at once when the signal is already aborted', async () => {
    expect(await new RequestGate(undefined).pass(AbortSignal.abort())).toBe(false);
  });

  it('resolves false when the signal aborts during the wait, and frees its place', async () => {
    const gate = new RequestGate({ requestsPerSecond: 10 });
    passAll(gate, 1);
    const controller = new AbortController();
    const aborted = passAll(gate, 1, controller.signal);
    const next = passAll(gate, 1);
    await vi.advanceTimersByTimeAsync(50);
    controller.abort();
    await vi.advanceTimersByTimeAsync(50);
    expect(aborted).toEqual([false]);
    expect(next).toEqual([100]);
  });

  it('ignores an abort after its request has passed', async () => {
    const gate = new RequestGate({ requestsPerSecond: 10 });
    passAll(gate, 1);
    const controller = new AbortController();
    const passed = passAll(gate, 1, controller.signal);
    await vi.advanceTimersByTimeAsync(100);
    const next = passAll(gate, 1);
    controller.abort();
    await vi.advanceTimersByTimeAsync(100);
    expect(passed).toEqual([100]);
    expect(next).toEqual([100]);
  });

  it('leaves no timer behind when its last waiter aborts', async () => {
    const gate = new RequestGate(undefined);
    gate.coolDown(10_000);
    const controller = new AbortController();
    passAll(gate, 1, controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
