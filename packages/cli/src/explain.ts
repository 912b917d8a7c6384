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

/** What `issuer-errors explain` prints, as data: `--json` prints exactly this. */
export interface Explanation {
  /** The normalized error, as `IssuerError.toJSON()` writes it. */
  readonly error: IssuerErrorJson;
  /** What to do about it, most useful first. */
  readonly advice: readonly string[];
  /** The problem+json a backend would answer with. */
  readonly problem: ProblemDetails;
}

/** Normalizes a raw response with the provider's adapter and says what to do about it. */
export function explainResponse(
  provider: ExplainedProvider,
  response: RawHttpResponse,
): Explanation {
  const adapter = provider === 'clara' ? clara : cardda;
  const error: IssuerError = adapter.normalize(response);
  return { error: error.toJSON(), advice: adviceFor(error), problem: toProblemDetails(error) };
}
