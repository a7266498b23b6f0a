/**
 * The edge between SQL rows and the ledger's plain records: zod schemas that check what a backend
 * reads back (JSON columns included) and turn snake_case nullable columns into records with absent
 * optional fields. Used for runs, devices and markers; samples are many and typed by the schema
 * (STRICT tables, NOT NULL, CHECKs), so they are mapped without per-row parsing.
 * Backend-neutral: a PostgreSQL backend that selects the same column names reuses these.
 */
import { z } from 'zod';
import { ENTRY_SOURCES, type Entry } from '../core/entry.js';
import { FootprintError } from '../core/errors.js';
import { DEVICE_KINDS, PHASES } from '../core/job.js';
import type { DeviceInfo, Marker } from '../core/measurement.js';
import { RUN_STATUSES } from '../core/measurement.js';
import type { DeviceEnergy, RunSite, RunSummary, RunTotals } from './ledger.js';

/** A JSON text column, parsed and then checked against `schema`. */
const json = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const stringMap = z.record(z.string(), z.string());
const siteSchema = z.object({
  zone: z.string().optional(),
  region: z.string().optional(),
  pue: z.number().optional(),
  cfe: z.number().optional(),
});

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

const runRow = z
  .object({
    id: z.string(),
    command: json(z.array(z.string())),
    cwd: z.string(),
    host: z.string(),
    wrapper_pid: z.number().int(),
    start_ms: z.number(),
    end_ms: z.number().nullable(),
    last_seen_ms: z.number(),
    phase: z.enum(PHASES),
    project: z.string(),
    model: z.string().nullable(),
    tags: json(stringMap),
    interval_s: z.number(),
    site: json(siteSchema).nullable(),
    status: z.enum(RUN_STATUSES),
    exit_code: z.number().int().nullable(),
    signal: z.string().nullable(),
    energy_j: z.number(),
    attributed_j: z.number(),
    sample_count: z.number().int(),
  })
  .transform(
    (r): RunSummary => ({
      id: r.id,
      command: r.command,
      cwd: r.cwd,
      host: r.host,
      wrapperPid: r.wrapper_pid,
      startMs: r.start_ms,
      lastSeenMs: r.last_seen_ms,
      phase: r.phase,
      project: r.project,
      tags: r.tags,
      intervalS: r.interval_s,
      status: r.status,
      energyJ: r.energy_j,
      attributedJ: r.attributed_j,
      sampleCount: r.sample_count,
      ...present({
        endMs: r.end_ms,
        model: r.model,
        site: r.site === null ? null : present(r.site),
        exitCode: r.exit_code,
        signal: r.signal,
      }),
    }),
  );

const deviceRow = z
  .object({
    device_id: z.string(),
    kind: z.enum(DEVICE_KINDS),
    name: z.string(),
    model: z.string().nullable(),
    method: z.enum(['counter', 'power', 'model']),
    provenance: z.enum(['measured', 'modelled']),
    source: z.string(),
  })
  .transform(
    (r): DeviceInfo => ({
      id: r.device_id,
      kind: r.kind,
      name: r.name,
      method: r.method,
      provenance: r.provenance,
      source: r.source,
      ...present({ model: r.model }),
    }),
  );

const markerRow = z
  .object({
    at_ms: z.number(),
    label: z.string(),
    phase: z.enum(PHASES).nullable(),
    attrs: json(stringMap),
  })
  .transform(
    (r): Marker => ({ atMs: r.at_ms, label: r.label, attrs: r.attrs, ...present({ phase: r.phase }) }),
  );

const deviceEnergyRow = z
  .object({
    device_id: z.string(),
    energy_j: z.number(),
    attributed_j: z.number(),
    sample_count: z.number().int(),
    first_ms: z.number().nullable(),
    last_ms: z.number().nullable(),
  })
  .transform(
    (r): DeviceEnergy => ({
      deviceId: r.device_id,
      energyJ: r.energy_j,
      attributedJ: r.attributed_j,
      sampleCount: r.sample_count,
      ...present({ firstMs: r.first_ms, lastMs: r.last_ms }),
    }),
  );

const entryRow = z
  .object({
    id: z.string(),
    project: z.string(),
    model: z.string().nullable(),
    phase: z.enum(PHASES),
    training_type: z.enum(['offline', 'online']).nullable(),
    label: z.string(),
    at_ms: z.number(),
    source: z.enum(ENTRY_SOURCES),
    import_key: z.string().nullable(),
    spec: json(z.record(z.string(), z.unknown())),
    predictions: z.number().nullable(),
    attrs: json(stringMap),
  })
  .transform(
    (r): Entry => ({
      id: r.id,
      project: r.project,
      phase: r.phase,
      label: r.label,
      atMs: r.at_ms,
      source: r.source,
      spec: r.spec,
      attrs: r.attrs,
      ...present({
        model: r.model,
        trainingType: r.training_type,
        importKey: r.import_key,
        predictions: r.predictions,
      }),
    }),
  );

function parseRows<S extends z.ZodType>(
  schema: S,
  what: string,
  where: string,
  rows: unknown[],
): z.output<S>[] {
  return rows.map((row) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'row';
    throw new FootprintError(
      'io_error',
      `${where}: a ${what} row is malformed (${field} ${issue?.message ?? 'is invalid'}); the file was changed outside Footprint or is damaged`,
    );
  });
}

export const toRuns = (where: string, rows: unknown[]): RunSummary[] => parseRows(runRow, 'run', where, rows);
export const toDevices = (where: string, rows: unknown[]): DeviceInfo[] =>
  parseRows(deviceRow, 'device', where, rows);
export const toMarkers = (where: string, rows: unknown[]): Marker[] =>
  parseRows(markerRow, 'marker', where, rows);
export const toDeviceEnergy = (where: string, rows: unknown[]): DeviceEnergy[] =>
  parseRows(deviceEnergyRow, 'device energy', where, rows);
export const toEntries = (where: string, rows: unknown[]): Entry[] =>
  parseRows(entryRow, 'entry', where, rows);

/** Run and device keys: integers in SQLite, bigint text from PostgreSQL. */
type Key = number | string;
interface Keyed {
  readonly run_key: Key;
}

/**
 * One run's totals on one device, as `runTotals` selects them (a raw row, in this column order):
 * sums over samples, which the schema already types (NOT NULL, CHECKs), so they are only spot-checked.
 */
export type EnergyTuple = [
  runKey: Key,
  deviceKey: Key,
  energyJ: number,
  attributedJ: number,
  sampleCount: number,
  firstMs: number,
  lastMs: number,
];

/** `items[i]` grouped under `String(keys[i].run_key)`, keeping their order. */
function byRun<T>(keys: readonly Keyed[], items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const [i, item] of items.entries()) {
    const k = String(keys[i]?.run_key);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Puts `runTotals` together from its set-based queries: `runs` (in the order to return, each with
 * its `key`; the rows get their totals added), `devices` (each with `run_key` and its own `key`, in
 * first-added order), `energy` (one tuple per run and device that has samples) and `markers` (each
 * with `run_key`, ordered by time). Each kind of row is checked in one pass; a run's totals are
 * the sums of its devices' totals.
 */
export function toRunTotals(
  where: string,
  runs: readonly { readonly key: Key }[],
  devices: readonly (Keyed & { readonly key: Key; readonly device_id: string })[],
  energy: readonly EnergyTuple[],
  markers: readonly Keyed[],
): RunTotals[] {
  const energyOf = new Map<string, EnergyTuple>();
  for (const t of energy) energyOf.set(`${t[0]}:${t[1]}`, t);
  const perDevice = devices.map((d): DeviceEnergy => {
    const t = energyOf.get(`${d.run_key}:${d.key}`);
    if (!t) return { deviceId: d.device_id, energyJ: 0, attributedJ: 0, sampleCount: 0 };
    const [, , energyJ, attributedJ, sampleCount, firstMs, lastMs] = t;
    if (![energyJ, attributedJ, sampleCount, firstMs, lastMs].every((n) => typeof n === 'number'))
      throw new FootprintError(
        'io_error',
        `${where}: the totals of device ${d.device_id} are not numbers; the ledger was changed outside Footprint or is damaged`,
      );
    return { deviceId: d.device_id, energyJ, attributedJ, sampleCount, firstMs, lastMs };
  });
  const devicesOf = byRun(devices, toDevices(where, devices as unknown[]));
  const energyByRun = byRun(devices, perDevice);
  const markersOf = byRun(markers, toMarkers(where, markers as unknown[]));

  const withTotals = runs.map((r) => {
    let energyJ = 0;
    let attributedJ = 0;
    let sampleCount = 0;
    for (const d of energyByRun.get(String(r.key)) ?? []) {
      energyJ += d.energyJ;
      attributedJ += d.attributedJ;
      sampleCount += d.sampleCount;
    }
    return Object.assign(r, { energy_j: energyJ, attributed_j: attributedJ, sample_count: sampleCount });
  });
  return toRuns(where, withTotals).map((run, i): RunTotals => {
    const k = String(runs[i]?.key);
    return {
      run,
      devices: devicesOf.get(k) ?? [],
      energy: energyByRun.get(k) ?? [],
      phaseMarkers: markersOf.get(k) ?? [],
    };
  });
}
