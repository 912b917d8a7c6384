import type { ErrorFixture } from './error-fixture';

/** Changes to a fixture's response: a different wait, or a request id of your own. */
export interface ResponseOverrides {
  /** Seconds to send as `Retry-After` (and as the body's `retry_after`, when it has one). */
  readonly retryAfter?: number;
  /** Sent as `X-Request-Id`. */
  readonly requestId?: string;
}

/** A provider's response as it goes on the wire. */
export interface WireResponse {
  /** The fixture it was made from, if any. */
  readonly scenario?: string;
  /** The HTTP status. */
  readonly status: number;
  /** Header names as the provider writes them. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body text, exactly as sent. */
  readonly body: string;
}

/**
 * The response of a fixture with the overrides applied; an unknown id is
 * `undefined`, so helpers can name the scenarios they do know.
 */
export function fixtureResponse(
  fixtures: readonly ErrorFixture[],
  id: string,
  overrides: ResponseOverrides = {},
): WireResponse | undefined {
  const fixture = fixtures.find((candidate) => candidate.id === id);
  if (fixture === undefined) return undefined;
  const headers: Record<string, string> = { ...fixture.response.headers };
  let body = fixture.response.body;
  if (overrides.retryAfter !== undefined) {
    setHeader(headers, 'Retry-After', String(overrides.retryAfter));
    body = withRetryAfterField(body, overrides.retryAfter);
  }
  if (overrides.requestId !== undefined) setHeader(headers, 'X-Request-Id', overrides.requestId);
  return { scenario: fixture.id, status: fixture.response.status, headers, body };
}

function setHeader(headers: Record<string, string>, name: string, value: string): void {
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
  }
  headers[name] = value;
}

function withRetryAfterField(body: string, seconds: number): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'retry_after' in parsed) {
      return JSON.stringify({ ...parsed, retry_after: seconds });
    }
  } catch {}
  return body;
}
