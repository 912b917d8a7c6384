import assert from 'node:assert/strict';
import { createCarddaClient } from '@issuer-errors/cardda';
import { startFakeIssuer } from '@issuer-errors/testing/server';
import { startRecordingTelemetry } from '@issuer-errors/testing/telemetry';
import { printMetrics, printSpans } from './print.js';

const fake = await startFakeIssuer({ provider: 'cardda', apiKeys: ['key'], companyIds: ['co'] });
const print = (line: string) => console.log(line);

/** One scenario with its own SDK, so its spans and metrics print alone. */
async function scenario(
  title: string,
  run: (telemetry: ReturnType<typeof startRecordingTelemetry>) => Promise<void>,
) {
  const recording = startRecordingTelemetry();
  try {
    await run(recording);
    console.log(`\n${title}\n spans:`);
    printSpans(recording.spans(), print);
    console.log(' metrics:');
    printMetrics(await recording.metrics(), print);
  } finally {
    await recording.shutdown();
  }
}

const clientWith = (recording: ReturnType<typeof startRecordingTelemetry>, more = {}) =>
  createCarddaClient({
    baseUrl: fake.baseUrl,
    apiKey: 'key',
    companyId: 'co',
    telemetry: recording.telemetry,
    ...more,
  });

try {
  await scenario('A read retried after a 503, then answered', async (recording) => {
    fake.route('GET', '/banking/bank_recipients/:id', ['service-unavailable-empty', { json: {} }]);
    const result = await clientWith(recording).get('/banking/bank_recipients/81');
    assert.ok(result.isOk());
    const attempts = recording.spans().filter((span) => span.kind === 2);
    assert.deepEqual(
      attempts.map((span) => [
        span.attributes['http.response.status_code'],
        span.attributes['http.request.resend_count'],
      ]),
      [
        [503, undefined],
        [200, 1],
      ],
    );
  });

  await scenario('A write after a 503: never sent again', async (recording) => {
    fake.route('POST', '/banking/bank_recipients', ['service-unavailable-empty']);
    const error = (
      await clientWith(recording).post('/banking/bank_recipients', { json: {} })
    )._unsafeUnwrapErr();
    assert.equal(error.outcome, 'unknown');
    assert.equal(recording.spans().filter((span) => span.kind === 2).length, 1);
  });

  await scenario('Cardda goes down: ten failed attempts open the breaker', async (recording) => {
    fake.route('GET', '/banking/bank_transactions', [{ json: [] }]);
    fake.outage({ error: 'service-unavailable-empty' });
    const cardda = clientWith(recording, { maxAttempts: 1 });
    for (let call = 0; call < 10; call += 1) await cardda.get('/banking/bank_transactions');
    const refused = (await cardda.get('/banking/bank_transactions'))._unsafeUnwrapErr();
    assert.equal(refused.code, 'breaker_open');
    const outage = recording.spans().find((span) => span.name === 'cardda outage');
    assert.equal(outage?.events[0]?.name, 'issuer.outage.started');
    fake.outage(undefined);
  });
  console.log(
    '\ntelemetry: a span per call and per attempt, the metrics of each, and the outage as an event',
  );
} finally {
  await fake.close();
}
