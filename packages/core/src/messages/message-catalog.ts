import type { ErrorCode } from '../error/error-codes';
import type { ErrorKind } from '../error/error-kinds';

/**
 * Every text an end user may see for one language. `kinds` and `codes` are complete
 * records, so a catalog missing a translation, or one written before a new code, does not compile.
 */
export interface MessageCatalog {
  /** The BCP 47 tag the catalog is written in; it also joins field names into a list (`Intl.ListFormat`). */
  readonly locale: string;
  /** One message per kind: used when an error's code is not in `codes` (an error from a newer version). */
  readonly kinds: Readonly<Record<ErrorKind, string>>;
  /** One message per fine code. */
  readonly codes: Readonly<Record<ErrorCode, string>>;
  /**
   * Plain words for field names, keyed in snake_case (`account_number`, `tax_id`): a provider's
   * `accountNumber`, `account_number` and `recipient.account_number` all find `account_number`.
   */
  readonly fieldLabels: Readonly<Record<string, string>>;
  /** The sentence naming the fields to fix; `fields` is already a list in this language. */
  readonly checkFields: (fields: string) => string;
  /** Added when the provider may have acted on the request (`outcome: 'unknown'`). */
  readonly mayHaveGoneThrough: string;
}

/** The languages with a built-in catalog. */
export type BuiltInLocale = 'en' | 'es' | 'pt-BR';

/**
 * The locales `userMessage` answers in: the built-in ones, and the Spanish of each
 * country the issuers serve, which falls back to `es`.
 */
export type MessageLocale = BuiltInLocale | 'es-MX' | 'es-CL' | 'es-CO';

/** Changes to a built-in catalog: any subset of its texts. */
export interface CatalogOverride {
  /** Replaces these kinds' messages. */
  readonly kinds?: Partial<Readonly<Record<ErrorKind, string>>>;
  /** Replaces these codes' messages. */
  readonly codes?: Partial<Readonly<Record<ErrorCode, string>>>;
  /** Adds or replaces field labels. */
  readonly fieldLabels?: Readonly<Record<string, string>>;
  /** Replaces the sentence naming the fields. */
  readonly checkFields?: (fields: string) => string;
  /** Replaces the sentence added when the request may have gone through. */
  readonly mayHaveGoneThrough?: string;
}
