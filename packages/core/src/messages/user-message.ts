import { catalogEn } from './catalog-en';
import { catalogEs } from './catalog-es';
import { catalogPtBr } from './catalog-pt-br';
import { fieldLabel } from './field-label';
import type {
  BuiltInLocale,
  CatalogOverride,
  MessageCatalog,
  MessageLocale,
} from './message-catalog';

const MAX_NAMED_FIELDS = 5;

/**
 * What `userMessage` reads of an error: an `IssuerError`, or its JSON passed on to a front
 * end. Anything else, or a code or kind it does not know, gets the `unknown` message.
 */
export interface UserMessageInput {
  /** The error's kind. */
  readonly kind: string;
  /** The error's fine code. */
  readonly code: string;
  /** `'unknown'` adds the "check whether it went through" sentence. */
  readonly outcome?: string;
  /** The invalid fields; only their names are used, never the provider's texts. */
  readonly fieldErrors?: Readonly<Record<string, readonly string[]>>;
}

/** A function that turns an error into a message for end users, in a locale. */
export type UserMessage = (
  error: UserMessageInput,
  locale?: MessageLocale | (string & {}),
) => string;

/** Options of {@link createUserMessage}. */
export interface UserMessageOptions {
  /** Changes to the built-in catalogs: your own wording of some codes, more field labels. */
  readonly overrides?: Partial<Readonly<Record<BuiltInLocale, CatalogOverride>>>;
  /** More languages, or a country of its own (`'es-CL'`), each a complete catalog. */
  readonly locales?: Readonly<Record<string, MessageCatalog>>;
  /** Where an unknown or missing locale goes; default `'en'`. */
  readonly defaultLocale?: MessageLocale | (string & {});
}

/**
 * Makes a {@link UserMessage} with an app's own wording and languages.
 *
 * @example
 * const message = createUserMessage({
 *   overrides: { es: { codes: { credit_limit_exceeded: 'Tu empresa no tiene cupo para este monto.' } } },
 *   locales: { fr: catalogFr },
 * });
 * message(error, 'es-MX'); // → 'Tu empresa no tiene cupo para este monto.'
 */
export function createUserMessage(options: UserMessageOptions = {}): UserMessage {
  const catalogs = new Map<string, MessageCatalog>();
  const builtIns: readonly [BuiltInLocale, MessageCatalog][] = [
    ['en', catalogEn],
    ['es', catalogEs],
    ['pt-BR', catalogPtBr],
  ];
  for (const [locale, catalog] of builtIns) {
    catalogs.set(locale, withOverride(catalog, options.overrides?.[locale]));
  }
  for (const [locale, catalog] of Object.entries(options.locales ?? {})) {
    const tag = canonicalTag(locale);
    if (tag !== undefined) catalogs.set(tag, catalog);
  }
  const english = catalogs.get('en') as MessageCatalog;
  const fallback = findCatalog(catalogs, options.defaultLocale) ?? english;
  return (error, locale) => compose(findCatalog(catalogs, locale) ?? fallback, error);
}

let builtInUserMessage: UserMessage | undefined;

/**
 * A message for the person using the app, in `locale` (`en`, `es`, `es-MX`, `es-CL`,
 * `es-CO`, `pt-BR`; any other Spanish or Portuguese tag falls back to its language, the rest to
 * English). It never shows provider codes, request ids or provider texts: only catalog texts, and
 * the invalid fields in plain words.
 *
 * @example
 * userMessage(error, 'es-CL'); // → 'Algunos datos no son válidos. Revise estos datos: RUT, número de cuenta y banco.'
 */
export const userMessage: UserMessage = (error, locale) => {
  builtInUserMessage ??= createUserMessage();
  return builtInUserMessage(error, locale);
};

function compose(catalog: MessageCatalog, error: UserMessageInput): string {
  try {
    return sentencesFor(catalog, error);
  } catch {
    // A revoked proxy or a throwing getter: an error that cannot be read is an unknown one.
    return catalog.kinds.unknown;
  }
}

function sentencesFor(catalog: MessageCatalog, error: UserMessageInput): string {
  const sentences = [mainSentence(catalog, error)];
  const fields = namedFields(catalog, error.fieldErrors);
  if (fields.length > 0) {
    sentences.push(catalog.checkFields(listFormat(catalog.locale).format(fields)));
  }
  if (error.outcome === 'unknown') sentences.push(catalog.mayHaveGoneThrough);
  return sentences.join(' ');
}

function mainSentence(catalog: MessageCatalog, error: UserMessageInput): string {
  const { codes, kinds } = catalog as {
    codes: Readonly<Record<string, string>>;
    kinds: Readonly<Record<string, string>>;
  };
  if (typeof error.code === 'string' && Object.hasOwn(codes, error.code)) {
    return codes[error.code] as string;
  }
  if (typeof error.kind === 'string' && Object.hasOwn(kinds, error.kind)) {
    return kinds[error.kind] as string;
  }
  return catalog.kinds.unknown;
}

function namedFields(catalog: MessageCatalog, fieldErrors: unknown): string[] {
  if (typeof fieldErrors !== 'object' || fieldErrors === null) return [];
  const labels = new Set<string>();
  for (const field of Object.keys(fieldErrors)) {
    const label = fieldLabel(field, catalog.fieldLabels);
    if (label !== undefined) labels.add(label);
    if (labels.size === MAX_NAMED_FIELDS) break;
  }
  return [...labels];
}

function withOverride(catalog: MessageCatalog, override: CatalogOverride | undefined) {
  if (override === undefined) return catalog;
  return {
    ...catalog,
    ...override,
    kinds: { ...catalog.kinds, ...override.kinds },
    codes: { ...catalog.codes, ...override.codes },
    fieldLabels: { ...catalog.fieldLabels, ...override.fieldLabels },
  } as MessageCatalog;
}

function findCatalog(
  catalogs: ReadonlyMap<string, MessageCatalog>,
  locale: string | undefined,
): MessageCatalog | undefined {
  const tag = canonicalTag(locale);
  if (tag === undefined) return undefined;
  const exact = catalogs.get(tag);
  if (exact !== undefined) return exact;
  const language = tag.split('-')[0] as string;
  const ofLanguage = catalogs.get(language);
  if (ofLanguage !== undefined) return ofLanguage;
  for (const [candidate, catalog] of catalogs) {
    if (candidate.startsWith(`${language}-`)) return catalog;
  }
  return undefined;
}

function canonicalTag(locale: unknown): string | undefined {
  if (typeof locale !== 'string') return undefined;
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

const listFormats = new Map<string, Intl.ListFormat>();

function listFormat(locale: string): Pick<Intl.ListFormat, 'format'> {
  let format = listFormats.get(locale);
  if (format === undefined) {
    try {
      format = new Intl.ListFormat(locale, { type: 'conjunction' });
    } catch {
      return { format: (items) => [...items].join(', ') };
    }
    listFormats.set(locale, format);
  }
  return format;
}
