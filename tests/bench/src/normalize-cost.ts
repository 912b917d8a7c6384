import { cardda } from '@issuer-errors/cardda';
import { clara } from '@issuer-errors/clara';
import { carddaFixtures, claraFixtures, type WireResponse } from '@issuer-errors/testing';
import { type Comparison, compareSync } from './compare';
import { handleCarddaError, handleClaraError } from './hand-written-handlers';

/**
 * A guard, not a goal: `normalize` costs a few microseconds against a network round trip of
 * tens of milliseconds, so this only catches a regression (the plain code measures 1.1× to 1.45×).
 */
export const NORMALIZE_GUARD = 1.6;

/**
 * `adapter.normalize` on every documented error response (raw text, as received) against the
 * hand-written handler of the same provider, on the same responses in the same order.
 */
export function measureNormalizeCost(): { cardda: Comparison; clara: Comparison } {
  const options = { rounds: 41, operationsPerRound: 2000 };
  const carddaResponses = carddaFixtures.map((fixture) => fixture.response);
  const claraResponses = claraFixtures.map((fixture) => fixture.response);
  const at = (responses: readonly WireResponse[], index: number) =>
    responses[index % responses.length] as WireResponse;
  return {
    cardda: compareSync(
      { name: 'hand-written', run: (index) => handleCarddaError(at(carddaResponses, index)) },
      { name: 'cardda.normalize', run: (index) => cardda.normalize(at(carddaResponses, index)) },
      options,
    ),
    clara: compareSync(
      { name: 'hand-written', run: (index) => handleClaraError(at(claraResponses, index)) },
      { name: 'clara.normalize', run: (index) => clara.normalize(at(claraResponses, index)) },
      options,
    ),
  };
}
