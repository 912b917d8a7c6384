/** What the hand-written handler throws: a category per status. */
export class HttpError extends Error {
  constructor(
    readonly category: string,
    readonly details: { fields?: unknown; retryAfterSeconds?: number; requestId?: string | null },
  ) {
    super(category);
  }
}

/** Before: one `switch (res.status)` per issuer, as issuers' docs often suggest. */
export async function handleBefore(res: Response): Promise<never> {
  let body: { errors?: unknown } = {};
  try {
    body = await res.json(); // the whole body, however large
  } catch {}
  switch (res.status) {
    case 401:
      throw new HttpError('auth', {}); // a missing company-id, too: "log in again"
    case 403:
      throw new HttpError('permission', {});
    case 404:
      throw new HttpError('not-found', {});
    case 422:
      throw new HttpError('validation', { fields: body.errors });
    case 429: // the body's retry_after is never read
      throw new HttpError('rate-limit', {
        retryAfterSeconds: Number(res.headers.get('Retry-After') ?? '1'),
      });
    case 500:
    case 502:
    case 503:
    case 504: // "transient": callers retry it, a POST included
      throw new HttpError('transient', { requestId: res.headers.get('X-Request-Id') });
    default:
      throw new HttpError('other', {}); // a 400's message is lost
  }
}
