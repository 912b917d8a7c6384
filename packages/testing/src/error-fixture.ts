import type { IssuerError, IssuerErrorJson } from '@issuer-errors/core';

/**
 * One documented provider error response and what it must normalize to. The
 * adapters' own tests, the nock helpers and the fake issuer all read these.
 */
export interface ErrorFixture<Id extends string = string> {
  /** A stable id, also the scenario name of the nock helpers and the fake issuer: `'b013-threshold-exceeds-company-limit'`. */
  readonly id: Id;
  /** Where it comes from: the docs section, example or table row. */
  readonly source: string;
  /** The response exactly as sent. */
  readonly response: {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string;
  };
  /** What normalizing it must give: the facts of the error's JSON, without its raw response. */
  readonly expected: Pick<
    IssuerErrorJson,
    | 'kind'
    | 'code'
    | 'providerCode'
    | 'message'
    | 'retryable'
    | 'retryAfterMs'
    | 'outcome'
    | 'fieldErrors'
    | 'requestId'
    | 'timestamp'
  >;
}

/**
 * The facts of an error that a fixture's `expected` states, in the same shape,
 * so a test can compare them with one `toEqual`.
 */
export function toFixtureView(error: IssuerError): ErrorFixture['expected'] {
  const view: Record<string, unknown> = {
    kind: error.kind,
    code: error.code,
    providerCode: error.providerCode,
    message: error.message,
    retryable: error.retryable,
    retryAfterMs: error.retryAfterMs,
    outcome: error.outcome,
    fieldErrors: error.fieldErrors,
    requestId: error.requestId,
    timestamp: error.timestamp,
  };
  for (const key of Object.keys(view)) if (view[key] === undefined) delete view[key];
  return view as unknown as ErrorFixture['expected'];
}

const JSON_HEADERS: Readonly<Record<string, string>> = { 'content-type': 'application/json' };

/** Builds a fixture; a body that is not a string is written as the provider sends it, as JSON. */
export function errorFixture<const Id extends string>(
  id: Id,
  source: string,
  status: number,
  body: unknown,
  expected: ErrorFixture['expected'],
  headers: Readonly<Record<string, string>> = JSON_HEADERS,
): ErrorFixture<Id> {
  return {
    id,
    source,
    response: { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) },
    expected,
  };
}
