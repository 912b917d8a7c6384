import assert from 'node:assert/strict';
import { startFakeIssuer } from '@issuer-errors/testing/server';
import { listTransactions } from './cardda-first-call.js';
import { issueCard } from './clara-first-call.js';

const cardda = await startFakeIssuer({ provider: 'cardda', apiKeys: ['key'], companyIds: ['co'] });
const clara = await startFakeIssuer({ provider: 'clara', clientId: 'app', clientSecret: 'secret' });
try {
  const carddaOptions = { baseUrl: cardda.baseUrl, apiKey: 'key', companyId: 'co' };
  cardda.route('GET', '/banking/bank_transactions', [
    { json: [{ id: 't1' }, { id: 't2' }] },
    'not-found-or-not-your-company',
  ]);
  assert.equal(await listTransactions(carddaOptions), '2 transactions');
  assert.match(await listTransactions(carddaOptions), /^not_found \/ not_found, request \S+$/);

  const claraOptions = {
    baseUrl: clara.baseUrl,
    oauth: { tokenUrl: clara.tokenUrl, clientId: 'app', clientSecret: 'secret' },
  };
  clara
    .route('POST', '/cards', [
      { json: { id: 'card_1' }, status: 201 },
      'b013-threshold-exceeds-company-limit',
    ])
    .route('GET', '/cards/:id', [{ json: { id: 'card_1', status: 'ACTIVE' } }]);
  assert.equal(await issueCard(claraOptions, 'user_1', 5_000), 'card card_1 is ACTIVE');
  assert.equal(
    await issueCard(claraOptions, 'user_1', 9_000_000),
    'that limit is above the company limit',
  );
  console.log(
    'getting-started: a Cardda read and a Clara card, each with its success and its error',
  );
} finally {
  await Promise.all([cardda.close(), clara.close()]);
}
