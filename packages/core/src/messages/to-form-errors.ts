import { isPlainRecord } from '../error/is-plain-record';
import { toCamelCase, toSnakeCase } from './field-name-case';
import type { MessageLocale } from './message-catalog';
import { type UserMessage, type UserMessageInput, userMessage } from './user-message';

/** Errors in the shape of zod's `flatten()`: messages for the whole form, and per field. */
export interface FormErrors {
  /** Messages that belong to no field of the form. */
  readonly formErrors: string[];
  /** Messages per form field name. */
  readonly fieldErrors: Record<string, string[]>;
}

/** Options of {@link toFormErrors} and `applyFieldErrors`. */
export interface FormErrorsOptions {
  /**
   * Provider field names your form calls differently: `{ bank_id: 'bank' }`. A name mapped
   * here is used as written; `null` sends that field's messages to `formErrors`.
   */
  readonly fieldMap?: Readonly<Record<string, string | null>>;
  /** Renames the fields `fieldMap` does not: `account_number` ⇄ `accountNumber`. Default: as sent. */
  readonly case?: 'camel' | 'snake';
  /** The language of the form-level message (see `userMessage`); default `'en'`. */
  readonly locale?: MessageLocale | (string & {});
  /** Writes the form-level message instead of `userMessage`, e.g. an app's own `createUserMessage()`. */
  readonly userMessage?: UserMessage;
}

/**
 * Splits an error into form-level and per-field messages, as a form shows them. Field messages
 * are the provider's own texts, made safe,, under your form's field names. With no field to show
 * them on, the form gets one message for end users in `locale`, never the provider's text.
 * Works the same for Cardda's field map, Clara's `details` and `validateClaraRequest`.
 *
 * @example
 * toFormErrors(error, { case: 'camel', fieldMap: { bank_id: 'bank' } });
 * // → { formErrors: [], fieldErrors: { rut: ["can't be blank", 'is invalid'], accountNumber: [...], bank: [...] } }
 */
export function toFormErrors(error: UserMessageInput, options: FormErrorsOptions = {}): FormErrors {
  try {
    return splitErrors(error, options ?? {});
  } catch {
    // A revoked proxy or a throwing getter: an error that cannot be read has no field to show.
    return { formErrors: [userMessage(UNREADABLE)], fieldErrors: {} };
  }
}

/** What an error that cannot be read is shown as. */
const UNREADABLE: UserMessageInput = { kind: 'unknown', code: 'unknown' };

function splitErrors(error: UserMessageInput, options: FormErrorsOptions): FormErrors {
  const formErrors: string[] = [];
  const fieldErrors: Record<string, string[]> = {};
  const source = isPlainRecord(error) && isPlainRecord(error.fieldErrors) ? error.fieldErrors : {};
  for (const [field, messages] of Object.entries(source)) {
    if (!Array.isArray(messages)) continue;
    const texts = messages.filter((message): message is string => typeof message === 'string');
    const name = formFieldName(field, options);
    if (name === null) formErrors.push(...texts);
    else
      fieldErrors[name] = [
        ...(Object.hasOwn(fieldErrors, name) ? (fieldErrors[name] ?? []) : []),
        ...texts,
      ];
  }
  if (Object.keys(fieldErrors).length === 0 && formErrors.length === 0) {
    const message = options.userMessage ?? userMessage;
    formErrors.push(message(withoutFields(error), options.locale));
  }
  return { formErrors, fieldErrors };
}

function formFieldName(field: string, options: FormErrorsOptions): string | null {
  const { fieldMap } = options;
  if (fieldMap !== undefined && Object.hasOwn(fieldMap, field)) return fieldMap[field] ?? null;
  if (options.case === 'camel') return toCamelCase(field);
  if (options.case === 'snake') return toSnakeCase(field);
  return field;
}

function withoutFields(error: UserMessageInput): UserMessageInput {
  if (!isPlainRecord(error)) return error;
  const { fieldErrors: _fields, ...rest } = error;
  return rest;
}
