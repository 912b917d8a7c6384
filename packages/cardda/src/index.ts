export { cardda } from './cardda';
export { type CarddaErrorBody, carddaErrorBody } from './cardda-error-body';
export { carddaGuidance } from './cardda-guidance';
export { carddaRetry } from './cardda-retry';
export { carddaRules } from './cardda-rules';
export {
  CARDDA_BASE_URL,
  type CarddaClientOptions,
  createCarddaClient,
} from './create-cardda-client';
