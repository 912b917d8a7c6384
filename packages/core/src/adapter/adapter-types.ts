import type { ErrorCode } from '../error/error-codes';
import type { ErrorKind } from '../error/error-kinds';
import type { FieldErrors } from '../error/field-errors';
import type { IssuerError } from '../error/issuer-error';
import type { ErrorOutcome } from '../error/issuer-error-types';
import type { HeadersInput } from '../http/headers';
import type { StandardSchemaV1 } from './standard-schema';

/** A provider's error response as an adapter receives it. */
export interface RawErrorInput {
  /** The HTTP status. Anything that is not an integer 100–599 is treated as missing. */
  readonly status: number;
  /** The response headers, as a `Headers` object or a plain record in any casing. */
  readonly headers?: HeadersInput | undefined;
  /** The raw body text (JSON is parsed safely; anything else is kept as text) or an already-parsed value. */
  readonly body?: unknown;
}

/**
 * One row of an adapter's rules table. A row matches when its `status` matches
 * (or is omitted) and, if it names a `providerCode` or a `message` pattern, when
 * either of them matches. The first matching row wins.
 */
export interface ErrorRule {
  /** Names the row, unique in its table: the provider's guidance for it is kept under this id. */
  readonly id?: string;
  /** HTTP statuses the row applies to; omitted: any status. */
  readonly status?: number | readonly number[];
  /** The provider's codes the row applies to, matched exactly. */
  readonly providerCode?: string | readonly string[];
  /** A pattern the provider's message matches (no `g` flag). */
  readonly message?: RegExp;
  /** The canonical code; the kind follows from it. */
  readonly code: ErrorCode;
  /** Overrides the kind's default. */
  readonly retryable?: boolean;
  /** The provider's documented wait before a retry, used when no `Retry-After` or body hint came. */
  readonly retryAfterMs?: number;
  /** The provider's documented limit on retries of this error (Clara: a 500 is retried once). */
  readonly maxRetries?: number;
  /** Overrides the kind's default. */
  readonly outcome?: ErrorOutcome;
  /** The field the error is about: a fixed name, or the first capture group of a pattern run on the message. */
  readonly field?: string | { readonly fromMessage: RegExp };
}

/**
 * The provider's guidance for one row of a rules table, for the generated docs and
 * support tools. An adapter keeps its guidance apart from its rules, by each rule's `id`,
 * so that apps do not bundle the prose with the rules.
 */
export interface RuleGuidance {
  /** When the provider sends this, in the provider's words. */
  readonly description: string;
  /** What to do about it, from the provider's guidance. */
  readonly action: string;
}

/** Body keys whose value is (or may be) a string. */
export type KeysOf<Body> = Extract<keyof Body, string>;

/** Where a provider's error body keeps each fact: one body key, or several in order of preference. */
export interface ErrorBodyFields<Body> {
  readonly providerCode?: KeysOf<Body> | readonly KeysOf<Body>[];
  readonly message?: KeysOf<Body> | readonly KeysOf<Body>[];
  readonly timestamp?: KeysOf<Body> | readonly KeysOf<Body>[];
  /** A retry hint in seconds inside the body (Cardda: `retry_after`). */
  readonly retryAfterSeconds?: KeysOf<Body> | readonly KeysOf<Body>[];
}

/**
 * Where a provider's body names invalid fields, and how to read them: `fieldErrorsFromMap` for a
 * field map (`{ errors: { rut: [...] } }`), `fieldErrorsFromDetails` for a details list (or
 * `(value) => fieldErrorsFromDetails(value, shape)` for other key names), or a reader of your own.
 * A reference, not a name: an app's bundle carries only the reader its adapters use.
 */
export interface FieldErrorSource<Body> {
  /** The body key holding them. */
  readonly key: KeysOf<Body>;
  /** Reads the value at `key`, whatever it is, into field errors. */
  readonly read: (value: unknown) => FieldErrors;
}

/** A backoff policy: wait `baseMs * factor^attempt` (attempt counts from 0), capped at `maxMs`, with jitter. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly factor: number;
  readonly maxMs: number;
  /** `'full'`: a uniform wait in `[0, delay]`; `{ addMs }`: the delay plus a uniform `[0, addMs]`. */
  readonly jitter: 'full' | { readonly addMs: number };
}

/** A provider's documented retry policy. */
export interface RetryPolicy {
  /** The backoff used when an error carries no `retryAfterMs`. */
  readonly backoff: BackoffPolicy;
  /** Per-kind overrides of the backoff and of how many retries are allowed. */
  readonly byKind?: Partial<
    Record<ErrorKind, { readonly backoff?: BackoffPolicy; readonly maxRetries?: number }>
  >;
  /**
   * The provider limits reads (GET, HEAD) and writes apart (Clara): a client keeps a budget
   * and a cooldown for each, so a 429 on a write never slows reads, nor the reverse.
   */
  readonly limitsReadsAndWritesApart?: boolean;
  /**
   * What the provider's docs say to do when failures persist (whom to contact, with what): the
   * outage report's `advice`. Default: contact the provider's support with the request ids.
   */
  readonly whenPersistent?: string;
}

/** The declarative description of one provider, handed to `defineAdapter`. */
export interface AdapterConfig<Body extends object> {
  /** The provider's id, set as `error.provider`: `'clara'`, `'cardda'`. */
  readonly name: string;
  /** The provider's name in messages: `'Clara'`. Defaults to `name`. */
  readonly displayName?: string;
  /**
   * A lenient schema of the provider's error bodies (fields of the wrong type read
   * as absent): a `lenientObject`, or any Standard Schema that validates synchronously.
   */
  readonly bodySchema: StandardSchemaV1<unknown, Body>;
  /** Which body keys hold the code, message, timestamp and retry hint. */
  readonly bodyFields: ErrorBodyFields<Body>;
  /** How the body names invalid fields. */
  readonly fieldErrors?: FieldErrorSource<Body>;
  /** The rules table, first match wins. Unmatched input is `unknown`, with the provider's code and message kept. */
  readonly rules: readonly ErrorRule[];
  /** The documented retry policy. */
  readonly retry: RetryPolicy;
}

/** Options of `adapter.fromResponse`. */
export interface FromResponseOptions {
  /** Stops reading the body when aborted. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Stops reading the body after this many milliseconds (default 10 000, a client attempt's
   * default; `Infinity` for no limit), then normalizes what arrived: a body that never ends
   * cannot hold the caller for ever.
   */
  readonly timeoutMs?: number | undefined;
}

/** What `defineAdapter` returns: the same surface for every provider. */
export interface IssuerAdapter {
  /** The provider's id. */
  readonly name: string;
  /** The provider's display name. */
  readonly displayName: string;
  /** The rules table, from which the docs' mapping tables are generated. */
  readonly rules: readonly ErrorRule[];
  /** The documented retry policy. */
  readonly retry: RetryPolicy;
  /** Turns a raw error response into an `IssuerError`. Total: never throws, whatever it is given. */
  readonly normalize: (input: RawErrorInput) => IssuerError;
  /** Reads at most 64 KiB of the body, once, for at most `timeoutMs` (10 s), and normalizes. Never rejects. */
  readonly fromResponse: (
    response: Response,
    options?: FromResponseOptions,
  ) => Promise<IssuerError>;
  /** Turns a thrown fetch/undici/ky/DOM error into `network`, `timeout`, `cancelled` or `unknown`; an `IssuerError` comes back unchanged. */
  readonly fromThrown: (error: unknown) => IssuerError;
  /**
   * The rule an error was normalized by, if any (for its `maxRetries`): the very rule `normalize`
   * found, or, for an error it did not make (a copy, one read back from JSON), the rule its
   * status, provider code and message match.
   */
  readonly ruleFor: (error: IssuerError) => ErrorRule | undefined;
}
