import type { IssuerClient } from '@issuer-errors/core/ky';

/** A bank recipient, as Cardda takes it. */
export interface Recipient {
  readonly rut: string;
  readonly account_number: string;
  readonly name: string;
}

/** What became of the recipient. */
export type CreateOutcome =
  | { readonly status: 'created' | 'already-created'; readonly id: string }
  | { readonly status: 'retry-later'; readonly afterMs: number }
  | { readonly status: 'failed'; readonly code: string };

/**
 * Creates a recipient without ever creating it twice. The client has already retried what is
 * safe (a 429, a refused connection). After a 5xx, a timeout or a reset, Cardda may have acted
 * (`outcome: 'unknown'`), so the client does not resend: we look for the recipient first.
 */
export async function createRecipient(
  cardda: IssuerClient,
  recipient: Recipient,
): Promise<CreateOutcome> {
  const created = await cardda.post<{ id: string }>('/banking/bank_recipients', {
    json: recipient,
  });
  if (created.isOk()) return { status: 'created', id: created.value.id };
  const error = created.error;

  if (error.outcome === 'unknown') {
    const listed = await cardda.get<{ id: string; account_number: string }[]>(
      '/banking/bank_recipients',
    ); // a read: the client retries it on a 5xx
    if (listed.isErr()) return { status: 'failed', code: 'outcome_unknown' }; // a person checks
    const existing = listed.value.find((r) => r.account_number === recipient.account_number);
    if (existing !== undefined) return { status: 'already-created', id: existing.id };
    return { status: 'retry-later', afterMs: error.retryAfterMs ?? 30_000 };
  }
  if (error.retryable) return { status: 'retry-later', afterMs: error.retryAfterMs ?? 30_000 };
  return { status: 'failed', code: error.code };
}
