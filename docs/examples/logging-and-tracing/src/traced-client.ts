import { type CarddaClientOptions, createCarddaClient } from '@issuer-errors/cardda';
import { recordOnSpan, type SpanLike, toLogFields } from '@issuer-errors/core';

/** What pino, winston and console-like loggers have in common. */
export interface Logger {
  error(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** A Cardda client that logs each retry and each final error, and marks the active span. */
export function createObservedClient(
  options: CarddaClientOptions,
  logger: Logger,
  activeSpan: () => SpanLike | undefined,
) {
  return createCarddaClient({
    ...options,
    onRetry: ({ attempt, delayMs, error }) =>
      logger.warn({ ...toLogFields(error), attempt, delayMs }, 'retrying issuer call'),
    onError: (error) => {
      logger.error(toLogFields(error), 'issuer call failed');
      recordOnSpan(activeSpan(), error);
    },
  });
}
