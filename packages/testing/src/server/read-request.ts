import type { IncomingMessage } from 'node:http';

const MAX_REQUEST_BYTES = 1024 * 1024;

/** The request body as text, at most 1 MiB (the rest is dropped). */
export async function readRequestBody(request: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const part = chunk as Buffer;
    if (size < MAX_REQUEST_BYTES) parts.push(part.subarray(0, MAX_REQUEST_BYTES - size));
    size += part.length;
  }
  return Buffer.concat(parts).toString('utf8');
}

/** Header values joined, names lower-cased. */
export function flatHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
