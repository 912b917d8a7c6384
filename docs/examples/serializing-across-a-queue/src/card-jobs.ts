import { type IssuerError, type IssuerErrorJson, issuerErrorFromJSON } from '@issuer-errors/core';

/** A card to issue, and the error of its last attempt: plain JSON, fit for any queue. */
export interface CardJob {
  readonly userId: string;
  readonly threshold: number;
  readonly lastError?: IssuerErrorJson;
}

/** What the worker does with a job whose last attempt failed. */
export type NextStep =
  | { readonly action: 'run-at'; readonly at: number }
  | { readonly action: 'give-up'; readonly reason: string }
  | { readonly action: 'dead-letter'; readonly reason: string };

/** Producer side: the error travels as its stable JSON shape (`cause` is left behind). */
export function toMessage(job: Omit<CardJob, 'lastError'>, error: IssuerError): string {
  return JSON.stringify({ ...job, lastError: error.toJSON() } satisfies CardJob);
}

/** Worker side: the error comes back as an `IssuerError`, every field validated. */
export function nextStep(message: string, now: number): NextStep {
  const read = issuerErrorFromJSON(readJob(message)?.lastError);
  if (read.isErr()) return { action: 'dead-letter', reason: read.error.message };
  const error = read.value;
  if (!error.retryable) return { action: 'give-up', reason: `${error.kind}/${error.code}` };
  if (error.outcome === 'unknown') return { action: 'give-up', reason: 'check before resending' };
  return { action: 'run-at', at: now + (error.retryAfterMs ?? 60_000) };
}

function readJob(message: string): CardJob | undefined {
  try {
    return JSON.parse(message) as CardJob;
  } catch {
    return undefined;
  }
}
