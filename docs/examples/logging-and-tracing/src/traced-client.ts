import { type CarddaClientOptions, createCarddaClient } from '@issuer-errors/cardda';
import { type Logger, logIssuerError, recordIssuerError, type SpanLike } from './observe-errors';

/** A Cardda client that logs each retry and each final error, and marks the active span. */
export function createObservedClient(
  options: CarddaClientOptions,
  logger: Logger & { warn(fields: object, message: string): void },
  activeSpan: () => SpanLike | undefined,
) {
  return createCarddaClient({
    ...options,
    onRetry: ({ attempt, delayMs, error }) =>
      logger.warn({ attempt, delayMs, code: error.code, requestId: error.requestId }, 'retrying'),
    onError: (error) => {
      logIssuerError(logger, error);
      const span = activeSpan();
      if (span !== undefined) recordIssuerError(span, error);
    },
  });
}
