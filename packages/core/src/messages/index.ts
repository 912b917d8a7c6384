/**
 * What the people who use the app see: `userMessage(error, locale)` in English, Spanish and
 * Brazilian Portuguese, `createUserMessage` for an app's own wording and languages, and
 * `toFormErrors` / `applyFieldErrors` to show field errors on a form.
 *
 * @packageDocumentation
 */

export {
  type ApplyFieldErrorsOptions,
  applyFieldErrors,
  type SetFieldError,
} from './apply-field-errors';
export { catalogEn } from './catalog-en';
export { catalogEs } from './catalog-es';
export { catalogPtBr } from './catalog-pt-br';
export type {
  BuiltInLocale,
  CatalogOverride,
  MessageCatalog,
  MessageLocale,
} from './message-catalog';
export { type FormErrors, type FormErrorsOptions, toFormErrors } from './to-form-errors';
export {
  createUserMessage,
  type UserMessage,
  type UserMessageInput,
  type UserMessageOptions,
  userMessage,
} from './user-message';
