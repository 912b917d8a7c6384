import { cardda } from '@issuer-errors/cardda';
import { clara } from '@issuer-errors/clara';
import {
  type IssuerError,
  type IssuerErrorJson,
  type ProblemDetails,
  toProblemDetails,
} from '@issuer-errors/core';
import { adviceFor } from './advice';
import type { RawHttpResponse } from './parse-transcript';

/** The issuers `explain` knows. */
export const EXPLAINED_PROVIDERS = ['clara', 'cardda'] as const;

/** One of {@link EXPLAINED_PROVIDERS}. */
export type ExplainedProvider = (typeof EXPLAINED_PROVIDERS)[number];

/** What `issuer-errors explain` prints of an error response, as data: `--json` prints exactly this. */
export interface Explanation {
  /** The normalized error, as `IssuerError.toJSON()` writes it. */
  readonly error: IssuerErrorJson;
  /** What to do about it, most useful first. */
  readonly advice: readonly string[];
  /** The problem+json a backend would answer with. */
  readonly problem: ProblemDetails;
}

/** What `issuer-errors explain` says of a response below 400: it is not an error. */
export interface NotAnErrorExplanation {
  /** The response's status, 100 to 399. */
  readonly status: number;
  /** No error to show. */
  readonly error: null;
  /** Why there is nothing to explain. */
  readonly advice: readonly string[];
}

/**
 * Normalizes a raw error response with the provider's adapter and says what to do about it;
 * a response below 400 is not an error, and is said to be one.
 */
export function explainResponse(
  provider: ExplainedProvider,
  response: RawHttpResponse,
): Explanation | NotAnErrorExplanation {
  if (response.status < 400) {
    const advice = `HTTP ${response.status} is not an error: the provider accepted the request, so there is nothing to explain.`;
    return { status: response.status, error: null, advice: [advice] };
  }
  const adapter = provider === 'clara' ? clara : cardda;
  const error: IssuerError = adapter.normalize(response);
  return { error: error.toJSON(), advice: adviceFor(error), problem: toProblemDetails(error) };
}
