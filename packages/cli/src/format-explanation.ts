import type { Explanation } from './explain';

/** The explanation as a support engineer reads it in a terminal. */
export function formatExplanation({ error, advice, problem }: Explanation): string {
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
  }
  lines.push('', 'What to do', ...advice.map((line) => `  - ${line}`));
  lines.push('', 'Problem+JSON', JSON.stringify(problem, null, 2));
  return `${lines.join('\n')}\n`;
}
