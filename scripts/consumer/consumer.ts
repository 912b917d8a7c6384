// Type-checked as a user's code: under `nodenext` and `bundler`, with TypeScript 5.9 and 7.
import { type CarddaClientOptions, cardda, createCarddaClient } from '@issuer-errors/cardda';
import { clara, type createClaraClient } from '@issuer-errors/clara';
import { claraDateRangeSchema } from '@issuer-errors/clara/schemas';
import { type ErrorKind, type IssuerError, isIssuerError, toLogFields } from '@issuer-errors/core';
import { applyFieldErrors, type MessageCatalog, userMessage } from '@issuer-errors/core/messages';
import { createRedisRateStore } from '@issuer-errors/redis';
import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import { createClient, createCluster } from 'redis';

/** One exhaustive switch over every issuer's errors: a new kind must fail to compile here. */
export function describe(error: IssuerError): string {
  switch (error.kind) {
    case 'validation':
      return Object.keys(error.fieldErrors).join(', ');
    case 'business_rule':
    case 'not_found':
    case 'conflict':
    case 'authentication':
    case 'permission':
    case 'configuration':
    case 'internal':
    case 'invalid_response':
    case 'unknown':
    case 'cancelled':
      return error.code;
    case 'rate_limited':
    case 'unavailable':
    case 'timeout':
    case 'network':
      return `${error.outcome} ${error.retryAfterMs ?? 0}`;
    default:
      return error.kind satisfies never;
  }
}

export function list(options: CarddaClientOptions): ResultAsync<{ id: string }[], IssuerError> {
  return createCarddaClient(options).get<{ id: string }[]>('/banking/bank_transactions');
}

export const kinds: ErrorKind[] = [
  cardda.normalize({ status: 429, headers: {}, body: '{}' }).kind,
  clara.normalize({ status: 400, headers: {}, body: '{}' }).kind,
];
export const isError: boolean = isIssuerError(new Error('not one'));

/** A react-hook-form `setError` typed to the form's fields fits `applyFieldErrors` as it is. */
export function showOnForm(
  error: IssuerError,
  setError: (
    name: 'rut' | 'accountNumber' | `root.${string}`,
    error: { type?: string; message?: string },
  ) => void,
): string {
  applyFieldErrors(error, setError, { case: 'camel' });
  return `${userMessage(error, 'pt-BR')} ${toLogFields(error)['issuer.kind']}`;
}

export type Catalog = MessageCatalog;

/** Clara's request rules as zod schemas, from their own subpath: their types resolve. */
export const claraRangeVendor: string = claraDateRangeSchema['~standard'].vendor;

/** The README's fallback: a Clara read that, when Clara is unreachable, reads Cardda instead. */
export function cardWithFallback(
  clara: ReturnType<typeof createClaraClient>,
  cardda: ReturnType<typeof createCarddaClient>,
): ResultAsync<{ id: string }, IssuerError> {
  return clara
    .get<{ id: string }>('/cards/1')
    .orElse((error) =>
      error.kind === 'network' ? cardda.get<{ id: string }>('/cards/1') : errAsync(error),
    )
    .andThen((card) => okAsync(card));
}

/** A fleet's client: its budget kept in Redis, shared by every process of the API key. */
export async function fleetClient(apiKey: string): Promise<ReturnType<typeof createCarddaClient>> {
  const redis = await createClient({ url: 'redis://127.0.0.1:6379' }).connect();
  const rateStore = createRedisRateStore({
    redis,
    fallbackShare: 1 / 4,
    onStoreError: console.warn,
  });
  createRedisRateStore({ redis: createCluster({ rootNodes: [] }) });
  return createCarddaClient({ apiKey, rateLimit: { requestsPerSecond: 40 }, rateStore });
}

/** Clara's reads and writes with budgets of their own. */
export const claraBudgets: Parameters<typeof createClaraClient>[0]['rateLimit'] = {
  read: { requestsPerSecond: 20, burst: 2 },
  write: { requestsPerSecond: 4 },
};
