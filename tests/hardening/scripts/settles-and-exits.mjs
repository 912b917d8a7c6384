// Ends calls in every way that leaves a timer or a socket behind if not cleaned up, then closes
// the fake and stops doing anything: the process must exit on its own, promptly.
import { createServer } from 'node:http';
import { cardda, createCarddaClient } from '@issuer-errors/cardda';
import { createClaraClient } from '@issuer-errors/clara';
import { startFakeIssuer } from '@issuer-errors/testing/server';

process.on('unhandledRejection', (reason) => {
  console.error('unhandled rejection', reason);
  process.exit(3);
});

const fake = await startFakeIssuer({ provider: 'cardda' });
const client = (options) =>
  createCarddaClient({ baseUrl: fake.baseUrl, apiKey: 'key', companyId: 'co', ...options });
fake
  .route('GET', '/waits', [{ error: 'rate-limited', retryAfter: 30 }])
  .route('GET', '/stalls', [{ stall: true }])
  .route('GET', '/slow-body', [{ json: { data: 'x'.repeat(10_000) }, chunkDelayMs: 1_000 }])
  .route('GET', '/down', ['service-unavailable-empty']);

// Accepts connections and never answers, nor ends a body it started.
const silent = createServer((request, response) => {
  if (request.url === '/headers-only') response.writeHead(500).write('{"error":');
}).listen(0, '127.0.0.1');
await new Promise((resolve) => silent.once('listening', resolve));
const silentUrl = `http://127.0.0.1:${silent.address().port}`;

const started = performance.now();
const outcomes = await Promise.all([
  // A 30 s Retry-After wait, cut by the caller's signal.
  client({ maxRetryDelayMs: 60_000 }).get('/waits', { signal: AbortSignal.timeout(100) }),
  // A 30 s wait that the whole-call deadline refuses to start.
  client({ maxRetryDelayMs: 60_000, totalTimeoutMs: 300 }).get('/waits'),
  // No answer at all: the attempt's timeout.
  client({ timeoutMs: 200, maxAttempts: 1 }).get('/stalls'),
  // Headers, then a body that trickles: the timeout covers reading it.
  client({ timeoutMs: 300, maxAttempts: 1 }).get('/slow-body'),
  // Backoff retries bounded by the deadline.
  client({ totalTimeoutMs: 400 }).get('/down'),
  // A body that never ends, read by the adapter with a signal.
  fetch(`${silentUrl}/headers-only`)
    .then((response) => cardda.fromResponse(response, { signal: AbortSignal.timeout(150) }))
    .catch((thrown) => cardda.fromThrown(thrown))
    .then((error) => ({ isErr: () => true, error })),
  // Clara's token endpoint never answering.
  createClaraClient({
    baseUrl: fake.baseUrl,
    oauth: { tokenUrl: silentUrl, clientId: 'c', clientSecret: 's' },
    timeoutMs: 200,
    totalTimeoutMs: 400,
  }).get('/anything'),
]);
const kinds = outcomes.map((result) => (result.isErr() ? result.error.kind : 'ok'));
const elapsedMs = Math.round(performance.now() - started);
await fake.close();
silent.closeAllConnections();
silent.close();
console.log(JSON.stringify({ kinds, elapsedMs }));
