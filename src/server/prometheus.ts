/**
 * Prometheus text exposition (format 0.0.4) of a host's energy, power and carbon. Names follow
 * the Prometheus naming rules: a `footprint_` prefix, base units in the name (`_joules`, `_watts`,
 * `_grams`), `_total` on counters; labels carry the device, never the unit.
 */

export interface DeviceMetrics {
  readonly device: string;
  readonly kind: string;
  readonly name: string;
  readonly provenance: string;
  /** Cumulative whole-device energy since the agent started. */
  readonly energyJ: number;
  readonly powerW: number;
  /** Cumulative operational carbon, location- and market-based. */
  readonly carbonLocationG: number;
  readonly carbonMarketG: number;
}

/** Label values escape backslash, double quote and newline (exposition format spec). */
const escapeLabel = (v: string): string =>
  v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

const labels = (pairs: Readonly<Record<string, string>>): string =>
  `{${Object.entries(pairs)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(',')}}`;

export function exposition(devices: readonly DeviceMetrics[]): string {
  const out: string[] = [];
  const family = (
    name: string,
    type: 'counter' | 'gauge',
    help: string,
    rows: [Record<string, string>, number][],
  ) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [l, v] of rows) out.push(`${name}${labels(l)} ${Number.isFinite(v) ? v : 0}`);
  };
  const base = (d: DeviceMetrics) => ({
    device: d.device,
    kind: d.kind,
    name: d.name,
    provenance: d.provenance,
  });
  family(
    'footprint_energy_joules_total',
    'counter',
    'Energy drawn by the device since the agent started (IT energy, before PUE).',
    devices.map((d) => [base(d), d.energyJ]),
  );
  family(
    'footprint_power_watts',
    'gauge',
    'Power drawn by the device over the last sampling interval.',
    devices.map((d) => [base(d), d.powerW]),
  );
  family(
    'footprint_carbon_grams_total',
    'counter',
    'Operational carbon of the device since the agent started, gCO2e (facility energy × grid intensity).',
    devices.flatMap((d) => [
      [{ ...base(d), basis: 'location' }, d.carbonLocationG] as [Record<string, string>, number],
      [{ ...base(d), basis: 'market' }, d.carbonMarketG] as [Record<string, string>, number],
    ]),
  );
  return `${out.join('\n')}\n`;
}
