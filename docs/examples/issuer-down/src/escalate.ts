import type { OutageReport } from '@issuer-errors/core';

/**
 * What an app does with an outage report: one alert when the issuer goes down, one when it is
 * back, each with what the issuer's support needs. Called once per outage for the whole fleet.
 */
export function escalate(report: OutageReport, notify: (text: string) => void): void {
  const failures = report.failures
    .map(({ status, code, attempts }) => `${attempts} × ${status ?? 'no answer'} ${code}`)
    .join(', ');
  if (report.state === 'started') {
    notify(
      `${report.provider} (${report.rateClass}) is down since ${new Date(report.startedAt).toISOString()}: ` +
        `${failures}. ${report.advice} Request ids: ${report.requestIds.join(', ') || 'none sent'}.`,
    );
    return;
  }
  const minutes = ((report.endedAt ?? report.startedAt) - report.startedAt) / 60_000;
  notify(
    `${report.provider} (${report.rateClass}) is back after ${minutes.toFixed(1)} min: ` +
      `${report.failedAttempts} attempts and ${report.failedCalls} calls failed (${failures}).`,
  );
}
