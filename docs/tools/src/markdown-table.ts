/** A GitHub-flavoured Markdown table; pipes and line breaks inside cells are escaped. */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replaceAll('|', '\\|').replaceAll('\n', ' ')).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Inline code, safe for a table cell. */
export function code(text: string): string {
  return `\`${text}\``;
}
