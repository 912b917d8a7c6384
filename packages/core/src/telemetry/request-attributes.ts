import { toSafeLine } from '../safety/safe-text';

/** The HTTP client conventions' attributes of a request, the same on its call's span and each attempt's. */
export interface RequestAttributes {
  readonly 'http.request.method': string;
  readonly 'server.address': string;
  readonly 'server.port': number;
  /** The URL with every query value `REDACTED` and card numbers masked. */
  readonly 'url.full': string;
  /** The path with its ids as `{id}`: the request's `urlTemplate`, or one read from the path. */
  readonly 'url.template': string;
}

const MAX_URL_BYTES = 1024;
const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };
/** A path segment that is an id: it holds a digit, and is not a version (`v1`). */
const ID_SEGMENT = /^(?!v\d+$).*\d/i;

/**
 * The attributes of `method` to `url` (the base URL and the path, joined); `urlTemplate`
 * (relative to the base URL, as the path is) names the path's template when the caller gave one.
 * `undefined` for a URL that cannot be read, which the client reports as a setup mistake.
 *
 * @example
 * requestAttributes('GET', 'https://api.cardda.com/v1/banking/bank_recipients/81?page=2', 'https://api.cardda.com/v1');
 * // { …, 'url.full': 'https://api.cardda.com/v1/banking/bank_recipients/81?page=REDACTED',
 * //   'url.template': '/v1/banking/bank_recipients/{id}' }
 */
export function requestAttributes(
  method: string,
  url: string,
  baseUrl: string,
  urlTemplate?: string,
): RequestAttributes | undefined {
  if (!URL.canParse(url) || !URL.canParse(baseUrl)) return undefined;
  const parsed = new URL(url);
  for (const name of new Set(parsed.searchParams.keys())) parsed.searchParams.set(name, 'REDACTED');
  parsed.hash = '';
  return {
    'http.request.method': method,
    'server.address': parsed.hostname,
    'server.port': Number(parsed.port) || (DEFAULT_PORTS[parsed.protocol] ?? 0),
    'url.full': toSafeLine(parsed.href, MAX_URL_BYTES),
    'url.template': toSafeLine(
      urlTemplate === undefined
        ? templateOf(parsed.pathname)
        : `${new URL(baseUrl).pathname.replace(/\/+$/, '')}/${urlTemplate.replace(/^\/+/, '')}`,
      MAX_URL_BYTES,
    ),
  };
}

/** A path with each segment that holds a digit (an id, a card number) as `{id}`. */
function templateOf(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? '{id}' : segment))
    .join('/');
}
