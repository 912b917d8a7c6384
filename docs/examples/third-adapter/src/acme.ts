import { defineAdapter, fieldErrorsFromDetails } from '@issuer-errors/core';
import { createIssuerClient, type IssuerClientOptions } from '@issuer-errors/core/ky';
import { acmeErrorBody } from './acme-error-body.js';
import { acmeRetry, acmeRules } from './acme-rules.js';

/** The Acme adapter: data handed to the one factory every issuer uses. */
export const acme = defineAdapter({
  name: 'acme',
  displayName: 'Acme',
  bodySchema: acmeErrorBody,
  bodyFields: { providerCode: 'code', message: 'message', retryAfterSeconds: 'retry_in' },
  fieldErrors: { key: 'errors', read: fieldErrorsFromDetails },
  rules: acmeRules,
  retry: acmeRetry,
});

/** An Acme client: calls return `ResultAsync<T, IssuerError>`, retried by Acme's rules. */
export function createAcmeClient(
  options: Omit<IssuerClientOptions, 'adapter' | 'headers'> & { apiKey: string },
) {
  const { apiKey, ...common } = options;
  return createIssuerClient({ ...common, adapter: acme, headers: { 'x-api-key': apiKey } });
}
