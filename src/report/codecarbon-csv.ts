/**
 * CodeCarbon's `emissions.csv`, both ways (docs/disclosures.md, "CodeCarbon CSV").
 *
 * Import: `parseCodeCarbonCsv` reads the file all-or-nothing (a bad row is a `parse_error` naming
 * its line) and `codeCarbonRowToEntry` turns one row into an Entry priced from an estimate spec,
 * so an imported run is accounted exactly like a declared one, embodied carbon included.
 * Export: `toCodeCarbonCsv` writes report items in CodeCarbon 3.x's columns so CodeCarbon users'
 * tools read them.
 *
 * CodeCarbon multiplies every energy by its `pue` before it writes it (emissions_tracker.py,
 * "Apply the PUE of the datacenter to the consumed energy"), so the columns hold facility energy:
 * the import divides by `pue` to get IT energy, the export multiplies by Footprint's PUE.
 * Each row holds the totals since the tracker started (a `flush()` writes a row, `stop()` another),
 * so rows of one `run_id` are not additive: `latestRowPerRun` keeps the last of each.
 */
import type { Entry } from '../core/entry.js';
import { FootprintError } from '../core/errors.js';
import type { Phase } from '../core/job.js';
import type { GroupFootprint } from '../core/price.js';
import { ISO3_TO_ISO2 } from '../data/countries.js';
import { COUNTRIES } from '../data/grid.js';
import { findChipByReportedName } from '../data/hardware/catalog.js';
import { findRegion } from '../data/region-lookup.js';
import {
  CODECARBON_COLUMNS,
  type CodeCarbonColumn,
  NON_NEGATIVE_COLUMNS,
  NUMERIC_COLUMNS,
  REQUIRED_COLUMNS,
} from './codecarbon-columns.js';
import { csvLine, readCsv } from './csv.js';
import type { LifecycleReport, ReportItem } from './report-model.js';

/** One row of `emissions.csv`, in CodeCarbon's units (named in each field). */
export interface CodeCarbonRow {
  /** 1-based line of the file (the header is line 1). */
  readonly line: number;
  /** As written: `%Y-%m-%dT%H:%M:%S`, CodeCarbon's local clock, at the end of the measured span. */
  readonly timestamp: string;
  /** End of the measured span, epoch ms (a timestamp without an offset is read as UTC). */
  readonly endMs: number;
  readonly projectName?: string;
  readonly runId: string;
  readonly experimentId?: string;
  readonly durationS: number;
  readonly emissionsKg: number;
  readonly emissionsRateKgPerS?: number;
  readonly cpuPowerW?: number;
  readonly gpuPowerW?: number;
  readonly ramPowerW?: number;
  /** Energies as CodeCarbon writes them: already multiplied by `pue`. */
  readonly cpuEnergyKwh?: number;
  readonly gpuEnergyKwh?: number;
  readonly ramEnergyKwh?: number;
  readonly energyConsumedKwh: number;
  readonly waterConsumedL?: number;
  readonly countryName?: string;
  /** ISO 3166-1 alpha-3. */
  readonly countryIsoCode?: string;
  readonly region?: string;
  readonly cloudProvider?: string;
  readonly cloudRegion?: string;
  readonly os?: string;
  readonly pythonVersion?: string;
  readonly codecarbonVersion?: string;
  /** Logical CPUs (threads) CodeCarbon saw, not sockets. */
  readonly cpuCount?: number;
  readonly cpuModel?: string;
  readonly gpuCount?: number;
  /** `1 x NVIDIA A100-SXM4-40GB`. */
  readonly gpuModel?: string;
  readonly longitude?: number;
  readonly latitude?: number;
  readonly ramTotalSizeGb?: number;
  readonly trackingMode?: string;
  readonly cpuUtilizationPercent?: number;
  readonly gpuUtilizationPercent?: number;
  readonly ramUtilizationPercent?: number;
  readonly ramUsedGb?: number;
  readonly onCloud?: boolean;
  readonly pue?: number;
  readonly wue?: number;
  /** Columns this reader does not know, kept as written. */
  readonly extra: Readonly<Record<string, string>>;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function parseTimestamp(text: string): number | undefined {
  if (!TIMESTAMP.test(text)) return undefined;
  const iso = text.replace(' ', 'T');
  const ms = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Reads CodeCarbon's `emissions.csv` (2.x or 3.x columns, any order, extra columns kept). */
export function parseCodeCarbonCsv(text: string, file: string): { rows: CodeCarbonRow[] } {
  const records = readCsv(text, file);
  const header = records[0];
  if (!header)
    throw new FootprintError('parse_error', `${file}:1: empty file; expected CodeCarbon's header line`);
  const names = header.fields.map((f) => f.trim());
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name))
      throw new FootprintError('parse_error', `${file}:${header.line}: column "${name}" appears twice`);
    seen.add(name);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !seen.has(c));
  if (missing.length > 0) {
    throw new FootprintError(
      'parse_error',
      `${file}:${header.line}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; is this CodeCarbon's emissions.csv?`,
    );
  }
  const known = new Set<string>(CODECARBON_COLUMNS);
  const rows = records.slice(1).map((record) => {
    const at = `${file}:${record.line}`;
    if (record.fields.length !== names.length) {
      throw new FootprintError(
        'parse_error',
        `${at}: ${record.fields.length} fields, but the header has ${names.length} (a comma inside a value must be quoted)`,
      );
    }
    const raw = new Map<string, string>(names.map((name, i) => [name, (record.fields[i] as string).trim()]));
    const text = (c: CodeCarbonColumn): string | undefined => {
      const v = raw.get(c);
      return v === undefined || v === '' ? undefined : v;
    };
    const num = (c: CodeCarbonColumn): number | undefined => {
      const v = text(c);
      if (v === undefined) return undefined;
      if (!NUMBER.test(v))
        throw new FootprintError('parse_error', `${at}: ${c} must be a number, got "${v}"`);
      const n = Number(v);
      if (NON_NEGATIVE_COLUMNS.has(c) && n < 0) {
        throw new FootprintError('parse_error', `${at}: ${c} must not be negative, got ${v}`);
      }
      return n;
    };
    const required = (c: CodeCarbonColumn): number => {
      const n = num(c);
      if (n === undefined)
        throw new FootprintError('parse_error', `${at}: ${c} is empty; it must be a number`);
      return n;
    };
    for (const c of NUMERIC_COLUMNS) num(c);
    const timestamp = text('timestamp');
    const endMs = timestamp === undefined ? undefined : parseTimestamp(timestamp);
    if (timestamp === undefined || endMs === undefined) {
      throw new FootprintError(
        'parse_error',
        `${at}: timestamp must look like 2025-10-09T11:25:18, got "${timestamp ?? ''}"`,
      );
    }
    const runId = text('run_id');
    if (runId === undefined) throw new FootprintError('parse_error', `${at}: run_id is empty`);
    const onCloud = text('on_cloud');
    const extra = Object.fromEntries([...raw].filter(([name]) => !known.has(name)));
    const opt = <K extends string, V>(key: K, value: V | undefined) =>
      (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
    const row: CodeCarbonRow = {
      line: record.line,
      timestamp,
      endMs,
      ...opt('projectName', text('project_name')),
      runId,
      ...opt('experimentId', text('experiment_id')),
      durationS: required('duration'),
      emissionsKg: required('emissions'),
      ...opt('emissionsRateKgPerS', num('emissions_rate')),
      ...opt('cpuPowerW', num('cpu_power')),
      ...opt('gpuPowerW', num('gpu_power')),
      ...opt('ramPowerW', num('ram_power')),
      ...opt('cpuEnergyKwh', num('cpu_energy')),
      ...opt('gpuEnergyKwh', num('gpu_energy')),
      ...opt('ramEnergyKwh', num('ram_energy')),
      energyConsumedKwh: required('energy_consumed'),
      ...opt('waterConsumedL', num('water_consumed')),
      ...opt('countryName', text('country_name')),
      ...opt('countryIsoCode', text('country_iso_code')),
      ...opt('region', text('region')),
      ...opt('cloudProvider', text('cloud_provider')),
      ...opt('cloudRegion', text('cloud_region')),
      ...opt('os', text('os')),
      ...opt('pythonVersion', text('python_version')),
      ...opt('codecarbonVersion', text('codecarbon_version')),
      ...opt('cpuCount', num('cpu_count')),
      ...opt('cpuModel', text('cpu_model')),
      ...opt('gpuCount', num('gpu_count')),
      ...opt('gpuModel', text('gpu_model')),
      ...opt('longitude', num('longitude')),
      ...opt('latitude', num('latitude')),
      ...opt('ramTotalSizeGb', num('ram_total_size')),
      ...opt('trackingMode', text('tracking_mode')),
      ...opt('cpuUtilizationPercent', num('cpu_utilization_percent')),
      ...opt('gpuUtilizationPercent', num('gpu_utilization_percent')),
      ...opt('ramUtilizationPercent', num('ram_utilization_percent')),
      ...opt('ramUsedGb', num('ram_used_gb')),
      ...opt('onCloud', onCloud === undefined ? undefined : onCloud.toUpperCase() === 'Y'),
      ...opt('pue', num('pue')),
      ...opt('wue', num('wue')),
      extra,
    };
    if (row.pue !== undefined && row.pue < 1) {
      throw new FootprintError('parse_error', `${at}: pue must be at least 1, got ${row.pue}`);
    }
    return row;
  });
  return { rows };
}

/**
 * The last row of each run (the longest span): CodeCarbon writes cumulative totals at every
 * `flush()` and at `stop()`, so only the last row of a run is its footprint. In file order.
 */
export function latestRowPerRun(rows: readonly CodeCarbonRow[]): CodeCarbonRow[] {
  const latest = new Map<string, CodeCarbonRow>();
  for (const row of rows) {
    const prior = latest.get(row.runId);
    if (!prior || row.durationS >= prior.durationS) latest.set(row.runId, row);
  }
  const keep = new Set(latest.values());
  return rows.filter((r) => keep.has(r));
}

export interface CodeCarbonImportOptions {
  readonly phase: Phase;
  /** Default: the row's project_name, else `codecarbon`. */
  readonly project?: string;
  readonly model?: string;
  readonly trainingType?: 'offline' | 'online';
  /** The entry id (`e…`); default: derived from the import key, so the same row gets the same id. */
  readonly id?: string;
}

/** `1 x NVIDIA A100-SXM4-40GB` → count 1, name; several kinds (`1 x A, 2 x B`) → a list. */
export function parseGpuModel(text: string): { count: number; name: string }[] {
  return text
    .split(/,(?=\s*\d+\s*x\s)/)
    .map((part) => /^\s*(\d+)\s*x\s+(.+?)\s*$/.exec(part))
    .flatMap((m) => (m ? [{ count: Number(m[1]), name: m[2] as string }] : []));
}

/** FNV-1a, 32-bit, twice with different offsets: a short stable id, not a security measure. */
function stableId(key: string): string {
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return `e${fnv(0x811c9dc5)}${fnv(0x01000193)}`;
}

const positiveInt = (n: number | undefined): number | undefined =>
  n !== undefined && Number.isFinite(n) && Math.round(n) >= 1 ? Math.round(n) : undefined;

/** Where the row ran, as an estimate `site`: a known cloud region, else the ISO-3 country. */
function siteOf(row: CodeCarbonRow): Record<string, unknown> {
  // CodeCarbon's default PUE is 1 ("not set"): only a PUE the user changed is a statement about
  // the site; otherwise Footprint's own PUE (region or documented default) applies, visibly.
  const pue = row.pue !== undefined && row.pue !== 1 ? { pue: row.pue } : {};
  if (row.onCloud && row.cloudProvider && row.cloudRegion) {
    const region = findRegion(`${row.cloudProvider}:${row.cloudRegion}`);
    if (region) return { region: region.id, ...pue };
  }
  const iso3 = row.countryIsoCode?.toUpperCase();
  if (iso3 && iso3 in ISO3_TO_ISO2) return { zone: iso3, ...pue };
  return { ...pue };
}

/**
 * An Entry for one CodeCarbon row, priced from an estimate spec (validate it with the estimate
 * schema before storing): one device group per measured component with its IT energy
 * (`energy / pue`), the GPU and CPU models where the hardware table knows them (for their
 * embodied footprint), DRAM with its size, the site from the cloud region or country, and
 * embodied carbon included. CodeCarbon's own figures are kept in `attrs` for comparison.
 */
export function codeCarbonRowToEntry(row: CodeCarbonRow, options: CodeCarbonImportOptions): Entry {
  const pue = row.pue ?? 1;
  const it = (kwh: number | undefined) => (kwh === undefined ? undefined : kwh / pue);
  const groups: Record<string, unknown>[] = [];
  const gpus = row.gpuModel ? parseGpuModel(row.gpuModel) : [];
  const gpuCount = positiveInt(row.gpuCount) ?? positiveInt(gpus.reduce((s, g) => s + g.count, 0));
  const gpuChips = new Set(gpus.map((g) => findChipByReportedName(g.name)?.name));
  const gpuModel = gpuChips.size === 1 ? [...gpuChips][0] : undefined;
  const cpuModel = row.cpuModel ? findChipByReportedName(row.cpuModel)?.name : undefined;
  const gpuEnergy = it(row.gpuEnergyKwh);
  const cpuEnergy = it(row.cpuEnergyKwh);
  const ramEnergy = it(row.ramEnergyKwh);
  const components = (gpuEnergy ?? 0) + (cpuEnergy ?? 0) + (ramEnergy ?? 0);
  // No per-component split (an old or trimmed file): the whole energy goes to the main processor.
  const unsplit = components === 0 ? row.energyConsumedKwh / pue : 0;
  const hasGpu = gpuCount !== undefined || (gpuEnergy ?? 0) > 0;
  if (hasGpu) {
    groups.push({
      type: 'gpu',
      ...(gpuModel ? { model: gpuModel } : {}),
      count: gpuCount ?? 1,
      energy_kwh: (gpuEnergy ?? 0) + unsplit,
    });
  }
  groups.push({
    type: 'cpu',
    ...(cpuModel ? { model: cpuModel } : {}),
    count: 1,
    energy_kwh: (cpuEnergy ?? 0) + (hasGpu ? 0 : unsplit),
  });
  if (ramEnergy !== undefined && (ramEnergy > 0 || row.ramTotalSizeGb !== undefined)) {
    groups.push({
      type: 'dram',
      ...(row.ramTotalSizeGb !== undefined && row.ramTotalSizeGb > 0
        ? { capacity_gb: row.ramTotalSizeGb }
        : {}),
      energy_kwh: ramEnergy,
    });
  }
  const importKey = `codecarbon:${row.runId}:${row.timestamp}`;
  const attrs: Record<string, string> = {
    codecarbon_run_id: row.runId,
    codecarbon_timestamp: row.timestamp,
    codecarbon_emissions_kg: String(row.emissionsKg),
    codecarbon_energy_kwh: String(row.energyConsumedKwh),
    codecarbon_duration_s: String(row.durationS),
  };
  const keep = (name: string, value: string | number | boolean | undefined) => {
    if (value !== undefined) attrs[name] = String(value);
  };
  keep('codecarbon_version', row.codecarbonVersion);
  keep('codecarbon_project', row.projectName);
  keep('codecarbon_experiment_id', row.experimentId);
  keep('codecarbon_pue', row.pue);
  keep('codecarbon_country_iso_code', row.countryIsoCode);
  keep('codecarbon_region', row.region);
  keep(
    'codecarbon_cloud',
    row.cloudProvider && row.cloudRegion ? `${row.cloudProvider}:${row.cloudRegion}` : undefined,
  );
  keep('codecarbon_cpu_model', row.cpuModel);
  keep('codecarbon_cpu_count', row.cpuCount);
  keep('codecarbon_gpu_model', row.gpuModel);
  keep('codecarbon_tracking_mode', row.trackingMode);
  const name = `CodeCarbon run ${row.runId}`;
  return {
    id: options.id ?? stableId(importKey),
    project: options.project ?? row.projectName ?? 'codecarbon',
    ...(options.model === undefined ? {} : { model: options.model }),
    phase: options.phase,
    ...(options.trainingType === undefined ? {} : { trainingType: options.trainingType }),
    label: `CodeCarbon run ${row.runId.slice(0, 8)}`,
    atMs: row.endMs - row.durationS * 1000,
    source: 'codecarbon',
    importKey,
    spec: {
      name,
      phase: options.phase,
      ...(options.trainingType === undefined ? {} : { training_type: options.trainingType }),
      ...(row.durationS > 0 ? { duration_h: row.durationS / 3600 } : {}),
      hardware: groups,
      site: siteOf(row),
      embodied: { include: true },
    },
    attrs,
  };
}

// ── export ──────────────────────────────────────────────────────────────────────────────────────

export interface CodeCarbonExportOptions {
  /**
   * `operational` (default): CodeCarbon's meaning of `emissions`, location-based operational
   * carbon. `total`: operational + embodied, for readers who want the whole footprint in one column.
   */
  readonly emissions?: 'operational' | 'total';
  /** Per item id, its priced device groups: fills cpu/gpu/ram energy and power (0 otherwise). */
  readonly groups?: ReadonlyMap<string, readonly GroupFootprint[]>;
}

const ISO2_TO_ISO3: ReadonlyMap<string, string> = new Map(
  Object.entries(ISO3_TO_ISO2).map(([iso3, iso2]) => [iso2, iso3]),
);

/** `zone FR`, `gcp:us-central1 (zone US-MIDW-MISO)` → zone and cloud region, where the text names them. */
export function placeOf(location: string): { zone?: string; provider?: string; region?: string } {
  const zone = /\bzone ([A-Za-z0-9-]+)/.exec(location)?.[1];
  const cloud = /^(aws|gcp|azure):([a-z0-9-]+)/.exec(location.trim());
  return {
    ...(zone ? { zone } : {}),
    ...(cloud ? { provider: cloud[1] as string, region: cloud[2] as string } : {}),
  };
}

/** The zone as an ISO-3 country code and name, when the zone is a whole country. */
function countryOf(zone: string | undefined): { iso3: string; name: string } | undefined {
  if (!zone) return undefined;
  const upper = zone.toUpperCase();
  const iso3 = upper in ISO3_TO_ISO2 ? upper : ISO2_TO_ISO3.get(upper);
  if (!iso3) return undefined;
  return { iso3, name: COUNTRIES.get(iso3)?.name ?? '' };
}

/** `%Y-%m-%dT%H:%M:%S`, UTC. */
const codeCarbonTime = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

const num = (n: number): string => (Number.isFinite(n) ? String(n) : '');

/**
 * Report items as CodeCarbon 3.x `emissions.csv` rows (exactly CodeCarbon's columns): one row per
 * item, energies in kWh at the facility (IT × PUE, as CodeCarbon writes them), duration in s,
 * emissions in kg. `_report` is the report the items come from; every column is filled from the
 * items themselves (kept so callers pass the report, for columns a later CodeCarbon may add).
 */
export function toCodeCarbonCsv(
  items: readonly ReportItem[],
  _report: LifecycleReport,
  options: CodeCarbonExportOptions = {},
): string {
  const lines = [csvLine(CODECARBON_COLUMNS)];
  for (const item of items) {
    const durationS = (item.durationHours ?? 0) * 3600;
    const endMs = item.durationHours === undefined ? item.startMs : item.startMs + durationS * 1000;
    const emissionsKg =
      (options.emissions === 'total' ? item.totalGco2e : item.operationalGco2e.location) / 1000;
    const pue = item.energyKwh > 0 ? item.facilityEnergyKwh / item.energyKwh : item.pue;
    const groups = options.groups?.get(item.id) ?? [];
    const energyOf = (kinds: readonly string[]) =>
      groups.filter((g) => kinds.includes(g.kind)).reduce((s, g) => s + g.facilityEnergyKwh, 0);
    const cpu = energyOf(['cpu']);
    const gpu = energyOf(['gpu', 'accelerator']);
    const ram = energyOf(['dram']);
    const watts = (kwh: number) => (durationS > 0 ? (kwh * 3_600_000) / durationS : 0);
    const place = placeOf(item.location);
    const country = countryOf(place.zone);
    const gpus = item.hardware.filter((h) => h.kind === 'gpu' || h.kind === 'accelerator');
    const cpus = item.hardware.filter((h) => h.kind === 'cpu');
    const values: Record<CodeCarbonColumn, string> = {
      timestamp: codeCarbonTime(endMs),
      project_name: item.project,
      run_id: item.id,
      experiment_id: '',
      duration: num(durationS),
      emissions: num(emissionsKg),
      emissions_rate: num(durationS > 0 ? emissionsKg / durationS : 0),
      cpu_power: num(watts(cpu)),
      gpu_power: num(watts(gpu)),
      ram_power: num(watts(ram)),
      cpu_energy: num(cpu),
      gpu_energy: num(gpu),
      ram_energy: num(ram),
      energy_consumed: num(item.facilityEnergyKwh),
      water_consumed: '',
      country_name: country?.name ?? '',
      country_iso_code: country?.iso3 ?? '',
      region: '',
      cloud_provider: place.provider ?? '',
      cloud_region: place.region ?? '',
      os: '',
      python_version: '',
      codecarbon_version: '',
      cpu_count: '',
      cpu_model: cpus.map((h) => h.label).join(', '),
      gpu_count: gpus.length > 0 ? String(gpus.reduce((s, h) => s + h.count, 0)) : '',
      gpu_model: gpus.map((h) => `${h.count} x ${h.label}`).join(', '),
      longitude: '',
      latitude: '',
      ram_total_size: '',
      tracking_mode: 'machine',
      cpu_utilization_percent: '',
      gpu_utilization_percent: '',
      ram_utilization_percent: '',
      ram_used_gb: '',
      on_cloud: place.provider ? 'Y' : 'N',
      pue: num(pue),
      wue: '',
    };
    lines.push(csvLine(CODECARBON_COLUMNS.map((c) => values[c])));
  }
  return `${lines.join('\n')}\n`;
}
