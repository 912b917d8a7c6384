import { toHttpStatus } from '../http/http-status';
import { redactHeaders } from '../http/redact-headers';
import { clampDelayMs } from '../http/retry-after';
import { redactBody } from '../safety/redact-body';
import { toSafeCause } from '../safety/safe-cause';
import { MAX_SHORT_FIELD_BYTES, toSafeLine, toShortField } from '../safety/safe-text';
import { ERROR_CODES, type ErrorCodeOf } from './error-codes';
import type { ErrorKind } from './error-kinds';
import { type FieldErrors, mergeFieldErrors } from './field-errors';
import type {
  ErrorOutcome,
  IssuerErrorInit,
  IssuerErrorJson,
  RawResponseSnapshot,
  RetryRefusal,
} from './issuer-error-types';
import { KIND_RETRY_DEFAULTS } from './kind-retry-defaults';
import { toCount } from './to-count';

const BRAND: unique symbol = Symbol.for('issuer-errors.IssuerError');

/**
 * Marks an init whose text `normalize` has already made safe (it must, to match rules on it), so
 * no text is made safe twice. Core's own: no entry point exports it, so text from anywhere else
 * is always made safe here. Numbers are checked whatever the init.
 */
export const SAFE_TEXT: unique symbol = Symbol();

/**
 * An init whose text is as this constructor would make it: `message` and `fieldErrors` safe,
 * `provider`, `providerCode`, `requestId` and `timestamp` safe and within 128 bytes.
 */
export type SafeTextInit = IssuerErrorInit & {
  readonly [SAFE_TEXT]: true;
  readonly fieldErrors: FieldErrors;
};

/**
 * The one error every issuer call ends in. Carries facts, not prose: the
 * `kind` to switch on, the fine `code`, the provider's code and status, retry
 * advice, the request id, field errors and a redacted copy of the response.
 * Nothing on it — `String()`, `stack`, JSON, `util.inspect`, `cause` — holds a
 * credential or a full card number.
 *
 * @example
 * const error = new IssuerError({ provider: 'cardda', code: 'rate_limited', message: 'Slow down', retryAfterMs: 1000 });
 * error.kind; // 'rate_limited'
 * error.retryable; // true
 */
export class IssuerError<K extends ErrorKind = ErrorKind> extends Error {
  /** `'clara'`, `'cardda'`, or a third-party adapter's name. */
  declare readonly provider: string;
  /** The coarse class to switch on. */
  declare readonly kind: K;
  /** The canonical fine code, one of the kind's codes. */
  declare readonly code: ErrorCodeOf<K>;
  /** The provider's own code as sent. */
  declare readonly providerCode?: string;
  /** The HTTP status; absent for network, timeout and cancelled errors. */
  declare readonly status?: number;
  /** Whether the error class is transient. */
  declare readonly retryable: boolean;
  /** The least wait before a retry, `0…24 h`. */
  declare readonly retryAfterMs?: number;
  /** Whether the provider may have acted on the request. */
  declare readonly outcome: ErrorOutcome;
  /** Invalid fields by the provider's field name; empty when none. */
  declare readonly fieldErrors: FieldErrors;
  /** The provider's request id, for support tickets. */
  declare readonly requestId?: string;
  /** The provider's timestamp, as sent. */
  declare readonly timestamp?: string;
  /** How many attempts the client made. */
  declare readonly attempts?: number;
  /** How long the client waited between attempts in all. */
  declare readonly totalRetryDelayMs?: number;
  /** What kept the client from retrying this error: its retry budget, or the issuer's breaker. */
  declare readonly retryRefusedBy?: RetryRefusal;
  /** The response the error was made from; a private field, so no surface of the error shows it. */
  #rawInput: IssuerErrorInit['raw'];
  /** The redacted response, made on the first read of `raw`. */
  #rawSnapshot: RawResponseSnapshot | undefined;

  constructor(init: IssuerErrorInit<ErrorCodeOf<K>>) {
    const safe = (init as Partial<SafeTextInit>)[SAFE_TEXT] === true;
    const cause = toSafeCause(init.cause);
    super(
      safe ? init.message : toSafeLine(String(init.message)),
      cause === undefined ? undefined : { cause },
    );
    this.#rawInput = init.raw;
    assignFacts(this, init, safe);
  }

  /**
   * The provider's response, redacted: allow-listed headers and a bounded copy of the body.
   * Redacted on the first read: most errors are handled by `kind` and never read it.
   */
  get raw(): RawResponseSnapshot {
    if (this.#rawSnapshot === undefined) {
      this.#rawSnapshot = snapshot(this.#rawInput);
      this.#rawInput = undefined;
    }
    return this.#rawSnapshot;
  }

  /** A copy with some facts replaced, e.g. the client's `attempts`; provider and code stay. */
  with(changes: Partial<Omit<IssuerErrorInit, 'provider' | 'code'>>): IssuerError<K> {
    return new IssuerError<K>({ ...this.toInit(), ...changes });
  }

  /** The stable JSON shape ({@link IssuerErrorJson}); `cause` is left out. {@link issuerErrorFromJSON} reads it back. */
  toJSON(): IssuerErrorJson {
    const { cause: _cause, ...init } = this.toInit();
    return { name: 'IssuerError', kind: this.kind, ...init, raw: this.raw } as IssuerErrorJson;
  }

  private toInit(): IssuerErrorInit<ErrorCodeOf<K>> {
    const init: Record<string, unknown> = {
      provider: this.provider,
      code: this.code,
      message: this.message,
      providerCode: this.providerCode,
      status: this.status,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      outcome: this.outcome,
      fieldErrors: this.fieldErrors,
      requestId: this.requestId,
      timestamp: this.timestamp,
      attempts: this.attempts,
      totalRetryDelayMs: this.totalRetryDelayMs,
      retryRefusedBy: this.retryRefusedBy,
      // A copy made before `raw` was read redacts it when its own is read.
      raw: this.#rawSnapshot ?? this.#rawInput,
      cause: this.cause,
    };
    for (const key of Object.keys(init)) if (init[key] === undefined) delete init[key];
    return init as unknown as IssuerErrorInit<ErrorCodeOf<K>>;
  }
}

Object.defineProperty(IssuerError.prototype, 'name', { value: 'IssuerError', writable: true });
Object.defineProperty(IssuerError.prototype, BRAND, { value: true });

/**
 * Whether `value` is an {@link IssuerError}, also when it comes from another copy
 * of this package (where `instanceof` fails).
 *
 * @example
 * try { await pay(); } catch (error) {
 *   if (isIssuerError(error) && error.kind === 'rate_limited') scheduleRetry(error.retryAfterMs);
 * }
 */
export function isIssuerError(value: unknown): value is IssuerError {
  try {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === true
    );
  } catch {
    // A revoked proxy or a throwing getter is not an IssuerError.
    return false;
  }
}

function snapshot(raw: IssuerErrorInit['raw']): RawResponseSnapshot {
  const status = toHttpStatus(raw?.status);
  const body = redactBody(raw?.body);
  return {
    ...(status === undefined ? {} : { status }),
    headers: redactHeaders(raw?.headers),
    ...(body === undefined ? {} : { body }),
  };
}

/** Sets the error's facts, making safe those `normalize` did not, and its kind's defaults. */
function assignFacts(error: IssuerError, init: IssuerErrorInit, safe: boolean): void {
  const target = error as unknown as Record<string, unknown>;
  const short = safe ? keepText : toShortField;
  const kind = ERROR_CODES[init.code];
  const defaults = KIND_RETRY_DEFAULTS[kind];
  target.provider = safe ? init.provider : toSafeLine(String(init.provider), MAX_SHORT_FIELD_BYTES);
  target.kind = kind;
  target.code = init.code;
  target.retryable = init.retryable ?? defaults.retryable;
  target.outcome = init.outcome ?? defaults.outcome;
  target.fieldErrors = safe ? init.fieldErrors : mergeFieldErrors(init.fieldErrors ?? {});
  assignDefined(error, 'providerCode', short(init.providerCode));
  assignDefined(error, 'status', toHttpStatus(init.status));
  assignDefined(error, 'retryAfterMs', clampDelayMs(init.retryAfterMs));
  assignDefined(error, 'requestId', short(init.requestId));
  assignDefined(error, 'timestamp', short(init.timestamp));
  assignDefined(error, 'attempts', toCount(init.attempts));
  assignDefined(error, 'totalRetryDelayMs', toCount(init.totalRetryDelayMs));
  assignDefined(error, 'retryRefusedBy', toRetryRefusal(init.retryRefusedBy));
}

function assignDefined(target: IssuerError, key: keyof IssuerError, value: unknown) {
  if (value !== undefined) (target as unknown as Record<string, unknown>)[key] = value;
}

function toRetryRefusal(value: unknown): RetryRefusal | undefined {
  return value === 'retry_budget' || value === 'breaker' ? value : undefined;
}

function keepText(value: unknown): string | undefined {
  return value as string | undefined;
}
