// Answers a 500 whose body would be 100 MiB, and reports how much of it was read and kept.
// Run with --expose-gc. Prints one JSON line.
import { createServer } from 'node:http';
import { cardda, createCarddaClient } from '@issuer-errors/cardda';

const BODY_BYTES = 100 * 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, 'x');
let sent = 0;
const server = createServer((request, response) => {
  response.writeHead(500, { 'content-type': 'text/plain' });
  const pump = () => {
    while (sent < BODY_BYTES && !response.destroyed) {
      sent += chunk.byteLength;
      if (!response.write(chunk)) return response.once('drain', pump);
    }
    response.end();
  };
  request.socket.on('close', () => response.destroy());
  pump();
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${server.address().port}`;

// The JS heap and buffers: what the process holds of the body. RSS also counts compiled code and
// freed pages, and rose 15 to 20 MiB on Node 24 for a warm-up alone.
const used = () => {
  const memory = process.memoryUsage();
  return memory.heapUsed + memory.external;
};
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, used());
}, 2);

async function measure(run) {
  sent = 0;
  globalThis.gc();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const before = used();
  peak = before;
  const error = await run();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { kind: error.kind, sentBytes: sent, peakRiseBytes: peak - before };
}

await measure(async () => cardda.fromResponse(await fetch(url))); // warm up fetch and the adapter
const fromResponse = await measure(async () => cardda.fromResponse(await fetch(url)));
const client = createCarddaClient({ baseUrl: url, apiKey: 'key', maxAttempts: 1 });
const throughClient = await measure(async () => (await client.get('/huge'))._unsafeUnwrapErr());
// The same response read whole, as `await response.text()` does: shows the sampler sees memory.
const readWhole = await measure(async () => {
  const text = await (await fetch(url)).text();
  return { kind: `text of ${text.length} characters` };
});
clearInterval(sampler);
server.close();
server.closeAllConnections();
console.log(JSON.stringify({ bodyBytes: BODY_BYTES, fromResponse, throughClient, readWhole }));
