export { carddaFixtures } from './cardda-fixtures';
