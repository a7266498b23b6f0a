/**
 * Human formatting: the only place numbers are scaled for people (g → kg → t, Wh → kWh → MWh).
 * Machine output (--json) always carries the base units named in the field.
 */

const trim = (x: number, digits = 3): string => {
  if (x === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  const decimals = Math.max(0, Math.min(6, digits - 1 - magnitude));
  return x.toLocaleString('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
};

function scaled(value: number, steps: readonly [number, string][], digits = 3): string {
  const abs = Math.abs(value);
  // Zero reads best in the base unit (0 kWh, not 0 mWh).
  let chosen = (abs === 0 ? steps.find((s) => s[0] === 1) : steps[0]) as [number, string];
  if (abs > 0) for (const step of steps) if (abs >= step[0]) chosen = step;
  return `${trim(value / chosen[0], digits)} ${chosen[1]}`;
}

export const formatGrams = (g: number): string =>
  scaled(g, [
    [1e-3, 'mg CO2e'],
    [1, 'g CO2e'],
    [1e3, 'kg CO2e'],
    [1e6, 't CO2e'],
    [1e9, 'kt CO2e'],
  ]);

export const formatKwh = (kwh: number): string =>
  scaled(kwh, [
    [1e-6, 'mWh'],
    [1e-3, 'Wh'],
    [1, 'kWh'],
    [1e3, 'MWh'],
    [1e6, 'GWh'],
  ]);

export const formatNumber = (x: number, digits = 3): string => trim(x, digits);

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
