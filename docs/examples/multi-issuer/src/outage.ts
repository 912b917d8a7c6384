import { createCarddaClient } from '@issuer-errors/cardda';
import type { OutageReport } from '@issuer-errors/core';
import type { FakeIssuer } from '@issuer-errors/testing/server';

/**
 * Cardda goes down and comes back: calls fail until the breaker opens, then fail fast without
 * reaching Cardda; the outage report prints with its request ids; one probe finds Cardda back.
 */
export async function showOutage(fake: FakeIssuer<'cardda'>): Promise<void> {
  const printed: OutageReport['state'][] = [];
  const cardda = createCarddaClient({
    baseUrl: fake.baseUrl,
    apiKey: 'demo-api-key',
    companyId: '550e8400-e29b-41d4-a716-446655440000',
    onOutage: (report) => {
      printed.push(report.state);
      const ids = report.requestIds.slice(0, 3).join(', ');
      console.log(
        `  📣 outage ${report.state}: ${report.failedAttempts} attempts failed (${report.failures
          .map((failure) => `${failure.status} ${failure.code}`)
          .join(', ')}); request ids ${ids}… (${report.requestIds.length}); ${report.advice}`,
      );
    },
  });
  fake.route('GET', '/banking/bank_transactions', [{ json: [] }]);
  const transactions = () => cardda.get('/banking/bank_transactions');
  console.log('\nCardda goes down (every request 503):');
  fake.outage({ error: 'service-unavailable-empty' });
  while (printed.length === 0) {
    const error = (await transactions())._unsafeUnwrapErr();
    console.log(`  ${error.code} after ${error.attempts} attempts`);
  }
  const started = performance.now();
  const refused = (await transactions())._unsafeUnwrapErr();
  console.log(
    `  ${refused.code} in ${(performance.now() - started).toFixed(1)} ms, never sent (outcome ${refused.outcome}); the next probe in ${(Number(refused.retryAfterMs) / 1000).toFixed(1)} s`,
  );
  fake.outage(undefined);
  console.log('Cardda is back:');
  await new Promise((resolve) => setTimeout(resolve, refused.retryAfterMs));
  const probe = await transactions();
  await new Promise((resolve) => setImmediate(resolve));
  console.log(
    `  the probe ${probe.isOk() ? 'succeeded' : 'failed'}; the breaker is closed for every call`,
  );
}
