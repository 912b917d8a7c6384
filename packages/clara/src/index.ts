export { clara } from './clara';
export { type ClaraErrorBody, claraErrorBody } from './clara-error-body';
export {
  CLARA_COUNTRIES,
  CLARA_TAX_ID_FORMATS,
  CLARA_TRANSACTION_TYPE_NAMES,
  type ClaraCountry,
  claraDateRangeSchema,
  claraDateSchema,
  claraTaxIdSchema,
  claraTransactionTypeNameSchema,
} from './clara-request-schemas';
export { claraRetry } from './clara-retry';
export { claraRules } from './clara-rules';
export { type ClaraRequestFields, validateClaraRequest } from './validate-clara-request';
