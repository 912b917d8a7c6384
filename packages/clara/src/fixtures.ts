import type { ErrorFixture } from '@issuer-errors/core';
import { claraExampleFixtures } from './fixtures/clara-example-fixtures';
import { claraRowFixtures } from './fixtures/clara-row-fixtures';
import { claraTransportFixtures } from './fixtures/clara-transport-fixtures';

/**
 * Every error example and table row of Clara's error documentation, as sent,
 * with what it normalizes to.
 */
export const claraFixtures: readonly ErrorFixture[] = [
  ...claraExampleFixtures,
  ...claraRowFixtures,
  ...claraTransportFixtures,
];
