import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/**
 * Lets a page on `allowOrigin` call the fake from a browser: stamps the CORS headers on
 * every answer and says whether the request was a preflight, which it answers itself (204).
 * Every response header is exposed, so a page's client can read `Retry-After` and the
 * request id, which a browser hides otherwise.
 */
export function answerCors(
  allowOrigin: string,
  request: IncomingMessage,
  response: ServerResponse,
): 'preflight' | 'continue' {
  const origin = request.headers.origin;
  if (origin === undefined || (allowOrigin !== '*' && origin !== allowOrigin)) return 'continue';
  response.setHeader('access-control-allow-origin', allowOrigin === '*' ? '*' : origin);
  response.setHeader('access-control-expose-headers', '*');
  if (allowOrigin !== '*') response.setHeader('vary', 'Origin');
  const preflight =
    request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
  if (!preflight) return 'continue';
  response.writeHead(204, {
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '',
    'access-control-max-age': PREFLIGHT_MAX_AGE_SECONDS,
  });
  response.end();
  return 'preflight';
}
