/** A plain-text table: the first `left` columns left-aligned, the others right-aligned, two spaces apart. */
export function formatTable(header: string[], rows: string[][], left = 1): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    widths
      .map((width, column) => {
        const cell = cells[column] ?? '';
        return column < left ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** `12.3` as "12", `0.04` as "0.04": whole milliseconds unless the value is below 10. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '-';
  return Math.abs(value) >= 10 ? Math.round(value).toString() : value.toFixed(1);
}
