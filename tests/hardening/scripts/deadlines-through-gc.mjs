// Node's fetch can lose a cloned Request's abort signal once a garbage collection runs
// (nodejs/undici#4068), and ky clones every Request. Collects garbage every 10 ms while
// calls wait for answers and bodies that never come: each must still end by its deadline.
import { createServer } from 'node:http';
import { createCarddaClient } from '@issuer-errors/cardda';

const server = createServer((request, response) => {
  if (request.url === '/stalls') return;
  response.writeHead(200, { 'content-type': 'application/json' });
  const timer = setInterval(() => response.write(' '), 20);
  response.on('close', () => clearInterval(timer));
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const client = createCarddaClient({
  baseUrl: `http://127.0.0.1:${server.address().port}`,
  apiKey: 'key',
  companyId: 'co',
  timeoutMs: 300,
  maxAttempts: 1,
});

const collecting = setInterval(() => globalThis.gc(), 10);
const started = performance.now();
const outcomes = await Promise.all([
  client.get('/stalls'),
  client.get('/trickles'),
  client.get('/trickles', { signal: AbortSignal.timeout(150) }),
]);
const elapsedMs = Math.round(performance.now() - started);
clearInterval(collecting);
server.closeAllConnections();
server.close();
const kinds = outcomes.map((result) => (result.isErr() ? result.error.kind : 'ok'));
console.log(JSON.stringify({ kinds, elapsedMs }));
