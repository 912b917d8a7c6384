import { defineAdapter, fieldErrorsFromMap } from '@issuer-errors/core';
import { carddaErrorBody } from './cardda-error-body';
import { carddaRetry } from './cardda-retry';
import { carddaRules } from './cardda-rules';

/**
 * The Cardda adapter: normalizes every documented Cardda error response into an
 * `IssuerError`, keeping `X-Request-Id` (Cardda support asks for it) on every one.
 *
 * @example
 * import { cardda } from '@issuer-errors/cardda';
 *
 * const error = cardda.normalize({ status: 401, body: '{"error":"unauthorized"}' });
 * error.kind; // 'configuration'
 * error.code; // 'missing_company_id'
 */
export const cardda = defineAdapter({
  name: 'cardda',
  displayName: 'Cardda',
  bodySchema: carddaErrorBody,
  bodyFields: { providerCode: 'error', message: 'message', retryAfterSeconds: 'retry_after' },
  fieldErrors: { key: 'errors', read: fieldErrorsFromMap },
  rules: carddaRules,
  retry: carddaRetry,
});
