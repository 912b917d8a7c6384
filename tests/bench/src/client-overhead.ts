import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCarddaClient } from '@issuer-errors/cardda';
import ky from 'ky';
import { type Comparison, compareEachAsync } from './compare';

/** The goal: a successful GET through the client takes at most this much longer than bare ky. */
export const CLIENT_OVERHEAD_GOAL = 1.05;

const TRANSACTIONS = JSON.stringify({
  data: Array.from({ length: 20 }, (_, index) => ({ id: `tx_${index}`, amount: 1000 + index })),
});

/**
 * A successful GET of a small JSON list from a loopback `node:http` server, through
 * `createCarddaClient` and through bare ky with the same headers, one request at a time,
 * taking turns: the median request of each, over 6,000 requests each.
 */
export async function measureClientOverhead(): Promise<Comparison> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-1' });
    response.end(TRANSACTIONS);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  const headers = { authorization: 'Bearer key', 'company-id': 'co' };
  const client = createCarddaClient({ baseUrl, apiKey: 'key', companyId: 'co' });
  const bare = ky.create({ prefixUrl: baseUrl, headers });
  try {
    return await compareEachAsync(
      { name: 'bare ky', run: () => bare.get('banking/bank_transactions').json() },
      {
        name: 'createCarddaClient',
        run: async () => (await client.get('/banking/bank_transactions'))._unsafeUnwrap(),
      },
      { operations: 6000, warmup: 500 },
    );
  } finally {
    server.close();
    server.closeAllConnections();
  }
}
