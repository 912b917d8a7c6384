import { describe, expect, it } from 'vitest';
import { toHealthSettings } from './health-settings';
import type { AttemptRecord, HealthSettings } from './health-types';
import { createMemoryHealthStore } from './memory-health-store';

const settings = toHealthSettings(undefined, 10_000);
const bucket = (overrides: Partial<HealthSettings> = {}) => ({
  key: 'test:local:all',
  settings: { ...settings, ...overrides },
});

const success: AttemptRecord = {
  failed: false,
  first: true,
  probe: false,
  wantsRetry: false,
  budgeted: true,
};
const failure = (requestId?: string, more: Partial<AttemptRecord> = {}): AttemptRecord => ({
  failed: true,
  first: true,
  probe: false,
  wantsRetry: true,
  budgeted: true,
  status: 503,
  code: 'upstream_unavailable',
  requestId,
  ...more,
});

/** A store on a clock the test moves, with the probe's jitter at its middle (a 3 s wait). */
function storeOnClock() {
  const clock = { now: 1_000_000 };
  return {
    clock,
    store: createMemoryHealthStore(
      () => clock.now,
      () => 0.5,
    ),
  };
}

describe('createMemoryHealthStore: the breaker', () => {
  it('opens on the tenth failed attempt in a row, once, with the failures and their request ids', () => {
    const { store } = storeOnClock();
    const verdicts = Array.from({ length: 12 }, (_, index) =>
      store.record(bucket(), failure(index % 2 === 0 ? `req-${index}` : 'req-0')),
    );
    expect(verdicts.slice(0, 9).map((verdict) => verdict.openForMs)).toEqual(Array(9).fill(0));
    expect(verdicts.filter((verdict) => verdict.opened !== undefined)).toHaveLength(1);
    const opened = verdicts[9]?.opened;
    expect(verdicts[9]).toMatchObject({ retry: false, refusedBy: 'breaker', openForMs: 3000 });
    expect(opened).toEqual({
      startedAt: 1_000_000,
      failedAttempts: 10,
      // Every failure before the tenth was retried; the tenth's retry was refused, so its call ended.
      failedCalls: 1,
      failures: [{ status: 503, code: 'upstream_unavailable', attempts: 10, calls: 1 }],
      requestIds: ['req-0', 'req-2', 'req-4', 'req-6', 'req-8'],
    });
  });

  it('starts counting again after a success: nine failures, a success, nine failures leave it closed', () => {
    const { store } = storeOnClock();
    const verdicts = [
      ...Array.from({ length: 9 }, () => store.record(bucket(), failure())),
      store.record(bucket(), success),
      ...Array.from({ length: 9 }, () => store.record(bucket(), failure())),
    ];
    expect(verdicts.every((verdict) => verdict.openForMs === 0 && !verdict.opened)).toBe(true);
  });

  it('opens when half of at least 20 attempts failed, even with no long run of failures', () => {
    const { store } = storeOnClock();
    const opensAt = Array.from({ length: 30 }, (_, index) =>
      store.record(bucket(), index % 2 === 0 ? success : failure()),
    ).findIndex((verdict) => verdict.opened !== undefined);
    // Attempt 20 (index 19) is the first with 20 attempts counted, and exactly half of them failed.
    expect(opensAt).toBe(19);
  });

  it('opens on the first failure with 20 attempts counted and half failed, never on a success', () => {
    const { store } = storeOnClock();
    const opensAt = Array.from({ length: 30 }, (_, index) =>
      store.record(bucket(), index % 2 === 0 ? failure() : success),
    ).findIndex((verdict) => verdict.opened !== undefined);
    // Attempt 20 is a success: the breaker waits for the failure after it (11 of 21).
    expect(opensAt).toBe(20);
  });

  it('weighs the last ten seconds most: failures two minutes old do not count', () => {
    const { clock, store } = storeOnClock();
    for (let index = 0; index < 10; index += 1) {
      store.record(bucket(), index % 2 === 0 ? success : failure(undefined, { wantsRetry: false }));
    }
    clock.now += 120_000;
    const verdicts = Array.from({ length: 21 }, (_, index) =>
      store.record(bucket(), index % 3 === 2 ? failure(undefined, { wantsRetry: false }) : success),
    );
    // A third of the fresh attempts failed: under half, so it stays closed.
    expect(verdicts.some((verdict) => verdict.openForMs > 0)).toBe(false);
  });

  it('weighs the last ten seconds most: successes two minutes old do not keep it closed', () => {
    const { clock, store } = storeOnClock();
    for (let index = 0; index < 10; index += 1) store.record(bucket(), success);
    clock.now += 120_000;
    const opensAt = Array.from({ length: 30 }, (_, index) =>
      store.record(bucket(), index % 3 === 2 ? success : failure(undefined, { wantsRetry: false })),
    ).findIndex((verdict) => verdict.opened !== undefined);
    // The 20th fresh attempt is the first with 20 counted: 14 of them failed.
    expect(opensAt).toBe(19);
  });

  it('reports the failures since the last success only', () => {
    const { store } = storeOnClock();
    for (let index = 0; index < 3; index += 1) store.record(bucket(), failure('old'));
    store.record(bucket(), success);
    let opened: unknown;
    for (let index = 0; index < 10; index += 1) {
      opened ??= store.record(bucket(), failure(`new-${index}`)).opened;
    }
    expect(opened).toMatchObject({
      failedAttempts: 10,
      requestIds: Array.from({ length: 10 }, (_, index) => `new-${index}`),
    });
  });

  it('stays closed when two attempts in five fail', () => {
    const { store } = storeOnClock();
    const verdicts = Array.from({ length: 200 }, (_, index) =>
      store.record(bucket(), index % 5 < 2 ? failure(undefined, { wantsRetry: false }) : success),
    );
    expect(verdicts.some((verdict) => verdict.openForMs > 0)).toBe(false);
  });

  it('lets one probe go after the wait, holds the others, and closes for everyone on its success', () => {
    const { clock, store } = storeOnClock();
    for (let index = 0; index < 10; index += 1) store.record(bucket(), failure(`req-${index}`));
    expect(store.admit(bucket(), 0)).toEqual({ kind: 'open', waitMs: 3000 });
    clock.now += 3000;
    expect(store.admit(bucket(), 0)).toEqual({ kind: 'probe' });
    expect(store.admit(bucket(), 0)).toEqual({ kind: 'open', waitMs: 500 });
    clock.now += 120;
    const verdict = store.record(bucket(), { ...success, probe: true });
    expect(verdict.openForMs).toBe(0);
    expect(verdict.closed).toMatchObject({
      startedAt: 1_000_000,
      endedAt: 1_003_120,
      failedAttempts: 10,
      requestIds: Array.from({ length: 10 }, (_, index) => `req-${index}`),
    });
    expect(store.admit(bucket(), 0)).toEqual({ kind: 'closed' });
  });

  it('waits again after a failed probe, and counts its failure in the outage', () => {
    const { clock, store } = storeOnClock();
    for (let index = 0; index < 10; index += 1) store.record(bucket(), failure());
    clock.now += 3000;
    store.admit(bucket(), 0);
    const verdict = store.record(bucket(), failure('probe-1', { probe: true }));
    expect(verdict).toMatchObject({ retry: false, refusedBy: 'breaker', openForMs: 3000 });
    expect(verdict.opened).toBeUndefined();
    clock.now += 3000;
    // The failed probe gave its lease back: the next one may go at once.
    expect(store.admit(bucket(), 0)).toEqual({ kind: 'probe' });
    const closed = store.record(bucket(), { ...success, probe: true }).closed;
    expect(closed?.failedAttempts).toBe(11);
    expect(closed?.requestIds).toEqual(['probe-1']);
  });

  it('lets another probe go when the first was lost, once its lease (one attempt time limit) ran out', () => {
    const { clock, store } = storeOnClock();
    for (let index = 0; index < 10; index += 1) store.record(bucket(), failure());
    clock.now += 3000;
    expect(store.admit(bucket(), 0)).toEqual({ kind: 'probe' });
    clock.now += 9_999;
    expect(store.admit(bucket(), 0)).toEqual({ kind: 'open', waitMs: 1 });
    clock.now += 1;
    expect(store.admit(bucket(), 0)).toEqual({ kind: 'probe' });
  });

  it('keeps the breaker a process knows open when the store lost it', () => {
    const { clock, store } = storeOnClock();
    expect(store.admit(bucket(), 1200)).toEqual({ kind: 'open', waitMs: 1200 });
    clock.now += 1200;
    expect(store.admit(bucket(), 0)).toEqual({ kind: 'probe' });
  });

  it('believes a breaker closed by another process’s probe over a process that still thinks it open', () => {
    const { clock, store } = storeOnClock();
    for (let index = 0; index < 10; index += 1) store.record(bucket(), failure());
    clock.now += 3000;
    store.admit(bucket(), 0);
    store.record(bucket(), { ...success, probe: true });
    // Another process's mirror still says open: its wait is over, and it asks.
    expect(store.admit(bucket(), 1)).toEqual({ kind: 'closed' });
  });

  it('neither opens nor counts an outage on answers, and keeps a probe’s lease through a non-probe record', () => {
    const { clock, store } = storeOnClock();
    for (let index = 0; index < 30; index += 1) {
      expect(store.record(bucket(), { ...success, first: index % 3 === 0 })).toEqual({
        retry: false,
        openForMs: 0,
      });
    }
    for (let index = 0; index < 10; index += 1) store.record(bucket(), failure());
    clock.now += 3000;
    expect(store.admit(bucket(), 0)).toEqual({ kind: 'probe' });
    // A call that was in flight answers: the probe still holds its lease.
    store.record(bucket(), success);
    expect(store.admit(bucket(), 0)).toEqual({ kind: 'open', waitMs: 500 });
    // A probe's failure while the breaker is closed changes nothing but the counts.
    const closedStore = storeOnClock().store;
    expect(closedStore.record(bucket(), failure('x', { probe: true }))).toEqual({
      retry: true,
      openForMs: 0,
    });
  });

  it('is not closed by a call that was in flight when it opened', () => {
    const { store } = storeOnClock();
    for (let index = 0; index < 10; index += 1) store.record(bucket(), failure());
    const verdict = store.record(bucket(), success);
    expect(verdict.openForMs).toBe(3000);
    expect(verdict.closed).toBeUndefined();
  });

  it('reports nothing for one 500 followed by a success', () => {
    const { store } = storeOnClock();
    const verdicts = [
      store.record(bucket(), failure('req-1', { status: 500, code: 'internal_error' })),
      store.record(bucket(), { ...success, first: false }),
    ];
    expect(verdicts).toEqual([
      { retry: true, openForMs: 0 },
      { retry: false, openForMs: 0 },
    ]);
  });

  it('keeps at most 10 distinct request ids, oldest first', () => {
    const { store } = storeOnClock();
    let opened: unknown;
    for (let index = 0; index < 15; index += 1) {
      opened ??= store.record(bucket({ consecutiveFailures: 15 }), failure(`req-${index}`)).opened;
    }
    expect((opened as { requestIds: string[] }).requestIds).toEqual(
      Array.from({ length: 10 }, (_, index) => `req-${index}`),
    );
  });
});

describe('createMemoryHealthStore: the retry budget', () => {
  const wide = { consecutiveFailures: 1000, minimumAttempts: 1000 };

  it('allows retries of at most a fifth of first attempts, plus 10', () => {
    const { store } = storeOnClock();
    for (let index = 0; index < 100; index += 1) store.record(bucket(wide), success);
    const verdicts = Array.from({ length: 40 }, () =>
      store.record(bucket(wide), failure(undefined, { first: false })),
    );
    expect(verdicts.filter((verdict) => verdict.retry)).toHaveLength(30);
    expect(verdicts[30]).toMatchObject({ retry: false, refusedBy: 'retry_budget' });
  });

  it('forgets first attempts a minute old: the budget is back to its 10', () => {
    const { clock, store } = storeOnClock();
    for (let index = 0; index < 100; index += 1) store.record(bucket(wide), success);
    clock.now += 60_000;
    const verdicts = Array.from({ length: 20 }, () =>
      store.record(bucket(wide), failure(undefined, { first: false })),
    );
    expect(verdicts.filter((verdict) => verdict.retry)).toHaveLength(10);
  });

  it('gives a quiet app its 10 retries, and more as the window passes', () => {
    const { clock, store } = storeOnClock();
    const retried = () =>
      Array.from({ length: 12 }, () =>
        store.record(bucket(wide), failure(undefined, { first: false })),
      ).filter((verdict) => verdict.retry).length;
    expect(retried()).toBe(10);
    clock.now += 30_000;
    // 30 s is three time constants: 95% of the retries counted have decayed away.
    expect(retried()).toBe(9);
  });

  it('never spends the budget on a 429, which keeps its own rules', () => {
    const { store } = storeOnClock();
    const limited = failure(undefined, {
      failed: false,
      first: false,
      budgeted: false,
      status: 429,
    });
    const verdicts = Array.from({ length: 50 }, () => store.record(bucket(wide), limited));
    expect(verdicts.every((verdict) => verdict.retry)).toBe(true);
    expect(store.record(bucket(wide), failure(undefined, { first: false })).retry).toBe(true);
  });

  it('keeps each class apart', () => {
    const { store } = storeOnClock();
    for (let index = 0; index < 10; index += 1) store.record(bucket(), failure());
    expect(store.admit({ ...bucket(), key: 'test:local:read' }, 0)).toEqual({ kind: 'closed' });
    expect(store.admit(bucket(), 0).kind).toBe('open');
  });
});
