import type { IncomingMessage, ServerResponse } from 'node:http';
import { toProblemDetails } from '@issuer-errors/core';
import type { IssuerClient } from '@issuer-errors/core/ky';
import { statusFor } from './status-for.js';

/** `POST /recipients`: creates a Cardda bank recipient; a failure is answered as problem+json. */
export function recipientsRoute(cardda: IssuerClient) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const recipient = await readJson(request);
    if (recipient === undefined) {
      const detail = 'Expected a JSON body of at most 64 KiB';
      return send(response, 400, 'application/problem+json', { status: 400, detail });
    }
    await cardda.post('/banking/bank_recipients', { json: recipient }).match(
      (created) => send(response, 201, 'application/json', created),
      (error) => {
        const status = statusFor(error);
        if (error.retryAfterMs !== undefined && status === 503) {
          response.setHeader('Retry-After', Math.ceil(error.retryAfterMs / 1000));
        }
        send(response, status, 'application/problem+json', toProblemDetails(error, { status }));
      },
    );
  };
}

function send(response: ServerResponse, status: number, type: string, body: unknown) {
  response.writeHead(status, { 'content-type': type }).end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage, maxBytes = 64 * 1024): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}
