/**
 * The edge between SQL rows and the ledger's plain records: checks of what a backend reads back
 * (JSON columns included) that turn snake_case nullable columns into records with absent optional
 * fields. Plain code rather than a schema library: a report reads runs and devices by the ten
 * thousand, and a zod schema per row cost more than the query that read it. Samples are many and typed by the schema (STRICT tables, NOT NULL, CHECKs), so they are mapped
 * without per-row checks. Backend-neutral: both backends select the same column names.
 */
import { ENTRY_SOURCES, type Entry } from '../core/entry.js';
import { FootprintError } from '../core/errors.js';
import { DEVICE_KINDS, PHASES } from '../core/job.js';
import type { DeviceInfo, Marker } from '../core/measurement.js';
import { RUN_STATUSES } from '../core/measurement.js';
import type { DeviceEnergy, RunSite, RunSummary, RunTotals } from './ledger.js';

/** Only the keys whose value is not null/undefined: how optional fields stay absent. */
function present<T extends Record<string, unknown>>(
  fields: T,
): { [K in keyof T]?: Exclude<T[K], null | undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== null && v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], null | undefined> };
}

/** `site` as stored: only the fields the user gave. */
export const siteToJson = (site: RunSite): string =>
  JSON.stringify(present({ zone: site.zone, region: site.region, pue: site.pue, cfe: site.cfe }));

/** A row read back that Footprint did not write so: which field, and what is wrong with it. */
class Malformed extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}

type Row = Readonly<Record<string, unknown>>;

const fail = (field: string, problem: string): never => {
  throw new Malformed(field, problem);
};
const absent = (v: unknown): v is null | undefined => v === null || v === undefined;

function text(row: Row, field: string): string {
  const v = row[field];
  return typeof v === 'string' ? v : fail(field, 'is not text');
}
const optText = (row: Row, field: string): string | undefined =>
  absent(row[field]) ? undefined : text(row, field);

function num(row: Row, field: string): number {
  const v = row[field];
  return typeof v === 'number' && Number.isFinite(v) ? v : fail(field, 'is not a finite number');
}
const optNum = (row: Row, field: string): number | undefined =>
  absent(row[field]) ? undefined : num(row, field);

function int(row: Row, field: string): number {
  const v = row[field];
  return Number.isSafeInteger(v) ? (v as number) : fail(field, 'is not a whole number');
}
const optInt = (row: Row, field: string): number | undefined =>
  absent(row[field]) ? undefined : int(row, field);

function oneOf<T extends string>(row: Row, field: string, allowed: readonly T[]): T {
  const v = row[field];
  return (allowed as readonly unknown[]).includes(v)
    ? (v as T)
    : fail(field, `is not one of ${allowed.join(', ')}`);
}
const optOneOf = <T extends string>(row: Row, field: string, allowed: readonly T[]): T | undefined =>
  absent(row[field]) ? undefined : oneOf(row, field, allowed);

function json(row: Row, field: string): unknown {
  const t = text(row, field);
  try {
    return JSON.parse(t);
  } catch {
    return fail(field, 'is not valid JSON');
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function stringList(row: Row, field: string): string[] {
  const v = json(row, field);
  if (!Array.isArray(v)) return fail(field, 'is not a JSON array');
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') fail(`${field}.${i}`, 'is not a string');
  return v as string[];
}

function stringMap(row: Row, field: string): Record<string, string> {
  const v = json(row, field);
  if (!isObject(v)) return fail(field, 'is not a JSON object');
  for (const k in v) if (typeof v[k] !== 'string') fail(`${field}.${k}`, 'is not a string');
  return v as Record<string, string>;
}

/** A record being built: optional fields are set only when present, so absent ones stay absent. */
type Building<T> = { -readonly [K in keyof T]: T[K] };

/** The site as stored: its four known fields when present (others are dropped). */
function site(row: Row): RunSite | undefined {
  if (absent(row.site)) return undefined;
  const v = json(row, 'site');
  if (!isObject(v)) return fail('site', 'is not a JSON object');
  const out: Building<RunSite> = {};
  const { zone, region, pue, cfe } = v;
  if (zone !== undefined) out.zone = typeof zone === 'string' ? zone : fail('site.zone', 'is not a string');
  if (region !== undefined)
    out.region = typeof region === 'string' ? region : fail('site.region', 'is not a string');
  if (pue !== undefined) out.pue = typeof pue === 'number' ? pue : fail('site.pue', 'is not a number');
  if (cfe !== undefined) out.cfe = typeof cfe === 'number' ? cfe : fail('site.cfe', 'is not a number');
  return out;
}

const METHODS = ['counter', 'power', 'model'] as const;
const PROVENANCES = ['measured', 'modelled'] as const;
const TRAINING_TYPES = ['offline', 'online'] as const;

type RunSums = Pick<RunSummary, 'energyJ' | 'attributedJ' | 'sampleCount'>;

// The builders below set fields one by one rather than spreading optional ones in: a report
// builds tens of thousands of these, and in a short CLI process most of that code runs cold.

/** A `runs` row with its totals (`energy_j`, `attributed_j`, `sample_count` unless given). */
function runRow(r: Row, sums?: RunSums): RunSummary {
  const out: Building<RunSummary> = {
    id: text(r, 'id'),
    command: stringList(r, 'command'),
    cwd: text(r, 'cwd'),
    host: text(r, 'host'),
    wrapperPid: int(r, 'wrapper_pid'),
    startMs: num(r, 'start_ms'),
    lastSeenMs: num(r, 'last_seen_ms'),
    phase: oneOf(r, 'phase', PHASES),
    project: text(r, 'project'),
    tags: stringMap(r, 'tags'),
    intervalS: num(r, 'interval_s'),
    status: oneOf(r, 'status', RUN_STATUSES),
    energyJ: sums ? sums.energyJ : num(r, 'energy_j'),
    attributedJ: sums ? sums.attributedJ : num(r, 'attributed_j'),
    sampleCount: sums ? sums.sampleCount : int(r, 'sample_count'),
  };
  const endMs = optNum(r, 'end_ms');
  if (endMs !== undefined) out.endMs = endMs;
  const model = optText(r, 'model');
  if (model !== undefined) out.model = model;
  const where = site(r);
  if (where !== undefined) out.site = where;
  const exitCode = optInt(r, 'exit_code');
  if (exitCode !== undefined) out.exitCode = exitCode;
  const signal = optText(r, 'signal');
  if (signal !== undefined) out.signal = signal;
  return out;
}

function deviceRow(r: Row): DeviceInfo {
  const out: Building<DeviceInfo> = {
    id: text(r, 'device_id'),
    kind: oneOf(r, 'kind', DEVICE_KINDS),
    name: text(r, 'name'),
    method: oneOf(r, 'method', METHODS),
    provenance: oneOf(r, 'provenance', PROVENANCES),
    source: text(r, 'source'),
  };
  const model = optText(r, 'model');
  if (model !== undefined) out.model = model;
  return out;
}

function markerRow(r: Row): Marker {
  const out: Building<Marker> = {
    atMs: num(r, 'at_ms'),
    label: text(r, 'label'),
    attrs: stringMap(r, 'attrs'),
  };
  const phase = optOneOf(r, 'phase', PHASES);
  if (phase !== undefined) out.phase = phase;
  return out;
}

/**
 * A device's totals: `energy_j`, `attributed_j`, `sample_count`, `first_ms`, `last_ms`, all null
 * when it has no samples (a LEFT JOIN that found no `device_totals` row), which reads as zeros.
 */
const deviceEnergyRow = (r: Row): DeviceEnergy =>
  absent(r.sample_count)
    ? { deviceId: text(r, 'device_id'), energyJ: 0, attributedJ: 0, sampleCount: 0 }
    : {
        deviceId: text(r, 'device_id'),
        energyJ: num(r, 'energy_j'),
        attributedJ: num(r, 'attributed_j'),
        sampleCount: int(r, 'sample_count'),
        firstMs: num(r, 'first_ms'),
        lastMs: num(r, 'last_ms'),
      };

function entryRow(r: Row): Entry {
  const spec = json(r, 'spec');
  const out: Building<Entry> = {
    id: text(r, 'id'),
    project: text(r, 'project'),
    phase: oneOf(r, 'phase', PHASES),
    label: text(r, 'label'),
    atMs: num(r, 'at_ms'),
    source: oneOf(r, 'source', ENTRY_SOURCES),
    spec: isObject(spec) ? spec : fail('spec', 'is not a JSON object'),
    attrs: stringMap(r, 'attrs'),
  };
  const model = optText(r, 'model');
  if (model !== undefined) out.model = model;
  const trainingType = optOneOf(r, 'training_type', TRAINING_TYPES);
  if (trainingType !== undefined) out.trainingType = trainingType;
  const importKey = optText(r, 'import_key');
  if (importKey !== undefined) out.importKey = importKey;
  const predictions = optNum(r, 'predictions');
  if (predictions !== undefined) out.predictions = predictions;
  return out;
}

const malformed = (where: string, what: string, field: string, problem: string): FootprintError =>
  new FootprintError(
    'io_error',
    `${where}: a ${what} row is malformed (${field} ${problem}); the file was changed outside Footprint or is damaged`,
  );

function checkRows<T>(
  check: (row: Row, index: number) => T,
  what: string,
  where: string,
  rows: readonly unknown[],
): T[] {
  const out = new Array<T>(rows.length);
  try {
    for (let i = 0; i < rows.length; i++) out[i] = check(rows[i] as Row, i);
  } catch (e) {
    if (e instanceof Malformed) throw malformed(where, what, e.field, e.problem);
    throw e;
  }
  return out;
}

export const toRuns = (where: string, rows: readonly unknown[]): RunSummary[] =>
  checkRows((r) => runRow(r), 'run', where, rows);
export const toDevices = (where: string, rows: readonly unknown[]): DeviceInfo[] =>
  checkRows(deviceRow, 'device', where, rows);
export const toMarkers = (where: string, rows: readonly unknown[]): Marker[] =>
  checkRows(markerRow, 'marker', where, rows);
/** Rows of `device_id` and the device's totals (see `deviceEnergyRow`). */
export const toDeviceEnergy = (where: string, rows: readonly unknown[]): DeviceEnergy[] =>
  checkRows(deviceEnergyRow, 'device energy', where, rows);
export const toEntries = (where: string, rows: readonly unknown[]): Entry[] =>
  checkRows(entryRow, 'entry', where, rows);

/** Run and device keys: integers in SQLite, bigint text from PostgreSQL. */
type Key = number | string;
interface Keyed {
  readonly run_key: Key;
}

/** `items[i]` grouped under `String(keys[i].run_key)`, keeping their order. */
function byRun<T>(keys: readonly Keyed[], items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (let i = 0; i < items.length; i++) {
    const k = String(keys[i]?.run_key);
    const item = items[i] as T;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Puts `runTotals` together from its set-based queries: `runs` (in the order to return, each with
 * its `key`), `devices` (each with `run_key`, in first-added order,
 * with the device's columns and its totals as `toDeviceEnergy` reads them) and `markers` (each with
 * `run_key`, ordered by time). Each kind of row is checked in one pass; a run's totals are the sums
 * of its devices' totals.
 */
export function toRunTotals(
  where: string,
  runs: readonly { readonly key: Key }[],
  devices: readonly Keyed[],
  markers: readonly Keyed[],
): RunTotals[] {
  const devicesOf = byRun(devices, toDevices(where, devices));
  const energyByRun = byRun(devices, toDeviceEnergy(where, devices));
  const markersOf = byRun(markers, toMarkers(where, markers));

  const sumsOf = (energy: readonly DeviceEnergy[]): RunSums => {
    const sums = { energyJ: 0, attributedJ: 0, sampleCount: 0 };
    for (const d of energy) {
      sums.energyJ += d.energyJ;
      sums.attributedJ += d.attributedJ;
      sums.sampleCount += d.sampleCount;
    }
    return sums;
  };
  return checkRows(
    (r): RunTotals => {
      const k = String(r.key);
      const energy = energyByRun.get(k) ?? [];
      return {
        run: runRow(r, sumsOf(energy)),
        devices: devicesOf.get(k) ?? [],
        energy,
        phaseMarkers: markersOf.get(k) ?? [],
      };
    },
    'run',
    where,
    runs,
  );
}
