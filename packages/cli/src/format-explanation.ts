import { toSafeLine } from '@issuer-errors/core';
import type { Explanation, NotAnErrorExplanation } from './explain';

/** The most of a raw body shown, in UTF-8 bytes: enough to recognize an HTML page or a proxy's text. */
const MAX_RAW_BODY_BYTES = 200;

/** The explanation as a support engineer reads it in a terminal. */
export function formatExplanation(explanation: Explanation | NotAnErrorExplanation): string {
  if (explanation.error === null) {
    const { status, advice } = explanation;
    return `Not an error\n  status        ${status}\n\nWhat to do\n${advice.map((line) => `  - ${line}\n`).join('')}`;
  }
  const { error, advice, problem } = explanation;
  const facts: [string, string | number | undefined][] = [
    ['provider', error.provider],
    ['status', error.status],
    ['kind', error.kind],
    ['code', error.code],
    ['provider code', error.providerCode],
    ['message', error.message],
    ['request id', error.requestId],
    ['retryable', error.retryable ? 'yes' : 'no'],
    ['retry after', error.retryAfterMs === undefined ? undefined : `${error.retryAfterMs} ms`],
    [
      'outcome',
      error.outcome === 'rejected'
        ? 'rejected: the provider did not act'
        : 'unknown: the provider may have acted',
    ],
  ];
  const lines = ['Normalized error'];
  for (const [label, value] of facts) {
    if (value !== undefined) lines.push(`  ${label.padEnd(14)}${value}`);
  }
  const fields = Object.entries(error.fieldErrors);
  if (fields.length > 0) {
    lines.push('  fields');
    for (const [field, messages] of fields) lines.push(`    ${field}: ${messages.join('; ')}`);
  } else if (typeof error.raw.body === 'string' && error.raw.body !== '') {
    lines.push(`  ${'raw body'.padEnd(14)}${toSafeLine(error.raw.body, MAX_RAW_BODY_BYTES)}`);
  }
  lines.push('', 'What to do', ...advice.map((line) => `  - ${line}`));
  lines.push('', 'Problem+JSON', JSON.stringify(problem, null, 2));
  return `${lines.join('\n')}\n`;
}
