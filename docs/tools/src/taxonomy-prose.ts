import type { ErrorKind } from '@issuer-errors/core';

/** What each kind means to an app: the prose of the kinds table (the defaults come from `KIND_DEFAULTS`). */
export const KIND_PROSE: Record<
  ErrorKind,
  {
    readonly meaning: string;
    readonly typicalHttp: string;
    /** Said after the default's yes / no. */
    readonly retryNote: string;
    readonly whatToDo: string;
    /** Said after the default outcome. */
    readonly outcomeNote?: string;
  }
> = {
  validation: {
    meaning: 'the request is malformed or a field is invalid',
    typicalHttp: '400, 422 (Cardda)',
    retryNote: '',
    whatToDo: 'show `fieldErrors` next to their fields; fix the input',
  },
  authentication: {
    meaning: 'credentials missing, invalid, expired, or account not verified',
    typicalHttp: '401',
    retryNote: '(a client may refresh the token and retry once)',
    whatToDo: 'refresh the token once; else re-authenticate or ask the user to verify their email',
  },
  permission: {
    meaning: 'authenticated, but not allowed',
    typicalHttp: '403',
    retryNote: '',
    whatToDo: "tell the user; check the API user's role",
  },
  not_found: {
    meaning: 'the resource does not exist, or is hidden from this caller',
    typicalHttp: '404',
    retryNote: '',
    whatToDo: 'show "not found"; check ids (and Cardda\'s `company-id`)',
  },
  conflict: {
    meaning: 'conflicts with current state or an operation in progress',
    typicalHttp: "409, Clara's card-creation queue",
    retryNote: 'except where the provider says when to come back (`retryAfterMs`)',
    whatToDo: 're-fetch and reconcile, or wait `retryAfterMs`',
  },
  business_rule: {
    meaning: 'well-formed, but a business rule forbids it',
    typicalHttp: '422 (Clara B-codes)',
    retryNote: '',
    whatToDo: 'explain the rule to the user (limits, inactive user)',
  },
  rate_limited: {
    meaning: 'too many requests',
    typicalHttp: '429',
    retryNote: 'after `retryAfterMs`',
    whatToDo: 'wait `retryAfterMs` (or back off), then retry — safe for writes',
  },
  unavailable: {
    meaning: 'transient upstream or gateway failure',
    typicalHttp: '502, 503, 504',
    retryNote: 'with backoff',
    whatToDo: 'retry reads; retry a write only if it is idempotent',
  },
  internal: {
    meaning: 'the provider failed internally',
    typicalHttp: '500',
    retryNote: 'with backoff (Clara: once, after 2–5 s)',
    whatToDo: 'as `unavailable`; escalate with the `requestId` if it persists',
  },
  configuration: {
    meaning: 'the client is set up wrong',
    typicalHttp: '511 (Clara mTLS), 401 `unauthorized` (Cardda, no `company-id`)',
    retryNote: '',
    whatToDo: 'fix the deployment: certificate, headers; alert an engineer',
  },
  network: {
    meaning: 'no HTTP response: DNS, refused, reset, TLS',
    typicalHttp: '—',
    retryNote: 'for idempotent requests',
    whatToDo: 'retry when rejected; otherwise only idempotent requests',
    outcomeNote: '(`rejected` when the connection never opened)',
  },
  timeout: {
    meaning: 'the client gave up waiting',
    typicalHttp: '—',
    retryNote: 'for idempotent requests',
    whatToDo: "check the write's effect before resending",
  },
  cancelled: {
    meaning: 'the caller aborted',
    typicalHttp: '—',
    retryNote: '',
    whatToDo: 'nothing: the caller chose to stop',
  },
  invalid_response: {
    meaning: 'the provider answered, but not as its contract says',
    typicalHttp: 'any',
    retryNote: '',
    whatToDo: "report it; treat a write's effect as unknown",
  },
  unknown: {
    meaning: 'anything not mapped above',
    typicalHttp: 'other',
    retryNote: '',
    whatToDo: 'log with the `requestId` and alert',
  },
};
