import type { IssuerClient, IssuerClientOptions } from '@issuer-errors/core/ky';
import { createIssuerClient } from '@issuer-errors/core/ky';
import { cardda } from './cardda';

/** Cardda's production API. */
export const CARDDA_BASE_URL = 'https://api.cardda.com/v1';

/** Options of {@link createCarddaClient}: Cardda's credentials plus every common client option. */
export interface CarddaClientOptions
  extends Omit<IssuerClientOptions, 'adapter' | 'baseUrl' | 'getAccessToken' | 'rateCredential'> {
  /** Defaults to `https://api.cardda.com/v1`. */
  readonly baseUrl?: string;
  /** Sent as `Authorization: Bearer <apiKey>`; never kept on an error. */
  readonly apiKey: string;
  /** Sent as the `company-id` header; without it, endpoints that need it answer `missing_company_id`. */
  readonly companyId?: string;
}

/**
 * A Cardda client: `get/post/put/patch/delete` return `ResultAsync<T, IssuerError>`,
 * with Cardda's retry rules applied (a 429 waits for Retry-After) and writes never replayed
 * unless Cardda certainly did not act.
 *
 * @example
 * const cardda = createCarddaClient({ apiKey: process.env.CARDDA_API_KEY!, companyId });
 * await cardda
 *   .post('/banking/bank_recipients', { json: recipient })
 *   .match(
 *     (created) => console.log('created', created),
 *     (error) => console.error(error.kind, error.fieldErrors, error.requestId),
 *   );
 */
export function createCarddaClient(options: CarddaClientOptions): IssuerClient {
  const { apiKey, companyId, baseUrl = CARDDA_BASE_URL, headers, ...common } = options;
  return createIssuerClient({
    ...common,
    adapter: cardda,
    baseUrl,
    // Cardda counts requests per API key, as it reads it: fetch trims a header's whitespace.
    rateCredential: trimHttpWhitespace(apiKey),
    headers: {
      ...headers,
      authorization: `Bearer ${apiKey}`,
      ...(companyId === undefined ? {} : { 'company-id': companyId }),
    },
  });
}

/** A header value as fetch sends it: without leading or trailing spaces, tabs, CRs and LFs. */
function trimHttpWhitespace(value: string): string {
  return typeof value === 'string' ? value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '') : value;
}
