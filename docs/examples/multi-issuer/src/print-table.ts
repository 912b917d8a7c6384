const MAX_CELL = 40;

/** Prints rows as an aligned plain-text table, each cell cut to 40 characters. */
export function printTable<Row extends Readonly<Record<string, string>>>(
  rows: readonly Row[],
): void {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const cell = (text: string) =>
    text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => cell(row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((text, index) => cell(text).padEnd(widths[index] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(line(columns));
  console.log(line(widths.map((width) => '─'.repeat(width))));
  for (const row of rows) console.log(line(columns.map((column) => row[column] ?? '')));
}
