import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CarddaClientOptions, createCarddaClient } from '@issuer-errors/cardda';
import { startRecordingTelemetry } from '@issuer-errors/testing/telemetry';
import { type Comparison, compareEachAsync } from './compare';

/** The goal: with `@opentelemetry/api` installed and no SDK registered, a call costs at most this much more than with telemetry off. */
export const TELEMETRY_OVERHEAD_GOAL = 1.02;

/** What telemetry costs a successful GET: with no SDK registered (the goal), and with the SDK recording (reported). */
export interface TelemetryOverhead {
  readonly withoutSdk: Comparison;
  readonly withSdk: Comparison;
}

/**
 * A successful GET from a loopback `node:http` server through `createCarddaClient` with
 * `telemetry: false` (the client as it was before telemetry) and with telemetry on, taking turns:
 * first through the global providers with no SDK registered, then through the real SDK with
 * in-memory exporters.
 */
export async function measureTelemetryOverhead(): Promise<TelemetryOverhead> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-1' });
    response.end('{"data":[]}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  const options: CarddaClientOptions = { baseUrl, apiKey: 'key', companyId: 'co' };
  const off = createCarddaClient({ ...options, telemetry: false });
  const get = (client: typeof off) => async () =>
    (await client.get('/banking/bank_transactions'))._unsafeUnwrap();
  const recording = startRecordingTelemetry();
  const settings = { operations: 4000, warmup: 500 };
  try {
    const withoutSdk = await compareEachAsync(
      { name: 'telemetry off', run: get(off) },
      { name: 'no SDK registered', run: get(createCarddaClient(options)) },
      settings,
    );
    const withSdk = await compareEachAsync(
      { name: 'telemetry off', run: get(off) },
      {
        name: 'SDK recording',
        run: get(createCarddaClient({ ...options, telemetry: recording.telemetry })),
      },
      settings,
    );
    return { withoutSdk, withSdk };
  } finally {
    await recording.shutdown();
    server.close();
    server.closeAllConnections();
  }
}
