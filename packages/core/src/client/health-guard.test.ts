import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testAdapter } from '../adapter/__fixtures__/test-adapter';
import { ERROR_CODES, type ErrorCode } from '../error/error-codes';
import { IssuerError } from '../error/issuer-error';
import { toHealthSettings } from '../health/health-settings';
import type { AttemptRecord, HealthStore, HealthVerdict } from '../health/health-types';
import { HealthGuard } from './health-guard';
import type { OutageReport } from './outage-report';

const bucket = { key: 'test:k:all', settings: toHealthSettings(undefined, 10_000) };
const failure: AttemptRecord = {
  failed: true,
  first: true,
  probe: false,
  wantsRetry: true,
  budgeted: true,
  status: 503,
  code: 'upstream_unavailable',
};
const verdict = (openForMs: number, more: Partial<HealthVerdict> = {}): HealthVerdict => ({
  retry: false,
  openForMs,
  ...more,
});

/** A guard over a store whose answers the test gives, counting what it was asked. */
function guardOver(
  store: Partial<HealthStore>,
  more: {
    timeLimitMs?: number;
    onOutage?: (report: OutageReport) => void;
    onBreakerChange?: (open: boolean) => void;
  } = {},
) {
  const asked = { record: 0, admit: [] as number[] };
  const health: HealthStore = {
    record: (...args) => {
      asked.record += 1;
      return store.record?.(...args);
    },
    admit: (_bucket, knownOpenForMs) => {
      asked.admit.push(knownOpenForMs);
      return store.admit?.(_bucket, knownOpenForMs);
    },
  };
  const guard = new HealthGuard(
    {
      adapter: testAdapter,
      rateClass: 'all',
      store: health,
      timeLimitMs: more.timeLimitMs,
      onOutage: more.onOutage,
      onBreakerChange: more.onBreakerChange,
      random: () => 0.5,
    },
    bucket,
  );
  return { guard, asked };
}

beforeEach(() => {
  vi.useFakeTimers({
    now: 1_000_000,
    toFake: ['Date', 'setTimeout', 'clearTimeout', 'setImmediate'],
  });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('HealthGuard', () => {
  it('counts the issuer’s failures as failures, its other answers as answers, and the caller’s or setup’s as nothing', () => {
    const kindOf = (code: ErrorCode) =>
      HealthGuard.countsAs(new IssuerError({ provider: 'test', code, message: 'x' }));
    const byKind = Object.fromEntries(
      (Object.keys(ERROR_CODES) as ErrorCode[]).map((code) => [ERROR_CODES[code], kindOf(code)]),
    );
    expect(byKind).toEqual({
      validation: 'answer',
      authentication: 'answer',
      permission: 'answer',
      not_found: 'answer',
      conflict: 'answer',
      business_rule: 'answer',
      rate_limited: 'answer',
      unavailable: 'failure',
      internal: 'failure',
      configuration: undefined,
      network: 'failure',
      timeout: 'failure',
      cancelled: undefined,
      invalid_response: 'answer',
      unknown: 'answer',
    });
  });

  it('asks the store nothing before a call while closed, and nothing while open until its wait is over', async () => {
    const { guard, asked } = guardOver({
      record: () => verdict(3000),
      admit: () => ({ kind: 'probe' }),
    });
    expect(await guard.admit()).toEqual({ kind: 'closed' });
    await guard.record(failure);
    vi.setSystemTime(Date.now() + 1000);
    expect(await guard.admit()).toEqual({ kind: 'open', waitMs: 2000 });
    vi.setSystemTime(Date.now() + 1999);
    expect(await guard.admit()).toEqual({ kind: 'open', waitMs: 1 });
    expect(asked.admit).toEqual([]);
    vi.setSystemTime(Date.now() + 1);
    // Its wait is over: it asks, saying it still believes the breaker open.
    expect(await guard.admit()).toEqual({ kind: 'probe' });
    expect(asked.admit).toEqual([1]);
    // Its other calls wait for the probe, asking again within half a second.
    expect(await guard.admit()).toEqual({ kind: 'open', waitMs: 500 });
  });

  it('follows the store: an open answer sets the next ask, a closed one closes, a closing verdict too', async () => {
    const admissions = [{ kind: 'open', waitMs: 420 }, { kind: 'closed' }];
    const verdicts = [verdict(10), verdict(0)];
    const { guard, asked } = guardOver({
      record: () => verdicts.shift(),
      admit: () => admissions.shift() as never,
    });
    await guard.record(failure);
    vi.setSystemTime(Date.now() + 10);
    expect(await guard.admit()).toEqual({ kind: 'open', waitMs: 420 });
    vi.setSystemTime(Date.now() + 400);
    expect(await guard.admit()).toEqual({ kind: 'open', waitMs: 20 });
    vi.setSystemTime(Date.now() + 20);
    expect(await guard.admit()).toEqual({ kind: 'closed' });
    expect(await guard.admit()).toEqual({ kind: 'closed' });
    await guard.record(failure);
    expect(await guard.admit()).toEqual({ kind: 'closed' });
    // Asked twice in all: once the wait of each open answer was over, never once closed.
    expect(asked.admit).toHaveLength(2);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['an unknown kind', { kind: 'half-open' }],
    ['a negative wait', { kind: 'open', waitMs: -1 }],
    ['an endless wait', { kind: 'open', waitMs: Number.POSITIVE_INFINITY }],
    ['a wait in words', { kind: 'open', waitMs: '5' }],
    ['no wait', { kind: 'open' }],
  ])('decides in the process when the store admits with %s', async (_name, answer) => {
    const { guard } = guardOver({ record: () => verdict(50), admit: () => answer as never });
    await guard.record(failure);
    vi.setSystemTime(Date.now() + 50);
    // The process's own store has no state: it keeps the breaker the process believes open (1 ms).
    expect(await guard.admit()).toEqual({ kind: 'open', waitMs: 1 });
  });

  it('takes an open answer with no wait left', async () => {
    const { guard } = guardOver({
      record: () => verdict(50),
      admit: () => ({ kind: 'open', waitMs: 0 }),
    });
    await guard.record(failure);
    vi.setSystemTime(Date.now() + 50);
    expect(await guard.admit()).toEqual({ kind: 'open', waitMs: 0 });
  });

  it.each([
    ['nothing', undefined],
    ['a retry in words', { retry: 'yes', openForMs: 0 }],
    ['no retry', { openForMs: 0 }],
    ['a negative wait', { retry: true, openForMs: -1 }],
    ['a wait that is no number', { retry: true, openForMs: Number.NaN }],
    ['no wait', { retry: true }],
  ])('decides in the process when the store records with %s', async (_name, answer) => {
    const { guard } = guardOver({ record: () => answer as never });
    // The process's own store allows the retry: its budget has 10 to start with.
    expect(await guard.record(failure)).toEqual({ retry: true, openForMs: 0 });
  });

  it('takes the store’s answer, sync or not', async () => {
    const sync = guardOver({ record: () => verdict(0, { retry: false }) });
    expect(await sync.guard.record(failure)).toEqual({ retry: false, openForMs: 0 });
    const later = guardOver({ record: async () => verdict(0, { retry: false }) });
    expect(await later.guard.record(failure)).toEqual({ retry: false, openForMs: 0 });
  });

  it('waits for a store a second unless the store says, then decides in the process', async () => {
    const { guard } = guardOver({ record: () => new Promise<never>(() => {}) });
    let settled: HealthVerdict | undefined;
    void guard.record(failure).then((answer) => {
      settled = answer;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(2);
    expect(settled).toEqual({ retry: true, openForMs: 0 });

    const quick = guardOver({ record: () => new Promise<never>(() => {}) }, { timeLimitMs: 50 });
    let quickly: HealthVerdict | undefined;
    void quick.guard.record(failure).then((answer) => {
      quickly = answer;
    });
    await vi.advanceTimersByTimeAsync(52);
    expect(quickly).toEqual({ retry: true, openForMs: 0 });
  });

  it('decides in the process when the store throws', async () => {
    const { guard } = guardOver({
      record: () => {
        throw new Error('down');
      },
    });
    expect(await guard.record(failure)).toEqual({ retry: true, openForMs: 0 });
  });

  it('tells onOutage what the store says opened and closed, and survives a callback that throws', async () => {
    const snapshot = {
      startedAt: 1,
      failedAttempts: 2,
      failedCalls: 1,
      failures: [],
      requestIds: ['r'],
    };
    const reports: OutageReport[] = [];
    const { guard } = guardOver(
      {
        record: () =>
          reports.length === 0
            ? verdict(100, { opened: snapshot })
            : verdict(0, { closed: { ...snapshot, endedAt: 9 } }),
      },
      { onOutage: (report) => reports.push(report) },
    );
    await guard.record(failure);
    await guard.record({ ...failure, failed: false, probe: true });
    expect(reports).toEqual([
      {
        state: 'started',
        provider: 'test',
        rateClass: 'all',
        advice: "Contact Test's support with the request ids.",
        ...snapshot,
      },
      {
        state: 'ended',
        provider: 'test',
        rateClass: 'all',
        advice: "Contact Test's support with the request ids.",
        ...snapshot,
        endedAt: 9,
      },
    ]);
    const throwing = guardOver(
      { record: () => verdict(100, { opened: snapshot }) },
      {
        onOutage: () => {
          throw new Error('logger down');
        },
      },
    );
    expect(await throwing.guard.record(failure)).toEqual(verdict(100, { opened: snapshot }));
  });

  it('works without a store or a callback: the process decides and tells nobody', async () => {
    const guard = new HealthGuard(
      {
        adapter: testAdapter,
        rateClass: 'all',
        store: undefined,
        timeLimitMs: undefined,
        onOutage: undefined,
        random: () => 0.5,
      },
      { ...bucket, settings: { ...bucket.settings, consecutiveFailures: 1 } },
    );
    expect(await guard.record(failure)).toMatchObject({
      retry: false,
      refusedBy: 'breaker',
      openForMs: 3000,
    });
    expect(await guard.admit()).toEqual({ kind: 'open', waitMs: 3000 });
  });
});

describe('HealthGuard: who hears the breaker change', () => {
  it('tells of each change once, as the mirror sees it: open, still open, probe, closed', async () => {
    const changes: boolean[] = [];
    const verdicts = [verdict(0), verdict(3000), verdict(2000)];
    const admissions = [{ kind: 'probe' as const }, { kind: 'closed' as const }];
    const { guard } = guardOver(
      { record: () => verdicts.shift() ?? verdict(0), admit: () => admissions.shift() },
      { onBreakerChange: (open) => changes.push(open) },
    );
    await guard.record(failure);
    expect(changes).toEqual([]);
    await guard.record(failure);
    await guard.record(failure);
    expect(changes).toEqual([true]);
    vi.setSystemTime(Date.now() + 2000);
    expect(await guard.admit()).toEqual({ kind: 'probe' });
    expect(changes).toEqual([true]);
    vi.setSystemTime(Date.now() + 1000);
    expect(await guard.admit()).toEqual({ kind: 'closed' });
    expect(changes).toEqual([true, false]);
  });
});
