import assert from 'node:assert/strict';
import { createCarddaClient } from '@issuer-errors/cardda';
import type { OutageReport } from '@issuer-errors/core';
import { startFakeIssuer } from '@issuer-errors/testing/server';
import { escalate } from './escalate.js';

const fake = await startFakeIssuer({ provider: 'cardda', apiKeys: ['key'], companyIds: ['co'] });
fake.route('GET', '/banking/bank_transactions', [{ json: [] }]);
const reports: OutageReport[] = [];
const cardda = createCarddaClient({
  baseUrl: fake.baseUrl,
  apiKey: 'key',
  companyId: 'co',
  // The default wait before the probe is 2–4 s; shorter here so the example runs quickly.
  health: { probeAfterMs: { min: 500, max: 800 } },
  onOutage: (report) => {
    reports.push(report);
    escalate(report, (text) => console.log(`  📣 ${text}`));
  },
});
const transactions = () => cardda.get('/banking/bank_transactions');

try {
  assert.ok((await transactions()).isOk());

  console.log('Cardda goes down: every request answered 503.');
  fake.outage({ error: 'service-unavailable-empty' });
  let sent = 0;
  while (reports.length === 0) {
    const error = (await transactions())._unsafeUnwrapErr();
    sent += error.attempts ?? 0;
    console.log(`  ${error.code} after ${error.attempts} attempts`);
  }
  assert.equal(sent, 10); // the breaker opens on the tenth failed attempt in a row
  assert.equal(reports[0]?.requestIds.length, 10);

  const before = fake.requests.length;
  const started = performance.now();
  const refused = (await transactions())._unsafeUnwrapErr();
  const tookMs = performance.now() - started;
  console.log(
    `  ${refused.code} (${refused.kind}, outcome ${refused.outcome}) in ${tookMs.toFixed(1)} ms, never sent; next probe in ${refused.retryAfterMs} ms`,
  );
  assert.equal(refused.code, 'breaker_open');
  assert.equal(fake.requests.length, before);

  console.log('Cardda is back.');
  fake.outage(undefined);
  await new Promise((resolve) => setTimeout(resolve, refused.retryAfterMs));
  assert.ok((await transactions()).isOk()); // the probe: one request, which closes the breaker
  assert.ok((await transactions()).isOk());
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(
    reports.map((report) => report.state),
    ['started', 'ended'],
  );
  console.log('issuer-down: 10 attempts, then calls failed fast, one report each way, one probe');
} finally {
  await fake.close();
}
