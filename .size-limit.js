/**
 * Bundle-size budgets: min + gzip, as an app bundles the package with esbuild for
 * the browser. Each check imports only what such an app would, so tree-shaking counts.
 * `limit` is today's size plus a little room, so that CI catches any growth; `goal`
 * is where issue 9 wants it, and docs/performance.md tracks the gap.
 */
const browser = (config) => ({ ...config, platform: 'browser' });

const check = ({ name, path, imported, limit, goal, ignore = [] }) => ({
  name: `${name} (goal ${goal})`,
  path,
  import: imported,
  limit,
  gzip: true,
  ignore,
  modifyEsbuildConfig: browser,
});

export default [
  check({
    name: 'core: taxonomy and IssuerError',
    path: 'packages/core/dist/index.js',
    imported: '{ IssuerError, isIssuerError, ERROR_KINDS, ERROR_CODES, kindOfCode }',
    limit: '7 kB',
    goal: '4 KiB',
  }),
  check({
    name: 'the Cardda adapter, neverthrow included',
    path: 'packages/cardda/dist/index.js',
    imported: '{ cardda }',
    limit: '11.25 kB',
    goal: '8 KiB',
  }),
  check({
    name: 'the Clara adapter, neverthrow included',
    path: 'packages/clara/dist/index.js',
    imported: '{ clara }',
    limit: '12 kB',
    goal: '8 KiB',
  }),
  check({
    name: 'the Cardda client, ky external',
    path: 'packages/cardda/dist/index.js',
    imported: '{ createCarddaClient }',
    limit: '14.25 kB',
    goal: '12 KiB',
    ignore: ['ky'],
  }),
  check({
    name: 'the Clara client, ky external',
    path: 'packages/clara/dist/index.js',
    imported: '{ createClaraClient }',
    limit: '15.5 kB',
    goal: '12 KiB',
    ignore: ['ky'],
  }),
  check({
    name: 'core/messages: userMessage with its three catalogs, and applyFieldErrors',
    path: 'packages/core/dist/messages/index.js',
    imported: '{ userMessage, applyFieldErrors }',
    limit: '4.75 kB',
    goal: '5 kB',
  }),
  check({
    name: 'core: toLogFields and recordOnSpan, with the text cleaning they share with IssuerError',
    path: 'packages/core/dist/index.js',
    imported: '{ toLogFields, recordOnSpan }',
    limit: '7.25 kB',
    goal: '4 KiB',
  }),
];
