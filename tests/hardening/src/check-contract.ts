import { IssuerError, issuerErrorFromJSON } from '@issuer-errors/core';
import { issuerErrorJsonSchema } from './issuer-error-json-schema';

/** Throws with the first reason an error breaks the `IssuerError` contract; for properties. */
export function checkContract(error: unknown): void {
  if (!(error instanceof IssuerError)) throw new Error('not an IssuerError');
  const json = JSON.parse(JSON.stringify(error));
  const parsed = issuerErrorJsonSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    );
  }
  if (issuerErrorFromJSON(json).isErr()) throw new Error('toJSON output does not read back');
}
