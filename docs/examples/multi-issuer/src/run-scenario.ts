import type { IssuerError } from '@issuer-errors/core';
import { decide } from './handle-issuer-error.js';
import type { Scenario } from './scenario.js';

/** One line of the demo's table. */
export type Row = {
  readonly scenario: string;
  readonly provider: string;
  readonly status: string;
  readonly kind: string;
  readonly code: string;
  readonly retryable: string;
  readonly 'retry after': string;
  readonly 'field errors': string;
  readonly 'request id': string;
  readonly attempts: string;
  readonly outcome: string;
  readonly decision: string;
};

/** Makes the scenario's call and describes how it ended; `retries` counts the waits the client took. */
export async function runScenario(
  scenario: Scenario,
  clients: Parameters<Scenario['call']>[0],
  retries: () => number,
): Promise<Row> {
  const result = await scenario.call(clients as never);
  const base = { scenario: scenario.title, provider: scenario.provider };
  if (result.isOk()) {
    const attempts = String(retries() + (scenario.calls ?? 1));
    return { ...base, ...succeeded, attempts, outcome: 'succeeded', decision: 'carry on' };
  }
  return { ...base, ...describeError(result.error), decision: decide(result.error) };
}

const succeeded = {
  status: '2xx',
  kind: '',
  code: '',
  retryable: '',
  'retry after': '',
  'field errors': '',
  'request id': '',
};

function describeError(error: IssuerError): Omit<Row, 'scenario' | 'provider' | 'decision'> {
  return {
    status: error.status === undefined ? '—' : String(error.status),
    kind: error.kind,
    code: error.code,
    retryable: error.retryable ? 'yes' : 'no',
    'retry after': error.retryAfterMs === undefined ? '' : `${error.retryAfterMs / 1000} s`,
    'field errors': Object.keys(error.fieldErrors).join(', '),
    'request id': error.requestId === undefined ? '' : `${error.requestId.slice(0, 8)}…`,
    attempts: String(error.attempts ?? 1),
    outcome: error.outcome,
  };
}
