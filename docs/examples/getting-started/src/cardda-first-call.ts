import { type CarddaClientOptions, createCarddaClient } from '@issuer-errors/cardda';

/** Lists the company's bank transactions, or says in one line why it could not. */
export function listTransactions(options: CarddaClientOptions): Promise<string> {
  const cardda = createCarddaClient(options); // { apiKey, companyId }
  return cardda.get<{ id: string }[]>('/banking/bank_transactions').match(
    (transactions) => `${transactions.length} transactions`,
    (error) =>
      error.kind === 'rate_limited'
        ? `busy, try again in ${error.retryAfterMs} ms`
        : `${error.kind} / ${error.code}, request ${error.requestId}`,
  );
}
