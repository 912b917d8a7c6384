/**
 * Bundle-size guards: min + gzip, as an app bundles the package with esbuild for the browser.
 * Each check imports only what such an app would, so tree-shaking counts. Each limit is today's
 * size with a little room: a guard against growth nobody meant, not a goal to chase. A feature
 * or a fix that needs bytes raises its limit in the same change, and docs/performance.md says why.
 */
const browser = (config) => ({ ...config, platform: 'browser' });
/** The Redis store runs on servers only. */
const node = (config) => ({ ...config, platform: 'node' });

const check = ({ name, path, imported, limit, ignore = [], platform = browser }) => ({
  name,
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
    limit: '3.8 kB',
  }),
  check({
    name: 'the Cardda adapter',
    path: 'packages/cardda/dist/index.js',
    imported: '{ cardda }',
    limit: '7.5 kB',
  }),
  check({
    name: 'the Clara adapter',
    path: 'packages/clara/dist/index.js',
    imported: '{ clara }',
    limit: '8.15 kB',
  }),
  // The clients hold an API key or a client secret and an mTLS key: they run on servers.
  check({
    name: 'the Cardda client, ky external',
    path: 'packages/cardda/dist/index.js',
    imported: '{ createCarddaClient }',
    limit: '19.4 kB',
    ignore: ['ky'],
  }),
  check({
    name: 'the Clara client, ky external',
    path: 'packages/clara/dist/index.js',
    imported: '{ createClaraClient }',
    limit: '20.6 kB',
    ignore: ['ky'],
  }),
  check({
    name: 'the Redis rate store, redis external, on Node',
    path: 'packages/redis/dist/index.js',
    imported: '{ createRedisRateStore }',
    limit: '10.7 kB',
    ignore: ['redis'],
    platform: node,
  }),
  check({
    name: 'core/messages: userMessage with its three catalogs, and applyFieldErrors',
    path: 'packages/core/dist/messages/index.js',
    imported: '{ userMessage, applyFieldErrors }',
    limit: '4.65 kB',
  }),
  check({
    name: 'core: toLogFields and recordOnSpan, with the text made safe as IssuerError makes it',
    path: 'packages/core/dist/index.js',
    imported: '{ toLogFields, recordOnSpan }',
    limit: '4.3 kB',
  }),
];
