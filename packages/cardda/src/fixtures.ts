import type { ErrorFixture } from '@issuer-errors/core';
import { carddaExampleFixtures } from './fixtures/cardda-example-fixtures';
import { carddaRowFixtures } from './fixtures/cardda-row-fixtures';
import { carddaTransportFixtures } from './fixtures/cardda-transport-fixtures';

/**
 * Every example and status-table row of Cardda's error documentation, as sent
 * (every Cardda response carries `X-Request-Id`), with what it normalizes to.
 */
export const carddaFixtures: readonly ErrorFixture[] = [
  ...carddaExampleFixtures,
  ...carddaRowFixtures,
  ...carddaTransportFixtures,
];
