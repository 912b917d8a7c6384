// Four worker processes of one Cardda API key, each sending 50 GETs at once, against a fake
// Cardda limited to 40 requests/s: with their budget in Redis, the issuer refuses none.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startFakeIssuer, startRedisServer } from '@issuer-errors/testing/server';
import type { FleetSettings } from './fleet-client.js';

const PROCESSES = 4;
const CALLS = 50;
const worker = fileURLToPath(new URL('./worker.ts', import.meta.url));

const redisServer = await startRedisServer();
const fake = await startFakeIssuer({
  provider: 'cardda',
  apiKeys: ['fleet-key'],
  companyIds: ['acme'],
  rateLimit: { burst: 4, requestsPerSecond: 40 },
});
fake.route('GET', '/banking/bank_transactions', [{ json: [] }]);
const settings: FleetSettings & { calls: number } = {
  baseUrl: fake.baseUrl,
  apiKey: 'fleet-key',
  companyId: 'acme',
  redisUrl: redisServer.url,
  calls: CALLS,
};

try {
  const started = Date.now();
  const outputs = await Promise.all(
    Array.from({ length: PROCESSES }, () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', worker, JSON.stringify(settings)]),
    ),
  );
  const seconds = (Date.now() - started) / 1000;
  let failed = 0;
  for (const [index, { stdout }] of outputs.entries()) {
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
    failed += report.failed.length;
    console.log(`process ${index + 1}: ${report.calls} calls, ${report.ok} ok`);
  }
  const refused = fake.requests.filter((request) => request.answer.startsWith('rate-limited'));
  console.log(
    `the issuer answered 429 to ${refused.length} of ${fake.requests.length} requests; ${seconds.toFixed(1)} s in all, start-up included`,
  );
  if (failed > 0) process.exitCode = 1;
} finally {
  await fake.close();
  await redisServer.close();
}
