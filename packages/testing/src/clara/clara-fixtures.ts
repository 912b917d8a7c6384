import { claraExampleFixtures } from './clara-example-fixtures';
import { claraRowFixtures } from './clara-row-fixtures';
import { claraTransportFixtures } from './clara-transport-fixtures';

/**
 * Every error example and table row of Clara's error documentation, as sent,
 * with what it normalizes to.
 */
export const claraFixtures = [
  ...claraExampleFixtures,
  ...claraRowFixtures,
  ...claraTransportFixtures,
] as const;

/** The name of one documented Clara error: the id of its fixture (`'b013-threshold-exceeds-company-limit'`). */
export type ClaraScenario = (typeof claraFixtures)[number]['id'];
