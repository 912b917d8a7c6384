/**
 * Fixtures of every documented Clara and Cardda error: the response as sent, and what it normalizes to.
 *
 * @packageDocumentation
 */
export { type CarddaScenario, carddaFixtures } from './cardda/cardda-fixtures';
export { type ClaraScenario, claraFixtures } from './clara/clara-fixtures';
export { type ErrorFixture, errorFixture, toFixtureView } from './error-fixture';
export { fixtureResponse, type ResponseOverrides, type WireResponse } from './fixture-response';
