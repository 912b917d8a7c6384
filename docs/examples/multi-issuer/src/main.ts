import { cardda } from '@issuer-errors/cardda';
import { carddaFixtures } from '@issuer-errors/cardda/fixtures';
import { clara } from '@issuer-errors/clara';
import { claraFixtures } from '@issuer-errors/clara/fixtures';
import type { ErrorFixture, IssuerAdapter } from '@issuer-errors/core';
import { decide } from './handle-issuer-error';

const scenarios: ReadonlyArray<readonly [IssuerAdapter, readonly ErrorFixture[], string]> = [
  [clara, claraFixtures, 'b013-threshold-exceeds-company-limit'],
  [clara, claraFixtures, 'validation-error-invalid-date-format'],
  [cardda, carddaFixtures, 'validation-error-on-create'],
  [cardda, carddaFixtures, 'rate-limited'],
  [cardda, carddaFixtures, 'missing-company-id'],
];

const rows = scenarios.map(([adapter, fixtures, id]) => {
  const fixture = fixtures.find((candidate) => candidate.id === id);
  if (fixture === undefined) throw new Error(`No fixture ${id}`);
  const error = adapter.normalize(fixture.response);
  return {
    provider: error.provider,
    status: error.status,
    kind: error.kind,
    code: error.code,
    retryable: error.retryable,
    'retry after': error.retryAfterMs,
    'request id': error.requestId,
    decision: decide(error),
  };
});

console.table(rows);
console.log(`${rows.length} documented errors from 2 issuers, one handler.`);
