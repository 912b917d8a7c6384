import { carddaFixtures, claraFixtures } from '@issuer-errors/testing';
import type { FakeProvider } from '@issuer-errors/testing/server';
import { carddaScenarios } from './cardda-scenarios.js';
import { claraScenarios } from './clara-scenarios.js';
import { unmetScenarios } from './coverage.js';
import { type Issuer, type SharedOptions, startCardda, startClara } from './issuers.js';
import { showOutage } from './outage.js';
import { printTable } from './print-table.js';
import { type Row, runScenario } from './run-scenario.js';
import type { Scenario } from './scenario.js';

const started = performance.now();
let current: Scenario | undefined;
let retries = 0;
let waitedMs = 0;

const shared: SharedOptions = {
  timeoutMs: 1500,
  onRetry: ({ error, delayMs, attempt }) => {
    retries += 1;
    waitedMs += delayMs;
    const why = error.retryAfterMs === undefined ? 'backoff' : 'as the provider asked';
    const wait =
      delayMs === 0
        ? 'token refreshed, retrying at once'
        : `waiting ${(delayMs / 1000).toFixed(1)} s (${why})`;
    console.log(
      `  ⏳ ${error.provider.padEnd(6)} ${current?.title}: ${error.code} (${error.status ?? error.kind}), ${wait} before attempt ${attempt + 1}`,
    );
  },
};

const clara = await startClara(shared);
const cardda = await startCardda(shared);
const issuers: Record<FakeProvider, Issuer<FakeProvider>> = { clara, cardda } as never;
const live = (provider: FakeProvider) => issuers[provider].fake === undefined;
console.log(
  `Clara: ${live('clara') ? 'the real API' : clara.fake?.baseUrl} · Cardda: ${live('cardda') ? 'the real API' : cardda.fake?.baseUrl}\n`,
);

const rows: Row[] = [];
for (const scenario of [...claraScenarios, ...carddaScenarios] as readonly Scenario[]) {
  const issuer = issuers[scenario.provider];
  if (issuer.fake === undefined && scenario.live !== true) continue;
  if (issuer.fake !== undefined) scenario.prepare?.(issuer.fake as never);
  current = scenario;
  const retriesBefore = retries;
  rows.push(await runScenario(scenario, issuer.clients, () => retries - retriesBefore));
}

console.log('');
printTable(rows);
const unmet = [
  ...(clara.fake === undefined
    ? []
    : unmetScenarios(clara.fake, claraFixtures).map((id) => `clara/${id}`)),
  ...(cardda.fake === undefined
    ? []
    : unmetScenarios(cardda.fake, carddaFixtures).map((id) => `cardda/${id}`)),
];
if (cardda.fake !== undefined) await showOutage(cardda.fake);
await Promise.all([clara.close(), cardda.close()]);

const errors = rows.filter((row) => row.outcome !== 'succeeded').length;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const coverage =
  unmet.length === 0
    ? `every documented error met (Clara ${claraFixtures.length}, Cardda ${carddaFixtures.length})`
    : `documented errors never met: ${unmet.join(', ')}`;
console.log(
  `\n${rows.length} scenarios, ${errors} ended in an error, ${retries} retries (${(waitedMs / 1000).toFixed(1)} s waited); ${coverage}; ${seconds} s.`,
);
process.exitCode = unmet.length === 0 ? 0 : 1;
