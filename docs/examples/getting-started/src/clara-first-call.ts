import { type ClaraClientOptions, createClaraClient } from '@issuer-errors/clara';
import { describeError } from './describe-error.js';

/** Issues a card and reads it back; every failure becomes one line for the user. */
export function issueCard(options: ClaraClientOptions, userId: string, threshold: number) {
  const clara = createClaraClient(options); // { baseUrl, oauth, tls }
  return clara
    .post<{ id: string }>('/cards', { json: { userId, threshold } })
    .andThen((card) => clara.get<{ id: string; status: string }>(`/cards/${card.id}`))
    .match(
      (card) => `card ${card.id} is ${card.status}`,
      (error) => describeError(error),
    );
}
