import type { ErrorFixture } from '@issuer-errors/core';

const REQUEST_ID = '8f3c2a7e-1b4d-4f9a-b2c5-9d7e8f1a2b3c';

function fixture(
  id: string,
  source: string,
  status: number,
  body: unknown,
  expected: Omit<ErrorFixture['expected'], 'requestId'>,
  headers: Readonly<Record<string, string>> = {},
): ErrorFixture {
  const requestId = `req-${id}`;
  return {
    id,
    source,
    response: {
      status,
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': requestId, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
    expected: { ...expected, requestId: headers['X-Request-Id'] ?? requestId },
  };
}

const rejected = { retryable: false, outcome: 'rejected', fieldErrors: {} } as const;
const transient = { retryable: true, outcome: 'unknown', fieldErrors: {} } as const;

/**
 * Every example and status-table row of Cardda's error documentation, as sent
 * (every Cardda response carries `X-Request-Id`), with what it normalizes to.
 */
export const carddaFixtures: readonly ErrorFixture[] = [
  fixture(
    'missing-company-id',
    'Examples: Missing company-id',
    401,
    { error: 'unauthorized' },
    {
      ...rejected,
      kind: 'configuration',
      code: 'missing_company_id',
      providerCode: 'unauthorized',
      message: 'Cardda: unauthorized',
    },
  ),
  fixture(
    'validation-error-on-create',
    'Examples: Validation error on create',
    422,
    {
      errors: {
        rut: ["can't be blank", 'is invalid'],
        account_number: ["can't be blank"],
        bank_id: ['must reference an existing bank'],
      },
    },
    {
      ...rejected,
      kind: 'validation',
      code: 'invalid_field',
      message: '3 invalid fields: rut, account_number, bank_id',
      fieldErrors: {
        rut: ["can't be blank", 'is invalid'],
        account_number: ["can't be blank"],
        bank_id: ['must reference an existing bank'],
      },
    },
  ),
  fixture(
    'rate-limited',
    'Examples: Rate limited',
    429,
    {
      error: 'rate_limit_exceeded',
      message: 'Too many requests. Please retry after 1 second.',
      retry_after: 1,
    },
    {
      kind: 'rate_limited',
      code: 'rate_limited',
      providerCode: 'rate_limit_exceeded',
      message: 'Too many requests. Please retry after 1 second.',
      retryable: true,
      retryAfterMs: 1000,
      outcome: 'rejected',
      fieldErrors: {},
    },
    { 'Retry-After': '1' },
  ),
  fixture(
    'not-found-or-not-your-company',
    'Examples: Resource not found / not your company',
    404,
    { error: 'not_found' },
    {
      ...rejected,
      kind: 'not_found',
      code: 'not_found',
      providerCode: 'not_found',
      message: 'Cardda: not_found',
    },
  ),
  fixture(
    'internal-error-traced',
    'Tracing an error: 500 with X-Request-Id',
    500,
    { error: 'internal_error' },
    {
      ...transient,
      kind: 'internal',
      code: 'internal_error',
      providerCode: 'internal_error',
      message: 'Cardda: internal_error',
    },
    { 'X-Request-Id': REQUEST_ID },
  ),
  fixture(
    'bad-request',
    'Status code reference: 400 bad_request',
    400,
    { error: 'bad_request', message: 'amount must be a number' },
    {
      ...rejected,
      kind: 'validation',
      code: 'invalid_request',
      providerCode: 'bad_request',
      message: 'amount must be a number',
    },
  ),
  fixture(
    'unauthenticated',
    'Status code reference: 401 unauthenticated',
    401,
    { error: 'unauthenticated', message: 'Invalid API key' },
    {
      ...rejected,
      kind: 'authentication',
      code: 'unauthenticated',
      providerCode: 'unauthenticated',
      message: 'Invalid API key',
    },
  ),
  fixture(
    'email-not-verified',
    'Status code reference: 401 email_not_verified',
    401,
    { error: 'email_not_verified', message: 'Please verify your email address' },
    {
      ...rejected,
      kind: 'authentication',
      code: 'email_not_verified',
      providerCode: 'email_not_verified',
      message: 'Please verify your email address',
    },
  ),
  fixture(
    'forbidden',
    'Status code reference: 403 forbidden',
    403,
    { error: 'forbidden', message: 'You are not allowed to perform this action' },
    {
      ...rejected,
      kind: 'permission',
      code: 'forbidden',
      providerCode: 'forbidden',
      message: 'You are not allowed to perform this action',
    },
  ),
  fixture(
    'conflict',
    'Status code reference: 409 conflict',
    409,
    { error: 'conflict', message: 'Transaction is already authorized' },
    {
      ...rejected,
      kind: 'conflict',
      code: 'conflict',
      providerCode: 'conflict',
      message: 'Transaction is already authorized',
    },
  ),
  fixture(
    'unprocessable-entity-code',
    'Status code reference: 422 unprocessable_entity',
    422,
    { error: 'unprocessable_entity', errors: { amount: 'must be greater than 0' } },
    {
      ...rejected,
      kind: 'validation',
      code: 'invalid_field',
      providerCode: 'unprocessable_entity',
      message: '1 invalid field: amount',
      fieldErrors: { amount: ['must be greater than 0'] },
    },
  ),
  fixture(
    'rate-limited-terse',
    'Status code reference: 429 rate_limit_exceeded, no Retry-After, no message',
    429,
    { error: 'rate_limit_exceeded' },
    {
      kind: 'rate_limited',
      code: 'rate_limited',
      providerCode: 'rate_limit_exceeded',
      message: 'Cardda: rate_limit_exceeded',
      retryable: true,
      retryAfterMs: 1000,
      outcome: 'rejected',
      fieldErrors: {},
    },
  ),
  fixture(
    'rate-limited-body-hint',
    'Status code reference: 429 with retry_after in the body only',
    429,
    { error: 'rate_limit_exceeded', retry_after: 3 },
    {
      kind: 'rate_limited',
      code: 'rate_limited',
      providerCode: 'rate_limit_exceeded',
      message: 'Cardda: rate_limit_exceeded',
      retryable: true,
      retryAfterMs: 3000,
      outcome: 'rejected',
      fieldErrors: {},
    },
  ),
  fixture(
    'bad-gateway-html',
    'Status code reference: 502 upstream/transient, an HTML page from a gateway',
    502,
    '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>',
    {
      ...transient,
      kind: 'unavailable',
      code: 'upstream_unavailable',
      message: 'Cardda answered with HTTP 502',
    },
    { 'Content-Type': 'text/html' },
  ),
  fixture(
    'service-unavailable-empty',
    'Status code reference: 503 upstream/transient, empty body',
    503,
    '',
    {
      ...transient,
      kind: 'unavailable',
      code: 'upstream_unavailable',
      message: 'Cardda answered with HTTP 503',
    },
  ),
  fixture(
    'gateway-timeout-upstream-code',
    'Status code reference: 504 upstream/transient, with a code',
    504,
    { error: 'upstream_timeout', message: 'The banking partner did not answer in time' },
    {
      ...transient,
      kind: 'unavailable',
      code: 'upstream_unavailable',
      providerCode: 'upstream_timeout',
      message: 'The banking partner did not answer in time',
    },
  ),
  fixture(
    'unknown-code-at-known-status',
    'An error code Cardda does not document, at a documented status',
    403,
    { error: 'policy_denied' },
    {
      ...rejected,
      kind: 'permission',
      code: 'forbidden',
      providerCode: 'policy_denied',
      message: 'Cardda: policy_denied',
    },
  ),
  fixture(
    'internal-error-truncated',
    'A 500 whose JSON body was cut off',
    500,
    '{"error":"internal_err',
    {
      ...transient,
      kind: 'internal',
      code: 'internal_error',
      message: 'Cardda answered with HTTP 500',
    },
  ),
  fixture(
    'unmapped-status',
    'A status Cardda does not document',
    418,
    { error: 'teapot', message: 'I am a teapot' },
    {
      kind: 'unknown',
      code: 'unknown',
      providerCode: 'teapot',
      message: 'I am a teapot',
      retryable: false,
      outcome: 'unknown',
      fieldErrors: {},
    },
  ),
];
