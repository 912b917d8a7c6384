import { IssuerError, isIssuerError } from '../error/issuer-error';
import { readBoundedText } from '../http/read-body';
import { DEFAULT_TIMEOUT_MS } from '../http/time-limits';
import type { AdapterConfig, IssuerAdapter } from './adapter-types';
import { classifyThrown } from './classify-thrown';
import { findRule } from './find-rule';
import { createNormalizer } from './normalize';

/**
 * Turns a provider's declarative description — a lenient body schema, which
 * body keys hold what, how it names invalid fields, a rules table and its retry
 * guidance — into an adapter with the same surface as every other.
 *
 * @example
 * import { defineAdapter, lenientObject } from '@issuer-errors/core';
 *
 * export const acme = defineAdapter({
 *   name: 'acme',
 *   displayName: 'Acme',
 *   bodySchema: lenientObject({ code: 'string', message: 'string' }),
 *   bodyFields: { providerCode: 'code', message: 'message' },
 *   rules: [
 *     { status: 429, code: 'rate_limited' },
 *     { status: 400, code: 'invalid_request' },
 *   ],
 *   retry: { backoff: { baseMs: 500, factor: 2, maxMs: 20_000, jitter: 'full' } },
 * });
 *
 * acme.normalize({ status: 429, body: '{"message":"slow down"}' }).kind; // 'rate_limited'
 */
export function defineAdapter<Body extends object>(config: AdapterConfig<Body>): IssuerAdapter {
  const displayName = config.displayName ?? config.name;
  const { normalize, made, foundRule } = createNormalizer(config, displayName);

  const fromThrown = (error: unknown): IssuerError => {
    if (isIssuerError(error)) return error;
    const response = responseOf(error);
    if (response !== undefined) {
      return normalize({ status: response.status, headers: response.headers });
    }
    const { code, outcome, message } = classifyThrown(error);
    return new IssuerError({
      provider: config.name,
      code,
      outcome,
      message: `${displayName}: ${message}`,
      cause: error,
    });
  };

  const fromResponse: IssuerAdapter['fromResponse'] = async (response, options) => {
    try {
      const { text } = await readBoundedText(response, {
        signal: options?.signal,
        timeoutMs: options?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
      return normalize({ status: response.status, headers: response.headers, body: text });
    } catch (error) {
      return fromThrown(error);
    }
  };

  return {
    name: config.name,
    displayName,
    rules: config.rules,
    retry: config.retry,
    normalize,
    fromResponse,
    fromThrown,
    // An error this adapter did not make (a copy, one read back from JSON) is matched again.
    ruleFor: (error) =>
      made(error)
        ? foundRule(error)
        : findRule(config.rules, {
            status: error.status,
            providerCode: error.providerCode,
            message: error.message,
          }),
  };
}

/** ky's `HTTPError` (both majors) carries the response; its request, with credentials, is never kept. */
function responseOf(error: unknown): { status: number; headers: Headers } | undefined {
  try {
    const { response } = error as { response: { status?: unknown; headers?: unknown } };
    const { status, headers } = response;
    return typeof status === 'number' && headers instanceof Headers
      ? { status, headers }
      : undefined;
  } catch {
    // No response to destructure (null, undefined), or a throwing getter.
    return undefined;
  }
}
