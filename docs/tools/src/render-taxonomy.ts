import {
  ERROR_CODES,
  ERROR_KINDS,
  type ErrorCode,
  type IssuerAdapter,
  KIND_DEFAULTS,
} from '@issuer-errors/core';
import { codeDescriptions } from './code-descriptions';
import { code, markdownTable } from './markdown-table';
import { KIND_PROSE } from './taxonomy-prose';

/** The kinds table: prose from `KIND_PROSE`, defaults from `KIND_DEFAULTS`. */
export function renderKindsTable(): string {
  return markdownTable(
    ['kind', 'meaning', 'typical HTTP', 'retryable by default', 'outcome', 'what an app should do'],
    ERROR_KINDS.map((kind) => {
      const prose = KIND_PROSE[kind];
      const defaults = KIND_DEFAULTS[kind];
      return [
        code(kind),
        prose.meaning,
        prose.typicalHttp,
        [defaults.retryable ? 'yes' : 'no', prose.retryNote]
          .filter(Boolean)
          .join(', ')
          .replace(', (', ' ('),
        [defaults.outcome, prose.outcomeNote].filter(Boolean).join(' '),
        prose.whatToDo,
      ];
    }),
  );
}

/** The fine-codes table: every code, its kind, when it is raised, and which adapter rows raise it. */
export function renderCodesTable(adapters: readonly IssuerAdapter[]): string {
  const descriptions = codeDescriptions();
  return markdownTable(
    ['code', 'kind', 'raised for', 'rows that raise it'],
    (Object.keys(ERROR_CODES) as ErrorCode[]).map((errorCode) => [
      code(errorCode),
      ERROR_CODES[errorCode],
      descriptions[errorCode],
      rowsRaising(errorCode, adapters),
    ]),
  );
}

function rowsRaising(errorCode: ErrorCode, adapters: readonly IssuerAdapter[]): string {
  return adapters
    .flatMap((adapter) => {
      const rows = adapter.rules.flatMap((rule, index) =>
        rule.code === errorCode ? [`#${index + 1}`] : [],
      );
      return rows.length === 0
        ? []
        : [`[${adapter.displayName}](providers/${adapter.name}.md) ${rows.join(', ')}`];
    })
    .join('; ');
}
