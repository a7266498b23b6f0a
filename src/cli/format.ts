/**
 * Human formatting for the terminal. The scaling for people (g → kg → t, Wh → kWh → MWh) lives in
 * `report/units-format.ts`, shared with the HTML report; it is re-exported here for the commands.
 * Machine output (--json) always carries the base units named in the field.
 */

export { formatGrams, formatKwh, formatNumber } from '../report/units-format.js';

/** A plain left/right aligned table; the first column left, the others right. */
export function table(rows: readonly (readonly string[])[], indent = ''): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows
    .map(
      (row) =>
        indent +
        row
          .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}
