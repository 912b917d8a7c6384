import { ResultAsync } from '@issuer-errors/core';
import type { Scenario } from './scenario.js';

const recipient = {
  name: 'Acme Vendor',
  rut: '76.086.428-5',
  account_number: '000123456',
  bank_id: 'bank_cl_001',
};
const transfer = { recipient_id: 'rcp_1', amount: 250_000, currency: 'CLP' };

/** Calls a Cardda integration makes, meeting every error in Cardda's error documentation. */
export const carddaScenarios: readonly Scenario<'cardda'>[] = [
  {
    title: 'list bank transactions',
    provider: 'cardda',
    live: true,
    prepare: (fake) =>
      fake.route('GET', '/banking/bank_transactions', [{ json: [{ id: 'btx_1' }] }]),
    call: ({ cardda }) => cardda.get('/banking/bank_transactions'),
  },
  {
    title: 'create a recipient with missing fields',
    provider: 'cardda',
    prepare: (fake) =>
      fake.route('POST', '/banking/bank_recipients', ['validation-error-on-create']),
    call: ({ cardda }) =>
      cardda.post('/banking/bank_recipients', { json: { name: 'Acme Vendor' } }),
  },
  {
    title: 'create a transfer with a zero amount',
    provider: 'cardda',
    prepare: (fake) => fake.route('POST', '/banking/bank_transfers', ['unprocessable-entity-code']),
    call: ({ cardda }) =>
      cardda.post('/banking/bank_transfers', { json: { ...transfer, amount: 0 } }),
  },
  {
    title: 'create a transfer, amount as text',
    provider: 'cardda',
    prepare: (fake) => fake.route('POST', '/banking/bank_transfers', ['bad-request']),
    call: ({ cardda }) =>
      cardda.post('/banking/bank_transfers', { json: { ...transfer, amount: 'lots' } }),
  },
  {
    title: 'authorize a transaction twice',
    provider: 'cardda',
    prepare: (fake) => fake.route('POST', '/banking/bank_transactions/:id/authorize', ['conflict']),
    call: ({ cardda }) => cardda.post('/banking/bank_transactions/btx_1/authorize'),
  },
  {
    title: 'create a transfer: Cardda fails inside',
    provider: 'cardda',
    prepare: (fake) =>
      fake.route('POST', '/banking/bank_transfers', [
        'internal-error-traced',
        { json: { id: 'tr_1' } },
      ]),
    call: ({ cardda }) => cardda.post('/banking/bank_transfers', { json: transfer }),
  },
  {
    title: 'create a transfer: answer cut mid-body',
    provider: 'cardda',
    prepare: (fake) =>
      fake.route('POST', '/banking/bank_transfers', [
        { reset: 'mid-body' },
        { json: { id: 'tr_1' } },
      ]),
    call: ({ cardda }) => cardda.post('/banking/bank_transfers', { json: transfer }),
  },
  {
    title: 'enroll recipients past the rate limit',
    provider: 'cardda',
    prepare: (fake) => {
      fake.limitRate({ burst: 2, requestsPerSecond: 1 });
      fake.route('POST', '/banking/bank_recipients', [{ json: { id: 'rcp_1' }, status: 201 }]);
    },
    calls: 3,
    call: ({ cardda }) =>
      ResultAsync.combine(
        [1, 2, 3].map(() => cardda.post('/banking/bank_recipients', { json: recipient })),
      ),
  },
  {
    title: 'enroll a recipient: terse 429',
    provider: 'cardda',
    prepare: (fake) => {
      fake.limitRate(undefined);
      fake.route('POST', '/banking/bank_recipients', [
        'rate-limited-terse',
        { json: { id: 'rcp_2' }, status: 201 },
      ]);
    },
    call: ({ cardda }) => cardda.post('/banking/bank_recipients', { json: recipient }),
  },
  {
    title: 'enroll a recipient: 429, retry_after in body',
    provider: 'cardda',
    prepare: (fake) =>
      fake.route('POST', '/banking/bank_recipients', [
        'rate-limited-body-hint',
        { json: { id: 'rcp_3' }, status: 201 },
      ]),
    call: ({ cardda }) => cardda.post('/banking/bank_recipients', { json: recipient }),
  },
  {
    title: 'list transactions without company-id',
    provider: 'cardda',
    live: true,
    call: ({ withoutCompanyId }) => withoutCompanyId.get('/banking/bank_transactions'),
  },
  {
    title: 'list transactions of another company',
    provider: 'cardda',
    live: true,
    call: ({ otherCompany }) => otherCompany.get('/banking/bank_transactions'),
  },
  {
    title: 'call with a revoked API key',
    provider: 'cardda',
    live: true,
    call: ({ revokedKey }) => revokedKey.get('/banking/bank_transactions'),
  },
  {
    title: 'call before verifying the email',
    provider: 'cardda',
    prepare: (fake) => fake.route('GET', '/cards', ['email-not-verified']),
    call: ({ cardda }) => cardda.get('/cards'),
  },
  {
    title: 'freeze a card as a viewer',
    provider: 'cardda',
    prepare: (fake) => fake.route('PATCH', '/cards/:id', ['forbidden']),
    call: ({ cardda }) => cardda.patch('/cards/card_1', { json: { status: 'frozen' } }),
  },
  {
    title: 'freeze a card: an undocumented 403 code',
    provider: 'cardda',
    prepare: (fake) => fake.route('PATCH', '/cards/:id', ['unknown-code-at-known-status']),
    call: ({ cardda }) => cardda.patch('/cards/card_1', { json: { status: 'frozen' } }),
  },
  {
    title: 'list cards through a failing gateway (502)',
    provider: 'cardda',
    prepare: (fake) => fake.route('GET', '/cards', ['bad-gateway-html', { json: [] }]),
    call: ({ cardda }) => cardda.get('/cards'),
  },
  {
    title: 'list cards during maintenance (503)',
    provider: 'cardda',
    prepare: (fake) => fake.route('GET', '/cards', ['service-unavailable-empty', { json: [] }]),
    call: ({ cardda }) => cardda.get('/cards'),
  },
  {
    title: 'list transactions: partner bank times out',
    provider: 'cardda',
    prepare: (fake) =>
      fake.route('GET', '/banking/bank_transactions', [
        'gateway-timeout-upstream-code',
        { json: [] },
      ]),
    call: ({ cardda }) => cardda.get('/banking/bank_transactions'),
  },
  {
    title: 'read a balance: 500 cut short',
    provider: 'cardda',
    prepare: (fake) =>
      fake.route('GET', '/banking/balance', ['internal-error-truncated', { json: { clp: 1 } }]),
    call: ({ cardda }) => cardda.get('/banking/balance'),
  },
  {
    title: 'an answer no table knows (418)',
    provider: 'cardda',
    prepare: (fake) => fake.route('GET', '/cards', ['unmapped-status']),
    call: ({ cardda }) => cardda.get('/cards'),
  },
  {
    title: 'find a card that does not exist',
    provider: 'cardda',
    live: true,
    call: ({ cardda }) => cardda.get('/cards/card_missing'),
  },
];
