/**
 * Bundle-size budgets: min + gzip, as an app bundles the package with esbuild for
 * the browser. Each check imports only what such an app would, so tree-shaking counts.
 * They guard against growth nobody meant, not goals to chase: a feature or a fix that
 * needs bytes raises its limit in the same change, and docs/performance.md says why.
 */
const browser = (config) => ({ ...config, platform: 'browser' });
/** The Redis store runs on servers only. */
const node = (config) => ({ ...config, platform: 'node' });

const check = ({ name, path, imported, limit, goal, ignore = [], platform = browser }) => ({
  name: `${name} (goal ${goal})`,
  path,
  import: imported,
  limit,
  gzip: true,
  ignore,
  modifyEsbuildConfig: platform,
});

export default [
  check({
    name: 'core: taxonomy and IssuerError',
    path: 'packages/core/dist/index.js',
    imported: '{ IssuerError, isIssuerError, ERROR_KINDS, ERROR_CODES, kindOfCode }',
    limit: '4 KiB',
    goal: '4 KiB',
  }),
  check({
    name: 'the Cardda adapter',
    path: 'packages/cardda/dist/index.js',
    imported: '{ cardda }',
    limit: '8 KiB',
    goal: '8 KiB',
  }),
  check({
    name: 'the Clara adapter',
    path: 'packages/clara/dist/index.js',
    imported: '{ clara }',
    limit: '8 KiB',
    goal: '8 KiB',
  }),
  check({
    name: 'the Cardda client, ky external',
    path: 'packages/cardda/dist/index.js',
    imported: '{ createCarddaClient }',
    limit: '13.4 kB',
    goal: '13.4 kB',
    ignore: ['ky'],
  }),
  check({
    name: 'the Clara client, ky external',
    path: 'packages/clara/dist/index.js',
    imported: '{ createClaraClient }',
    limit: '14.5 kB',
    goal: '14.5 kB',
    ignore: ['ky'],
  }),
  check({
    name: 'the Redis rate store, redis external, on Node',
    path: 'packages/redis/dist/index.js',
    imported: '{ createRedisRateStore }',
    limit: '5.6 kB',
    goal: '5.6 kB',
    ignore: ['redis'],
    platform: node,
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
    limit: '4 KiB',
    goal: '4 KiB',
  }),
];
