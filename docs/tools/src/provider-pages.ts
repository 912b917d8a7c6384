import { cardda, carddaGuidance } from '@issuer-errors/cardda';
import { clara, claraGuidance } from '@issuer-errors/clara';
import { carddaFixtures, claraFixtures } from '@issuer-errors/testing';
import type { ProviderPage } from './render-provider-doc';

/** Clara's page: the adapter, its tables, and what the tables do not say. */
export const claraPage: ProviderPage = {
  adapter: clara,
  rulesExport: 'claraRules',
  guidance: claraGuidance,
  guidanceExport: 'claraGuidance',
  retryExport: 'claraRetry',
  fixtures: claraFixtures,
  intro: [
    "Source: Clara's error documentation (error response format, HTTP status codes, auth errors, business error codes, rate limits, retry guidance).",
    "Clara's error bodies carry a `message`, usually a `code` (`VALIDATION_ERROR`, `B013`, ...) and a `timestamp`; some API versions add a `details` array or an `error` string. The adapter reads the code from `code`, else `error`; the message from `message`, else `error_description`; and field errors from `details` (`[{ field, message }]`) or from the field a message names (`startDate must be YYYY-MM-DD`). Clara sends no request id.",
    'Retry guidance: a 429 backs off `2^attempt` s plus up to 1 s of jitter, at most 3 retries (Clara\'s own example makes 4 attempts); a 500 is retried once, after 2 s (Clara: "2–5 seconds"); a 401 gets one token refresh and one retry; 400, 403, 404, 422 and 511 are never retried.',
  ].join('\n\n'),
};

/** Cardda's page. */
export const carddaPage: ProviderPage = {
  adapter: cardda,
  rulesExport: 'carddaRules',
  guidance: carddaGuidance,
  guidanceExport: 'carddaGuidance',
  retryExport: 'carddaRetry',
  fixtures: carddaFixtures,
  intro: [
    "Source: Cardda's error documentation (the two body shapes, the status code reference, the examples, tracing).",
    'Cardda\'s transport errors are `{ "error": "<machine_code>", "message"?: "..." }`; the adapter branches on `error`, never on the message, as Cardda asks. Validation errors on POST / PATCH / PUT are `{ "errors": { "field": ["..."] } }`, kept as `fieldErrors` under Cardda\'s own snake_case names. Every response carries `X-Request-Id`, kept as `requestId`.',
    "Retry guidance: a 429 waits for `Retry-After`, else the body's `retry_after`, else 1 s (the docs' fallback); 500, 502, 503 and 504 back off exponentially with full jitter. A missing `company-id` header (401 `unauthorized`) is a `configuration` error, not an authentication one: no credential refresh can fix it.",
  ].join('\n\n'),
};
