import { describe, expect, it } from 'vitest';
import { healthProblem, toHealthSettings } from './health-settings';

describe('health settings', () => {
  it('fills in the defaults, and bounds a probe’s lease by one attempt’s time limit, at most 60 s', () => {
    expect(toHealthSettings(undefined, 10_000)).toEqual({
      retryRatio: 0.2,
      minRetries: 10,
      consecutiveFailures: 10,
      failureRatio: 0.5,
      minimumAttempts: 20,
      probeAfterMs: { min: 2_000, max: 4_000 },
      probeLeaseMs: 10_000,
    });
    expect(toHealthSettings({ retryRatio: 0.1 }, undefined)).toMatchObject({
      retryRatio: 0.1,
      minRetries: 10,
      probeLeaseMs: 60_000,
    });
    expect(toHealthSettings(undefined, 600_000).probeLeaseMs).toBe(60_000);
  });

  it.each([
    [undefined],
    [false],
    [{}],
    [{ retryRatio: 0, failureRatio: 1, minRetries: 0, consecutiveFailures: 1, minimumAttempts: 1 }],
    [{ probeAfterMs: { min: 0, max: 0 } }],
    [{ probeAfterMs: { min: 100, max: 300_000 } }],
  ])('accepts %j', (options) => {
    expect(healthProblem(options)).toBeUndefined();
  });

  it.each([
    [
      true,
      'health must be an object of settings, or false to turn the retry budget and breaker off',
    ],
    [
      null,
      'health must be an object of settings, or false to turn the retry budget and breaker off',
    ],
    [
      'on',
      'health must be an object of settings, or false to turn the retry budget and breaker off',
    ],
    [{ retryRatio: 1.5 }, 'health.retryRatio must be a number from 0 to 1'],
    [{ retryRatio: -0.1 }, 'health.retryRatio must be a number from 0 to 1'],
    [{ retryRatio: '0.2' }, 'health.retryRatio must be a number from 0 to 1'],
    [{ failureRatio: 2 }, 'health.failureRatio must be a number from 0 to 1'],
    [{ minRetries: -1 }, 'health.minRetries must be a whole number of at least 0'],
    [{ minRetries: 1.5 }, 'health.minRetries must be a whole number of at least 0'],
    [{ consecutiveFailures: 0 }, 'health.consecutiveFailures must be a whole number of at least 1'],
    [
      { consecutiveFailures: 2.5 },
      'health.consecutiveFailures must be a whole number of at least 1',
    ],
    [{ minimumAttempts: 0 }, 'health.minimumAttempts must be a whole number of at least 1'],
    [
      { probeAfterMs: 3000 },
      'health.probeAfterMs must be { min, max } in ms, 0 ≤ min ≤ max ≤ 300000',
    ],
    [
      { probeAfterMs: null },
      'health.probeAfterMs must be { min, max } in ms, 0 ≤ min ≤ max ≤ 300000',
    ],
    [
      { probeAfterMs: { min: 3000 } },
      'health.probeAfterMs must be { min, max } in ms, 0 ≤ min ≤ max ≤ 300000',
    ],
    [
      { probeAfterMs: { max: 3000 } },
      'health.probeAfterMs must be { min, max } in ms, 0 ≤ min ≤ max ≤ 300000',
    ],
    [
      { probeAfterMs: { min: -1, max: 10 } },
      'health.probeAfterMs must be { min, max } in ms, 0 ≤ min ≤ max ≤ 300000',
    ],
    [
      { probeAfterMs: { min: 4000, max: 2000 } },
      'health.probeAfterMs must be { min, max } in ms, 0 ≤ min ≤ max ≤ 300000',
    ],
    [
      { probeAfterMs: { min: 0, max: 300_001 } },
      'health.probeAfterMs must be { min, max } in ms, 0 ≤ min ≤ max ≤ 300000',
    ],
  ])('names what is wrong with %j', (options, problem) => {
    expect(healthProblem(options)).toBe(problem);
  });

  it('names the first problem when several settings are wrong', () => {
    expect(healthProblem({ failureRatio: 3, minimumAttempts: 0, retryRatio: 9 })).toBe(
      'health.retryRatio must be a number from 0 to 1',
    );
  });
});
