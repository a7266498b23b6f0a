/**
 * Scaling numbers for people (g → kg → t, Wh → kWh → MWh): used by the CLI and the HTML report.
 * Pure functions; machine output (--json) always carries the base units named in the field.
 */

/** A unit step: values at or above `factor` (in base units) are shown divided by it, as `unit`. */
export type UnitStep = readonly [factor: number, unit: string];

export const GRAM_STEPS: readonly UnitStep[] = [
  [1e-3, 'mg CO2e'],
  [1, 'g CO2e'],
  [1e3, 'kg CO2e'],
  [1e6, 't CO2e'],
  [1e9, 'kt CO2e'],
];

export const KWH_STEPS: readonly UnitStep[] = [
  [1e-6, 'mWh'],
  [1e-3, 'Wh'],
  [1, 'kWh'],
  [1e3, 'MWh'],
  [1e6, 'GWh'],
];

export const WATT_STEPS: readonly UnitStep[] = [
  [1e-3, 'mW'],
  [1, 'W'],
  [1e3, 'kW'],
  [1e6, 'MW'],
];

const trim = (x: number, digits = 3): string => {
  if (x === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  const decimals = Math.max(0, Math.min(6, digits - 1 - magnitude));
  return x.toLocaleString('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
};

/** The step to show `value` in: the largest whose factor it reaches; zero reads best in the base unit. */
export function unitFor(value: number, steps: readonly UnitStep[]): UnitStep {
  const abs = Math.abs(value);
  const base = steps.find((s) => s[0] === 1) ?? steps[0];
  if (base === undefined) throw new RangeError('unitFor needs at least one step');
  if (abs === 0 || !Number.isFinite(abs)) return base;
  let chosen = steps[0] ?? base;
  for (const step of steps) if (abs >= step[0]) chosen = step;
  return chosen;
}

function scaled(value: number, steps: readonly UnitStep[], digits = 3): string {
  const [factor, unit] = unitFor(value, steps);
  return `${trim(value / factor, digits)} ${unit}`;
}

export const formatGrams = (g: number): string => scaled(g, GRAM_STEPS);

/** Mass alone (`2.88 kg`), for tables whose header already says CO2e. */
export const formatMass = (g: number): string => scaled(g, GRAM_STEPS).replace(/ CO2e$/, '');

export const formatKwh = (kwh: number): string => scaled(kwh, KWH_STEPS);

export const formatWatts = (w: number): string => scaled(w, WATT_STEPS);

export const formatNumber = (x: number, digits = 3): string => trim(x, digits);

/** A share in [0, 1] as a percentage: `42%`, `0.4%`, `<0.1%`. */
export function formatShare(share: number): string {
  if (share === 0) return '0%';
  const pct = share * 100;
  if (Math.abs(pct) < 0.1) return '<0.1%';
  return `${pct.toLocaleString('en-US', { maximumFractionDigits: Math.abs(pct) < 10 ? 1 : 0 })}%`;
}
