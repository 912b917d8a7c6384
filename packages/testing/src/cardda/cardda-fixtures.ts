import { carddaExampleFixtures } from './cardda-example-fixtures';
import { carddaRowFixtures } from './cardda-row-fixtures';
import { carddaTransportFixtures } from './cardda-transport-fixtures';

/**
 * Every example and status-table row of Cardda's error documentation, as sent
 * (every Cardda response carries `X-Request-Id`), with what it normalizes to.
 */
export const carddaFixtures = [
  ...carddaExampleFixtures,
  ...carddaRowFixtures,
  ...carddaTransportFixtures,
] as const;

/** The name of one documented Cardda error: the id of its fixture (`'rate-limited'`). */
export type CarddaScenario = (typeof carddaFixtures)[number]['id'];
