/** The unit suites of core and the adapters as one project, without type tests, for Stryker. */
export default {
  test: {
    include: ['packages/{core,clara,cardda}/src/**/*.test.ts'],
    typecheck: { enabled: false },
  },
};
