import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { WireResponse } from '../fixture-response';
import type { FakeOutcome } from './fake-issuer-types';
import type { ProviderProfile } from './provider-profile';

const SLOW_BODY_PARTS = 8;
const MID_BODY_FILLER = { data: Array.from({ length: 64 }, (_, index) => ({ id: index })) };

/**
 * Plays one outcome on the response and says what it did (`'ok 201'`,
 * `'rate-limited 429'`, `'stall'`). `closing` aborts every wait when the fake stops.
 */
export async function writeOutcome(
  outcome: FakeOutcome,
  response: ServerResponse,
  profile: ProviderProfile,
  closing: AbortSignal,
): Promise<string> {
  if (typeof outcome === 'string')
    return writeOutcome({ error: outcome }, response, profile, closing);
  if ('stall' in outcome) return 'stall';
  if (outcome.delayMs !== undefined) await sleep(outcome.delayMs, undefined, { signal: closing });
  if ('reset' in outcome) {
    if (outcome.reset === 'before-response') {
      response.socket?.destroy();
      return 'reset before-response';
    }
    const body = JSON.stringify(MID_BODY_FILLER);
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
    });
    response.write(body.slice(0, body.length / 2), () => response.socket?.destroy());
    return 'reset mid-body';
  }
  if ('error' in outcome) {
    const { error, ...overrides } = outcome;
    const wire = profile.scenario(error, overrides) as WireResponse;
    send(response, profile.stamp(wire));
    return `${error} ${wire.status}`;
  }
  const status = outcome.status ?? 200;
  const wire = profile.stamp({
    status,
    headers: { 'content-type': 'application/json', ...outcome.headers },
    body: JSON.stringify(outcome.json),
  });
  if (outcome.chunkDelayMs === undefined) send(response, wire);
  else await sendSlowly(response, wire, outcome.chunkDelayMs, closing);
  return `ok ${status}`;
}

/** Sends a whole response at once. */
export function send(response: ServerResponse, wire: WireResponse): void {
  response.writeHead(wire.status, {
    ...wire.headers,
    'content-length': String(Buffer.byteLength(wire.body)),
  });
  response.end(wire.body);
}

async function sendSlowly(
  response: ServerResponse,
  wire: WireResponse,
  chunkDelayMs: number,
  closing: AbortSignal,
): Promise<void> {
  const bytes = Buffer.from(wire.body);
  response.writeHead(wire.status, { ...wire.headers, 'content-length': String(bytes.length) });
  const partSize = Math.max(1, Math.ceil(bytes.length / SLOW_BODY_PARTS));
  for (let offset = 0; offset < bytes.length; offset += partSize) {
    if (response.destroyed) return;
    response.write(bytes.subarray(offset, offset + partSize));
    if (offset + partSize < bytes.length) await sleep(chunkDelayMs, undefined, { signal: closing });
  }
  response.end();
}
