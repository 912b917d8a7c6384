import { inspect } from 'node:util';
import { type IssuerError, toProblemDetails } from '@issuer-errors/core';

/** Every way an error is turned into text: what loggers, consoles and APIs print. */
export function errorSurfaces(error: IssuerError): Record<string, string> {
  const surfaces: Record<string, string> = {
    String: String(error),
    stack: String(error.stack),
    JSON: JSON.stringify(error),
    inspect: inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    problemDetails: JSON.stringify(toProblemDetails(error)),
  };
  let cause: unknown = error.cause;
  for (let depth = 0; cause !== undefined && cause !== null && depth < 10; depth += 1) {
    surfaces[`cause ${depth}`] = inspect(cause, {
      depth: Number.POSITIVE_INFINITY,
      showHidden: true,
    });
    surfaces[`cause ${depth} JSON`] = JSON.stringify(cause) ?? '';
    cause = (cause as { cause?: unknown }).cause;
  }
  return surfaces;
}
