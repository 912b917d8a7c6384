/**
 * The Clara adapter (`clara`), its rules table and retry policy, pre-flight request validation (`validateClaraRequest`) and `createClaraClient`.
 *
 * @packageDocumentation
 */
export { clara } from './clara';
export { type ClaraErrorBody, claraErrorBody } from './clara-error-body';
export { claraGuidance } from './clara-guidance';
export type { ClaraTlsOptions } from './clara-mtls-fetch';
export {
  CLARA_COUNTRIES,
  CLARA_TAX_ID_FORMATS,
  CLARA_TRANSACTION_TYPE_NAMES,
  type ClaraCountry,
  isClaraDate,
  isClaraTaxId,
  isClaraTransactionTypeName,
} from './clara-request-formats';
export { claraRetry } from './clara-retry';
export { claraRules } from './clara-rules';
export {
  type ClaraOAuthOptions,
  type ClaraTokenSourceDependencies,
  createClaraTokenSource,
} from './clara-token-source';
export { type ClaraClientOptions, createClaraClient } from './create-clara-client';
export { type ClaraRequestFields, validateClaraRequest } from './validate-clara-request';
