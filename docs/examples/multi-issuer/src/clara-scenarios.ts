import { ResultAsync } from '@issuer-errors/core';
import type { Scenario } from './scenario.js';

const card = { id: 'card_1', status: 'ACTIVE' };
const cardRequest = { userId: 'usr_1', threshold: 50_000, currency: 'MXN' };

/** Calls a Clara integration makes, meeting every error in Clara's error documentation. */
export const claraScenarios: readonly Scenario<'clara'>[] = [
  {
    title: 'list cards',
    provider: 'clara',
    live: true,
    prepare: (fake) => fake.route('GET', '/cards', [{ json: [card] }]),
    call: ({ clara }) => clara.get('/cards'),
  },
  {
    title: 'issue a card over the company limit',
    provider: 'clara',
    prepare: (fake) => fake.route('POST', '/cards', ['b013-threshold-exceeds-company-limit']),
    call: ({ clara }) => clara.post('/cards', { json: { ...cardRequest, threshold: 9_000_000 } }),
  },
  {
    title: 'issue a card, older API version',
    provider: 'clara',
    prepare: (fake) => fake.route('POST', '/cards', ['b013-error-response-format']),
    call: ({ clara }) => clara.post('/cards', { json: { ...cardRequest, threshold: 9_000_000 } }),
  },
  {
    title: 'issue a card to an inactive user',
    provider: 'clara',
    prepare: (fake) => fake.route('POST', '/cards', ['b022-user-not-activated']),
    call: ({ clara }) => clara.post('/cards', { json: { ...cardRequest, userId: 'usr_pending' } }),
  },
  {
    title: 'issue a card: an undocumented B-code',
    provider: 'clara',
    prepare: (fake) => fake.route('POST', '/cards', ['b999-other-business-code']),
    call: ({ clara }) => clara.post('/cards', { json: cardRequest }),
  },
  {
    title: 'issue two cards to one user',
    provider: 'clara',
    prepare: (fake) =>
      fake.route('POST', '/cards', [{ json: card, status: 201 }, 'card-creation-queue']),
    calls: 2,
    call: ({ clara }) =>
      clara
        .post('/cards', { json: cardRequest })
        .andThen(() => clara.post('/cards', { json: cardRequest })),
  },
  {
    title: 'issue a card while Clara fails inside',
    provider: 'clara',
    prepare: (fake) =>
      fake.route('POST', '/cards', ['internal-server-error', { json: card, status: 201 }]),
    call: ({ clara }) => clara.post('/cards', { json: cardRequest }),
  },
  {
    title: 'issue a card: Clara stalls',
    provider: 'clara',
    prepare: (fake) => fake.route('POST', '/cards', [{ stall: true }]),
    call: ({ clara }) => clara.post('/cards', { json: cardRequest }),
  },
  {
    title: 'read card limits: core service failure',
    provider: 'clara',
    prepare: (fake) =>
      fake.route('GET', '/cards/limits', ['b033-core-service-failure', { json: { limit: 1 } }]),
    call: ({ clara }) => clara.get('/cards/limits'),
  },
  {
    title: 'find a card that does not exist',
    provider: 'clara',
    live: true,
    prepare: (fake) => fake.route('GET', '/cards/:id', ['not-found-card']),
    call: ({ clara }) => clara.get('/cards/1614c41b-8eb4-4573-9262-8aff011224c5'),
  },
  {
    title: 'freeze a card: gateway timeout',
    provider: 'clara',
    prepare: (fake) => fake.route('PATCH', '/cards/:id', ['gateway-timeout-truncated-json']),
    call: ({ clara }) => clara.patch('/cards/card_1', { json: { status: 'FROZEN' } }),
  },
  {
    title: 'bulk-issue cards past the write limit',
    provider: 'clara',
    prepare: (fake) => {
      fake.limitRate({ burst: 2, requestsPerSecond: 1 });
      fake.route('POST', '/cards', [{ json: card, status: 201 }]);
    },
    calls: 3,
    call: ({ clara }) =>
      ResultAsync.combine([1, 2, 3].map(() => clara.post('/cards', { json: cardRequest }))),
  },
  {
    title: 'list users: rate limited, Retry-After sent',
    provider: 'clara',
    prepare: (fake) => {
      fake.limitRate(undefined);
      fake.route('GET', '/users', [
        { error: 'rate-limited-with-retry-after', retryAfter: 2 },
        { json: [] },
      ]);
    },
    call: ({ clara }) => clara.get('/users'),
  },
  {
    title: 'create a user with a bad tax id',
    provider: 'clara',
    prepare: (fake) => fake.route('POST', '/users', ['tax-id-format-invalid']),
    call: ({ clara }) =>
      clara.post('/users', {
        json: { email: 'ana@acme.mx', taxId: 'ABC12345678X', country: 'MX' },
      }),
  },
  {
    title: 'create a user twice',
    provider: 'clara',
    prepare: (fake) => fake.route('POST', '/users', ['duplicate-email']),
    call: ({ clara }) =>
      clara.post('/users', {
        json: { email: 'ana@acme.mx', taxId: 'GODE561231GR8', country: 'MX' },
      }),
  },
  {
    title: 'create a user with several bad fields',
    provider: 'clara',
    prepare: (fake) => fake.route('POST', '/users', ['bad-request-with-details']),
    call: ({ clara }) => clara.post('/users', { json: { email: 'ana', address: {} } }),
  },
  {
    title: 'list transactions, dates with slashes',
    provider: 'clara',
    live: true,
    prepare: (fake) => fake.route('GET', '/transactions', ['transactions-invalid-date-format']),
    call: ({ clara }) =>
      clara.get('/transactions', {
        searchParams: { startDate: '2024/03/01', endDate: '2024/03/15' },
      }),
  },
  {
    title: 'list transactions, start after end',
    provider: 'clara',
    live: true,
    prepare: (fake) => fake.route('GET', '/transactions', ['transactions-start-after-end']),
    call: ({ clara }) =>
      clara.get('/transactions', {
        searchParams: { startDate: '2024-03-15', endDate: '2024-03-01' },
      }),
  },
  {
    title: 'export transactions, bad date format',
    provider: 'clara',
    live: true,
    prepare: (fake) =>
      fake.route('GET', '/transactions/export', ['validation-error-invalid-date-format']),
    call: ({ clara }) =>
      clara.get('/transactions/export', { searchParams: { startDate: '15-03-2024' } }),
  },
  {
    title: 'digital account (BR): start after end',
    provider: 'clara',
    live: true,
    prepare: (fake) =>
      fake.route('GET', '/digital-account/transactions', ['digital-account-start-after-end']),
    call: ({ clara }) =>
      clara.get('/digital-account/transactions', {
        searchParams: { startDate: '2024-03-15', endDate: '2024-03-01' },
      }),
  },
  {
    title: 'digital account (BR): bad transaction type',
    provider: 'clara',
    live: true,
    prepare: (fake) =>
      fake.route('GET', '/digital-account/transactions', [
        'digital-account-invalid-transaction-type',
      ]),
    call: ({ clara }) =>
      clara.get('/digital-account/transactions', { searchParams: { transactionTypeName: 'WIRE' } }),
  },
  {
    title: 'call with an expired token',
    provider: 'clara',
    live: true,
    prepare: (fake) => {
      fake.route('GET', '/cards', [{ json: [card] }]);
      fake.expireTokens();
    },
    call: ({ clara }) => clara.get('/cards'),
  },
  {
    title: 'call with a revoked token',
    provider: 'clara',
    prepare: (fake) => fake.route('GET', '/companies/me', ['unauthorized-with-code']),
    call: ({ clara }) => clara.get('/companies/me'),
  },
  {
    title: 'call without the client certificate (401)',
    provider: 'clara',
    prepare: (fake) => fake.route('GET', '/companies/me', ['missing-certificate-401']),
    call: ({ clara }) => clara.get('/companies/me'),
  },
  {
    title: 'call without the client certificate (511)',
    provider: 'clara',
    prepare: (fake) => fake.route('GET', '/companies/me', ['network-authentication-required']),
    call: ({ clara }) => clara.get('/companies/me'),
  },
  {
    title: 'read company settings as a plain user',
    provider: 'clara',
    live: true,
    prepare: (fake) => fake.route('GET', '/companies/settings', ['forbidden-insufficient-role']),
    call: ({ clara }) => clara.get('/companies/settings'),
  },
  {
    title: 'get a token with a wrong secret',
    provider: 'clara',
    call: ({ wrongSecret }) => wrongSecret.get('/cards'),
  },
  {
    title: 'list cards through a failing gateway (502)',
    provider: 'clara',
    prepare: (fake) => fake.route('GET', '/cards', ['bad-gateway-html', { json: [card] }]),
    call: ({ clara }) => clara.get('/cards'),
  },
  {
    title: 'list cards during maintenance (503)',
    provider: 'clara',
    prepare: (fake) => fake.route('GET', '/cards', ['service-unavailable-empty', { json: [card] }]),
    call: ({ clara }) => clara.get('/cards'),
  },
  {
    title: 'an answer no table knows (418)',
    provider: 'clara',
    prepare: (fake) => fake.route('GET', '/cards', ['unmapped-status']),
    call: ({ clara }) => clara.get('/cards'),
  },
];
