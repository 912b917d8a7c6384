import { defineAdapter, fieldErrorsFromDetails } from '@issuer-errors/core';
import { claraErrorBody } from './clara-error-body';
import { claraRetry } from './clara-retry';
import { claraRules } from './clara-rules';

/**
 * The Clara adapter: normalizes every documented Clara error response into an
 * `IssuerError`.
 *
 * @example
 * import { clara } from '@issuer-errors/clara';
 *
 * const error = clara.normalize({ status: 422, body: '{"code":"B013","message":"Threshold exceeds company limit"}' });
 * error.kind; // 'business_rule'
 * error.code; // 'credit_limit_exceeded'
 */
export const clara = defineAdapter({
  name: 'clara',
  displayName: 'Clara',
  bodySchema: claraErrorBody,
  bodyFields: {
    providerCode: ['code', 'error'],
    message: ['message', 'error_description'],
    timestamp: 'timestamp',
  },
  fieldErrors: { key: 'details', read: fieldErrorsFromDetails },
  rules: claraRules,
  retry: claraRetry,
});
