/**
 * The columns of CodeCarbon's `emissions.csv`, in the order CodeCarbon 3.x writes them (its
 * `EmissionsData` dataclass, as seen in files written by CodeCarbon 3.x; 2.x files have the same
 * names less `water_consumed`, the `*_utilization_percent`, `ram_used_gb` and `wue` columns, with
 * `on_cloud, pue` after `tracking_mode`). Units as CodeCarbon documents them
 * (docs/reference/output.md): duration s, emissions kg CO2eq, emissions_rate kg/s, powers W,
 * energies kWh (each already multiplied by CodeCarbon's `pue`), ram sizes GB, water L.
 */
export const CODECARBON_COLUMNS = [
  'timestamp',
  'project_name',
  'run_id',
  'experiment_id',
  'duration',
  'emissions',
  'emissions_rate',
  'cpu_power',
  'gpu_power',
  'ram_power',
  'cpu_energy',
  'gpu_energy',
  'ram_energy',
  'energy_consumed',
  'water_consumed',
  'country_name',
  'country_iso_code',
  'region',
  'cloud_provider',
  'cloud_region',
  'os',
  'python_version',
  'codecarbon_version',
  'cpu_count',
  'cpu_model',
  'gpu_count',
  'gpu_model',
  'longitude',
  'latitude',
  'ram_total_size',
  'tracking_mode',
  'cpu_utilization_percent',
  'gpu_utilization_percent',
  'ram_utilization_percent',
  'ram_used_gb',
  'on_cloud',
  'pue',
  'wue',
] as const;

export type CodeCarbonColumn = (typeof CODECARBON_COLUMNS)[number];

/** Without these a row cannot be priced or identified. */
export const REQUIRED_COLUMNS: readonly CodeCarbonColumn[] = [
  'timestamp',
  'run_id',
  'duration',
  'emissions',
  'energy_consumed',
];

export const NUMERIC_COLUMNS: ReadonlySet<CodeCarbonColumn> = new Set<CodeCarbonColumn>([
  'duration',
  'emissions',
  'emissions_rate',
  'cpu_power',
  'gpu_power',
  'ram_power',
  'cpu_energy',
  'gpu_energy',
  'ram_energy',
  'energy_consumed',
  'water_consumed',
  'cpu_count',
  'gpu_count',
  'longitude',
  'latitude',
  'ram_total_size',
  'cpu_utilization_percent',
  'gpu_utilization_percent',
  'ram_utilization_percent',
  'ram_used_gb',
  'pue',
  'wue',
]);

/** Quantities that cannot be negative (coordinates can). */
export const NON_NEGATIVE_COLUMNS: ReadonlySet<CodeCarbonColumn> = new Set(
  [...NUMERIC_COLUMNS].filter((c) => c !== 'longitude' && c !== 'latitude'),
);
