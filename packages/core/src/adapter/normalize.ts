import { addFieldError, type FieldErrors } from '../error/field-errors';
import { IssuerError, SAFE_TEXT, type SafeTextInit } from '../error/issuer-error';
import { toHttpStatus } from '../http/http-status';
import { getRequestId } from '../http/request-id';
import { clampDelayMs, retryAfterFromHeaders } from '../http/retry-after';
import { MAX_SHORT_FIELD_BYTES, toSafeLine, toShortField } from '../safety/safe-text';
import type { AdapterConfig, ErrorRule, RawErrorInput } from './adapter-types';
import { findRule, ruleField } from './find-rule';
import { readErrorBody } from './read-error-body';

/** An adapter's `normalize`, and the rule it found for each error it made. */
export interface Normalizer {
  readonly normalize: (input: RawErrorInput) => IssuerError;
  /** Whether `normalize` made `error`. */
  readonly made: (error: IssuerError) => boolean;
  /** The rule `normalize` matched for an error it made; `undefined` when none matched. */
  readonly foundRule: (error: IssuerError) => ErrorRule | undefined;
}

/**
 * The adapter's `normalize`: one raw error response to an `IssuerError`, by the adapter's
 * configuration. Never throws. The error is built in the function the adapter exposes, so its
 * stack reads `IssuerError`, `normalize`, then the caller, as a hand-written `new ApiError()` would.
 */
export function createNormalizer<Body extends object>(
  config: AdapterConfig<Body>,
  displayName: string,
): Normalizer {
  const provider = toSafeLine(String(config.name), MAX_SHORT_FIELD_BYTES);
  const rulesFound = new WeakMap<IssuerError, ErrorRule | undefined>();
  const normalize = (input: RawErrorInput): IssuerError => {
    try {
      const { init, rule } = readErrorInit(config, provider, displayName, input);
      const error = new IssuerError(init);
      rulesFound.set(error, rule);
      return error;
    } catch (cause) {
      return new IssuerError({
        provider,
        code: 'unknown',
        message: `${displayName}: the error response could not be read`,
        cause,
      });
    }
  };
  return {
    normalize,
    made: (error) => rulesFound.has(error),
    foundRule: (error) => rulesFound.get(error),
  };
}

/** The facts of one raw error response, made safe, as the adapter's configuration reads them, and the rule they matched. */
function readErrorInit<Body extends object>(
  config: AdapterConfig<Body>,
  provider: string,
  displayName: string,
  input: RawErrorInput,
): { readonly init: SafeTextInit; readonly rule: ErrorRule | undefined } {
  const status = toHttpStatus(input?.status);
  const headers = input?.headers;
  const facts = readErrorBody(config, input?.body);
  const providerMessage = facts.message === undefined ? undefined : toSafeLine(facts.message);
  const providerCode = toShortField(facts.providerCode);
  // A body with only a code (Clara's older `error` field) is matched by its code text too.
  const rule = findRule(config.rules, {
    status,
    providerCode,
    message: providerMessage ?? providerCode,
  });
  const fieldErrors = withRuleField(facts.fieldErrors, rule, providerMessage);
  const init: SafeTextInit = {
    provider,
    code: rule?.code ?? 'unknown',
    message:
      providerMessage || toSafeLine(defaultMessage(displayName, status, providerCode, fieldErrors)),
    providerCode,
    status,
    retryable: rule?.retryable,
    retryAfterMs:
      retryAfterFromHeaders(headers) ??
      clampDelayMs((facts.retryAfterSeconds ?? NaN) * 1000) ??
      rule?.retryAfterMs,
    outcome: rule?.outcome,
    fieldErrors,
    requestId: getRequestId(headers),
    timestamp: toShortField(facts.timestamp),
    raw: { status, headers, body: facts.body },
    [SAFE_TEXT]: true,
  };
  return { init, rule };
}

/** A rule's field when the provider sent no message about it: Cardda's own wording for a bad field. */
const FIELD_WITHOUT_MESSAGE = 'is invalid';

/** The body's field errors plus the field the rule names, made safe as the body's are. */
function withRuleField(
  fieldErrors: FieldErrors,
  rule: ErrorRule | undefined,
  message: string | undefined,
): FieldErrors {
  if (rule === undefined) return fieldErrors;
  const field = ruleField(rule, message);
  if (field === undefined) return fieldErrors;
  const withField = { ...fieldErrors };
  addFieldError(withField, field, [message ?? FIELD_WITHOUT_MESSAGE]);
  return withField;
}

function defaultMessage(
  displayName: string,
  status: number | undefined,
  providerCode: string | undefined,
  fieldErrors: FieldErrors,
): string {
  const fields = Object.keys(fieldErrors);
  if (fields.length > 0) {
    return `${fields.length} invalid field${fields.length === 1 ? '' : 's'}: ${fields.join(', ')}`;
  }
  if (providerCode !== undefined) return `${displayName}: ${providerCode}`;
  if (status === undefined) return `${displayName} answered with an invalid HTTP status`;
  return `${displayName} answered with HTTP ${status}`;
}
