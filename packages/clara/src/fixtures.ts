export { claraFixtures } from './clara-fixtures';
