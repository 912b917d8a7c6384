import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryRateStore } from '../rate/memory-rate-store';
import type { RateBudget, RateStore, RateTake } from '../rate/rate-types';
import { RequestGate } from './request-gate';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

const never = () => new AbortController().signal;

/** A gate on a store of its own, as a client without `rateStore` has. */
const gateWith = (budget: RateBudget | undefined) =>
  new RequestGate(createMemoryRateStore(), { key: 'test:local:all', budget });

/** Whether the request passed (not stopped, not held by a cooldown). */
const passes = (gate: RequestGate, signal: AbortSignal | undefined) =>
  gate.pass(signal, Infinity).then((passage) => passage.kind === 'passed');

/** Starts `count` passes at once and records when each one resolves, in ms from now. */
function passAll(gate: RequestGate, count: number, signal = never()) {
  const started = Date.now();
  const passedAt: Array<number | false> = [];
  for (let index = 0; index < count; index += 1) {
    void passes(gate, signal).then((passed) => {
      passedAt[index] = passed && Date.now() - started;
    });
  }
  return passedAt;
}

describe('RequestGate: cooldown', () => {
  it('lets every request through at once with no cooldown and no rate limit', async () => {
    const passedAt = passAll(gateWith(undefined), 3);
    await vi.advanceTimersByTimeAsync(0);
    expect(passedAt).toEqual([0, 0, 0]);
  });

  it('holds every request until the cooldown ends, then lets them all through', async () => {
    const gate = gateWith(undefined);
    gate.coolDown(500);
    const passedAt = passAll(gate, 3);
    await vi.advanceTimersByTimeAsync(200);
    expect(passedAt).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(passedAt).toEqual([500, 500, 500]);
    const after = passAll(gate, 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(after).toEqual([0]);
  });

  it('never shortens a running cooldown, and lengthens it for requests already waiting', async () => {
    const gate = gateWith(undefined);
    gate.coolDown(1000);
    const passedAt = passAll(gate, 1);
    await vi.advanceTimersByTimeAsync(100);
    gate.coolDown(200);
    gate.coolDown(2000);
    await vi.advanceTimersByTimeAsync(1900);
    expect(passedAt).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(passedAt).toEqual([2100]);
  });
});

describe('RequestGate: rate limit', () => {
  it('lets a burst through, then one request per interval, in order', async () => {
    const passedAt = passAll(gateWith({ requestsPerSecond: 10, burst: 3 }), 6);
    await vi.advanceTimersByTimeAsync(1000);
    expect(passedAt).toEqual([0, 0, 0, 100, 200, 300]);
  });

  it('queues requests that have no signal like the others', async () => {
    const gate = gateWith({ requestsPerSecond: 10 });
    const passedAt: Array<number | boolean> = [];
    for (let index = 0; index < 3; index += 1) {
      void passes(gate, undefined).then((passed) => {
        passedAt[index] = passed && Date.now() - 1_000_000;
      });
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(passedAt).toEqual([0, 100, 200]);
  });

  it('spaces every request by the interval with the default burst of 1', async () => {
    const passedAt = passAll(gateWith({ requestsPerSecond: 4 }), 3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(passedAt).toEqual([0, 250, 500]);
  });

  it('refills at requestsPerSecond and never holds more than the burst', async () => {
    const gate = gateWith({ requestsPerSecond: 10, burst: 3 });
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
    const gate = gateWith({ requestsPerSecond: 10, burst: 2 });
    passAll(gate, 2);
    // The event loop was busy for 1 s: the bucket holds 2 tokens, not the 10 a late reservation would count.
    vi.setSystemTime(Date.now() + 1000);
    const passedAt = passAll(gate, 3);
    await vi.advanceTimersByTimeAsync(100);
    expect(passedAt).toEqual([0, 0, 100]);
  });

  it('allows a full burst when a cooldown ends, then the interval', async () => {
    const gate = gateWith({ requestsPerSecond: 10, burst: 2 });
    passAll(gate, 2);
    gate.coolDown(1000);
    const passedAt = passAll(gate, 3);
    await vi.advanceTimersByTimeAsync(1100);
    expect(passedAt).toEqual([1000, 1000, 1100]);
  });
});

describe('RequestGate: abort', () => {
  it('resolves false at once when the signal is already aborted', async () => {
    expect(await passes(gateWith(undefined), AbortSignal.abort())).toBe(false);
  });

  it('resolves false when the signal aborts during the wait, and frees its place', async () => {
    const gate = gateWith({ requestsPerSecond: 10 });
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
    const gate = gateWith({ requestsPerSecond: 10 });
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
    const gate = gateWith(undefined);
    gate.coolDown(10_000);
    const controller = new AbortController();
    passAll(gate, 1, controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('RequestGate: the store', () => {
  it('answers cooldown, at once, when the cooldown outlasts what the request may wait', async () => {
    const gate = gateWith(undefined);
    gate.coolDown(5000);
    await expect(gate.pass(undefined, 4999)).resolves.toEqual({
      kind: 'cooldown',
      cooldownMs: 5000,
    });
    const waiting = passAll(gate, 1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(waiting).toEqual([5000]);
  });

  it('keeps order and spacing with a store that answers later', async () => {
    const memory = createMemoryRateStore();
    const asked: string[] = [];
    const slowStore: RateStore = {
      take: async (bucket) => {
        asked.push(bucket.key);
        return memory.take(bucket);
      },
      coolDown: async (bucket, ms) => memory.coolDown(bucket, ms),
    };
    const gate = new RequestGate(slowStore, { key: 'p:h:all', budget: { requestsPerSecond: 10 } });
    const passedAt = passAll(gate, 3);
    await vi.advanceTimersByTimeAsync(200);
    expect(passedAt).toEqual([0, 100, 200]);
    // One ask per request that left, and one per wait: never one per waiter at once.
    expect(asked).toHaveLength(5);
  });

  it('asks once the bucket that comes later (a credential hash) is known', async () => {
    const memory = createMemoryRateStore();
    const keys: string[] = [];
    const recording: RateStore = {
      take: (bucket) => {
        keys.push(bucket.key);
        return memory.take(bucket);
      },
      coolDown: (bucket, ms) => memory.coolDown(bucket, ms),
    };
    const bucket = Promise.resolve({ key: 'p:abc:write', budget: undefined });
    const gate = new RequestGate(recording, bucket);
    gate.coolDown(100);
    const passedAt = passAll(gate, 1);
    await vi.advanceTimersByTimeAsync(100);
    expect(passedAt).toEqual([100]);
    expect(new Set(keys)).toEqual(new Set(['p:abc:write']));
  });

  it.each([
    [
      'throws',
      () => {
        throw new Error('down');
      },
    ],
    ['rejects', () => Promise.reject(new Error('down'))],
    ['answers NaN', () => ({ waitMs: Number.NaN, cooldownMs: 0 })],
    ['answers a NaN cooldown', () => ({ waitMs: 10, cooldownMs: Number.NaN })],
    ['answers an endless wait', () => ({ waitMs: Number.POSITIVE_INFINITY, cooldownMs: 0 })],
    ['answers a negative wait', () => ({ waitMs: -1, cooldownMs: 0 })],
    ['answers a negative cooldown', () => ({ waitMs: 10, cooldownMs: -1 })],
    ['answers null, later', () => Promise.resolve(null)],
    ['answers nothing', () => undefined],
  ])('lets the request leave when the store %s', async (_name, take) => {
    const broken = { take, coolDown: take } as unknown as RateStore;
    const gate = new RequestGate(broken, { key: 'p:h:all', budget: { requestsPerSecond: 1 } });
    gate.coolDown(1000);
    const passedAt = passAll(gate, 2);
    await vi.advanceTimersByTimeAsync(0);
    expect(passedAt).toEqual([0, 0]);
  });

  it('lets the request leave after a second, and one more turn of the event loop, when the store never answers', async () => {
    const hanging: RateStore = { take: () => new Promise(() => {}), coolDown: () => {} };
    const gate = new RequestGate(hanging, { key: 'p:h:all', budget: undefined });
    const passedAt = passAll(gate, 1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(passedAt).toEqual([]);
    // The turn after is a timer of 0 ms, which Node (and its fake clock) runs 1 ms later.
    await vi.advanceTimersByTimeAsync(1);
    expect(passedAt).toEqual([1001]);
  });

  it("waits as long as the store's own time limit says", async () => {
    const hanging: RateStore = {
      timeLimitMs: 250,
      take: () => new Promise(() => {}),
      coolDown: () => {},
    };
    const gate = new RequestGate(hanging, { key: 'p:h:all', budget: undefined });
    const passedAt = passAll(gate, 1);
    await vi.advanceTimersByTimeAsync(250);
    expect(passedAt).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(passedAt).toEqual([251]);
  });

  it('takes an answer that comes when the time limit runs out, after a stalled event loop', async () => {
    const { store, answer } = deferredStore();
    const gate = new RequestGate(
      { ...store, timeLimitMs: 100 },
      { key: 'p:h:all', budget: undefined },
    );
    const passage = gate.pass(undefined, 0);
    // The store's answer is read in the same turn as the gate's timer fires.
    setTimeout(() => answer({ waitMs: 40, cooldownMs: 40 }), 100);
    await vi.advanceTimersByTimeAsync(100);
    await vi.advanceTimersByTimeAsync(0);
    await expect(passage).resolves.toEqual({ kind: 'cooldown', cooldownMs: 40 });
  });

  it('waits out a cooldown exactly as long as the request may wait', async () => {
    const gate = gateWith(undefined);
    gate.coolDown(5000);
    const passage = gate.pass(undefined, 5000);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(passage).resolves.toEqual({ kind: 'passed' });
  });

  it('asks once at a time: a waiter that comes while the store answers gets that answer', async () => {
    const { store, asks, answer } = deferredStore();
    const gate = new RequestGate(store, { key: 'p:h:all', budget: undefined });
    const controller = new AbortController();
    const first = passAll(gate, 1, controller.signal);
    controller.abort();
    const second = passAll(gate, 1);
    expect(asks()).toBe(1);
    answer({ waitMs: 0, cooldownMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect([first, second, asks()]).toEqual([[false], [0], 1]);
    // The next request, alone, asks again.
    const third = passAll(gate, 1);
    expect(asks()).toBe(2);
    answer({ waitMs: 0, cooldownMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(third).toEqual([0]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('drops an answer nobody waits for any more, and goes on', async () => {
    const { store, answer } = deferredStore();
    const gate = new RequestGate(store, { key: 'p:h:all', budget: undefined });
    const controller = new AbortController();
    passAll(gate, 1, controller.signal);
    controller.abort();
    answer({ waitMs: 0, cooldownMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    const next = passAll(gate, 1);
    answer({ waitMs: 0, cooldownMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(next).toEqual([0]);
  });

  it('asks nothing more when a waiter behind the first leaves', async () => {
    let asks = 0;
    const memory = createMemoryRateStore();
    const counting: RateStore = {
      take: (bucket) => {
        asks += 1;
        return memory.take(bucket);
      },
      coolDown: (bucket, ms) => memory.coolDown(bucket, ms),
    };
    const gate = new RequestGate(counting, { key: 'p:h:all', budget: { requestsPerSecond: 10 } });
    passAll(gate, 2);
    const controller = new AbortController();
    passAll(gate, 1, controller.signal);
    expect(asks).toBe(2);
    controller.abort();
    expect(asks).toBe(2);
  });
});

describe('RequestGate: a store that reserves', () => {
  it('lets the first waiter leave at its reserved slot without asking again, then asks for the next', async () => {
    const { store, asks, answer } = deferredStore();
    const gate = new RequestGate(store, { key: 'p:h:all', budget: { requestsPerSecond: 10 } });
    const passedAt = passAll(gate, 2);
    answer({ waitMs: 30, cooldownMs: 0, reserved: true });
    await vi.advanceTimersByTimeAsync(29);
    expect([passedAt, asks()]).toEqual([[], 1]);
    await vi.advanceTimersByTimeAsync(1);
    expect([passedAt, asks()]).toEqual([[30], 2]);
    answer({ waitMs: 0, cooldownMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(passedAt).toEqual([30, 30]);
  });

  it('gives up a reserved slot when its waiter stops: the next waiter asks for its own', async () => {
    const { store, asks, answer } = deferredStore();
    const gate = new RequestGate(store, { key: 'p:h:all', budget: { requestsPerSecond: 10 } });
    const controller = new AbortController();
    const first = passAll(gate, 1, controller.signal);
    const second = passAll(gate, 1);
    answer({ waitMs: 30, cooldownMs: 0, reserved: true });
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(asks()).toBe(2);
    await vi.advanceTimersByTimeAsync(20);
    expect([first, second]).toEqual([[false], []]);
    answer({ waitMs: 5, cooldownMs: 0, reserved: true });
    await vi.advanceTimersByTimeAsync(5);
    expect(second).toEqual([35]);
  });

  it('asks again after a reserved wait when a cooldown came meanwhile', async () => {
    const { store, asks, answer } = deferredStore();
    const gate = new RequestGate(store, { key: 'p:h:all', budget: { requestsPerSecond: 10 } });
    const passedAt = passAll(gate, 1);
    answer({ waitMs: 30, cooldownMs: 0, reserved: true });
    await vi.advanceTimersByTimeAsync(10);
    gate.coolDown(1000);
    await vi.advanceTimersByTimeAsync(20);
    expect([passedAt, asks()]).toEqual([[], 2]);
  });

  it('asks again when the event loop wakes the waiter more than a fifth of an interval after its slot: the slot is lost', async () => {
    const { store, asks, answer } = deferredStore();
    // 10/s: one interval is 100 ms.
    const gate = new RequestGate(store, { key: 'p:h:all', budget: { requestsPerSecond: 10 } });
    const passedAt = passAll(gate, 1);
    answer({ waitMs: 30, cooldownMs: 0, reserved: true });
    await vi.advanceTimersByTimeAsync(0);
    // A stall: the timer of the slot at 30 ms runs 21 ms late, past a fifth of 100 ms.
    vi.setSystemTime(Date.now() + 21);
    await vi.advanceTimersByTimeAsync(30);
    expect([passedAt, asks()]).toEqual([[], 2]);
    answer({ waitMs: 0, cooldownMs: 0, reserved: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(passedAt).toEqual([51]);
  });

  it('lets a waiter woken at most a fifth of an interval late use its slot', async () => {
    const { store, asks, answer } = deferredStore();
    const gate = new RequestGate(store, { key: 'p:h:all', budget: { requestsPerSecond: 10 } });
    const passedAt = passAll(gate, 1);
    answer({ waitMs: 30, cooldownMs: 0, reserved: true });
    await vi.advanceTimersByTimeAsync(0);
    vi.setSystemTime(Date.now() + 20);
    await vi.advanceTimersByTimeAsync(30);
    expect([passedAt, asks()]).toEqual([[50], 1]);
  });

  it('knows the interval of a bucket that came later', async () => {
    const { store, asks, answer } = deferredStore();
    const later = Promise.resolve({ key: 'p:h:all', budget: { requestsPerSecond: 10 } });
    const gate = new RequestGate(store, later);
    const passedAt = passAll(gate, 1);
    await vi.advanceTimersByTimeAsync(0);
    answer({ waitMs: 30, cooldownMs: 0, reserved: true });
    await vi.advanceTimersByTimeAsync(0);
    vi.setSystemTime(Date.now() + 21);
    await vi.advanceTimersByTimeAsync(30);
    expect([passedAt, asks()]).toEqual([[], 2]);
  });

  it('goes on when the only waiter stops during a wait that was not a reservation', async () => {
    const { store, asks, answer } = deferredStore();
    const gate = new RequestGate(store, { key: 'p:h:all', budget: { requestsPerSecond: 10 } });
    const controller = new AbortController();
    const stopped = passAll(gate, 1, controller.signal);
    answer({ waitMs: 30, cooldownMs: 0 });
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await vi.advanceTimersByTimeAsync(30);
    const next = passAll(gate, 1);
    answer({ waitMs: 0, cooldownMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect([stopped, next, asks()]).toEqual([[false], [0], 2]);
  });

  it('asks again after a wait that was not a reservation', async () => {
    const { store, asks, answer } = deferredStore();
    const gate = new RequestGate(store, { key: 'p:h:all', budget: { requestsPerSecond: 10 } });
    const passedAt = passAll(gate, 1);
    answer({ waitMs: 30, cooldownMs: 0 });
    await vi.advanceTimersByTimeAsync(30);
    expect([passedAt, asks()]).toEqual([[], 2]);
  });
});

/** A store whose answers the test gives, one per ask, in order. */
function deferredStore() {
  const pending: Array<(take: RateTake) => void> = [];
  let asked = 0;
  const store: RateStore = {
    take: () => {
      asked += 1;
      return new Promise<RateTake>((resolve) => pending.push(resolve));
    },
    coolDown: () => {},
  };
  return {
    store,
    asks: () => asked,
    answer: (take: RateTake) => pending.shift()?.(take),
  };
}
