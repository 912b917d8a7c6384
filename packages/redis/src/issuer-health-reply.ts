import type {
  Admission,
  AttemptRecord,
  HealthBucket,
  HealthVerdict,
  OutageFailures,
  OutageSnapshot,
} from '@issuer-errors/core';

/** The record script's arguments for one attempt, in its order. */
export function recordArguments(
  { settings }: HealthBucket,
  attempt: AttemptRecord,
  jitter: number,
): string[] {
  const flag = (value: boolean) => (value ? '1' : '0');
  return [
    flag(attempt.failed),
    flag(attempt.first),
    flag(attempt.probe),
    flag(attempt.wantsRetry),
    flag(attempt.budgeted),
    attempt.status === undefined ? '' : String(attempt.status),
    attempt.code ?? 'unknown',
    attempt.requestId ?? '',
    String(settings.retryRatio),
    String(settings.minRetries),
    String(settings.consecutiveFailures),
    String(settings.failureRatio),
    String(settings.minimumAttempts),
    String(settings.probeAfterMs.min),
    String(settings.probeAfterMs.max),
    String(jitter),
  ];
}

/** The record script's reply; anything else is a failure of the store. */
export function readVerdict(reply: unknown): HealthVerdict {
  const [retry, refusedBy, openForMs, transition, now, ...failures] = Array.isArray(reply)
    ? reply
    : [];
  const open = Number(openForMs);
  if (
    (retry !== 0 && retry !== 1) ||
    !['', 'retry_budget', 'breaker'].includes(refusedBy) ||
    !(open >= 0 && Number.isFinite(open)) ||
    !['', 'opened', 'closed'].includes(transition)
  ) {
    throw new Error('Redis answered the health script with something else than its verdict');
  }
  const verdict: HealthVerdict = {
    retry: retry === 1,
    openForMs: open,
    ...(refusedBy === '' ? {} : { refusedBy }),
  };
  if (transition === '') return verdict;
  const snapshot = readSnapshot(failures, Number(now));
  return transition === 'opened'
    ? { ...verdict, opened: snapshot }
    : { ...verdict, closed: { ...snapshot, endedAt: Math.floor(Number(now)) } };
}

/** The admit script's reply. */
export function readAdmission(reply: unknown): Admission {
  const [kind, waitMs] = Array.isArray(reply) ? reply : [];
  if (kind === 'closed' || kind === 'probe') return { kind };
  const wait = Number(waitMs);
  if (kind === 'open' && wait >= 0 && Number.isFinite(wait)) return { kind, waitMs: wait };
  throw new Error('Redis answered the admit script with something else than its admission');
}

/** The failures hash, as HGETALL lists it, read into an outage's snapshot. */
function readSnapshot(fields: unknown[], now: number): OutageSnapshot {
  const rows = new Map<string, { -readonly [K in keyof OutageFailures]: OutageFailures[K] }>();
  const ids: Array<[string, number]> = [];
  let startedAt = now;
  let failedAttempts = 0;
  let failedCalls = 0;
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const field = String(fields[index]);
    const value = Number(fields[index + 1]);
    if (field === 'started') startedAt = value;
    else if (field === 'attempts') failedAttempts = value;
    else if (field === 'calls') failedCalls = value;
    else if (field.startsWith('r|')) ids.push([field.slice(2), value]);
    else if (field.startsWith('a|') || field.startsWith('c|')) {
      const name = field.slice(2);
      const separator = name.indexOf('|');
      const status = name.slice(0, separator);
      const row = rows.get(name) ?? {
        status: status === '' ? null : Number(status),
        code: name.slice(separator + 1),
        attempts: 0,
        calls: 0,
      };
      if (field.startsWith('a|')) row.attempts = value;
      else row.calls = value;
      rows.set(name, row);
    }
  }
  return {
    startedAt: Math.floor(startedAt),
    failedAttempts,
    failedCalls,
    failures: [...rows.values()],
    requestIds: ids.sort((first, second) => first[1] - second[1]).map(([id]) => id),
  };
}
