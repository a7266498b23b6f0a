/**
 * Gathers what a report covers from the ledger — runs (measured) and entries (declared) — and
 * prices each with the one accounting core, as report items. Runs with phase markers are split
 * by phase from their samples; the others come from per-device totals summed in the database.
 */
import { runJobs } from '../analysis/price-run.js';
import { resolveSpec } from '../analysis/resolve-spec.js';
import { specOfJob } from '../analysis/run-spec.js';
import { type EstimateSpec, EstimateSpecSchema, type SiteSpec } from '../analysis/spec.js';
import { FootprintError } from '../core/errors.js';
import type { Job } from '../core/job.js';
import type { EnergySample } from '../core/measurement.js';
import { priceJob, type Totals } from '../core/price.js';
import type { Ledger, RunQuery, RunTotals } from '../ledger/ledger.js';
import type { PricedItem } from '../report/build-report.js';
import type { PowerSeries, ReportFilters, ReportItem } from '../report/report-model.js';
import { siteSpecOf } from './run-report.js';

const describeSite = (site: SiteSpec): string =>
  site.region
    ? `${site.region}`
    : site.zone
      ? `zone ${site.zone}`
      : site.intensity_gco2e_per_kwh !== undefined
        ? 'declared intensity'
        : 'world average (no site given)';

type ItemBase = Omit<
  ReportItem,
  keyof Totals | 'hardware' | 'intensityGco2ePerKwh' | 'intensitySource' | 'pue'
>;

function itemOf(job: Job, base: ItemBase): PricedItem {
  const priced = priceJob(job);
  const intensity = job.provenance.find((p) => p.field === 'site.intensity_gco2e_per_kwh');
  const { groups: _groups, phase: _phase, ...totals } = priced;
  return {
    item: {
      ...base,
      ...totals,
      hardware: job.groups.map((g) => ({
        label: g.label,
        kind: g.kind,
        count: g.count,
        deviceHours: g.deviceHours,
      })),
      intensityGco2ePerKwh: job.site.intensity.mode,
      intensitySource: intensity?.source ?? 'declared',
      pue: job.site.pue.mode,
    },
    job,
    priced,
    modelledDevices: [],
  };
}

async function runItems(
  ledger: Ledger,
  t: RunTotals,
  hostMemoryGb: number | undefined,
): Promise<GatheredItem[]> {
  const { run, devices, energy, phaseMarkers } = t;
  const endMs = run.endMs ?? run.lastSeenMs;
  // Without phase switches one sample per device over the whole run prices the same as all of them.
  const samples: EnergySample[] =
    phaseMarkers.length > 0
      ? await ledger.samples(run.id)
      : energy.map((e) => ({
          deviceId: e.deviceId,
          startMs: e.firstMs ?? run.startMs,
          endMs: e.lastMs ?? endMs,
          energyJ: e.energyJ,
          attributedJ: e.attributedJ,
        }));
  const site = siteSpecOf(run.site);
  const jobs = runJobs({
    name: run.id,
    phase: run.phase,
    startMs: run.startMs,
    endMs,
    devices,
    samples,
    markers: phaseMarkers,
    site,
    ...(hostMemoryGb ? { hostMemoryGb } : {}),
  });
  const modelledDevices = devices.filter((d) => d.provenance === 'modelled').map((d) => d.name);
  const sensors = [
    ...new Set(devices.filter((d) => d.provenance === 'measured').map((d) => sensorName(d.id))),
  ];
  const predictions = Number(run.tags.predictions);
  return jobs.byPhase.map((job, i) => ({
    ...itemOf(job, {
      kind: 'run',
      id: jobs.byPhase.length > 1 ? `${run.id}#${i + 1}` : run.id,
      sourceId: run.id,
      label: run.command.join(' ').slice(0, 80),
      project: run.project,
      ...(run.model ? { model: run.model } : {}),
      phase: job.phase,
      startMs: run.startMs,
      ...(job.durationHours !== undefined ? { durationHours: job.durationHours } : {}),
      basis: modelledDevices.length > 0 ? 'modelled' : 'measured',
      location: describeSite(site),
      ...(Number.isFinite(predictions) && predictions > 0 && job.phase === 'inference'
        ? { predictions }
        : {}),
    }),
    modelledDevices,
    sensors,
    specOf: () => specOfJob(job, site),
  }));
}

/** The sensor a measured device was read by, from its id (`rapl:…`, `nvml:…`, `nvidia-smi:…`). */
const SENSOR_NAMES: Readonly<Record<string, string>> = {
  rapl: 'RAPL',
  nvml: 'NVML',
  'nvidia-smi': 'nvidia-smi',
  'amd-smi': 'amd-smi',
  'rocm-smi': 'rocm-smi',
};
const sensorName = (deviceId: string): string => {
  const prefix = deviceId.split(':')[0] ?? deviceId;
  return SENSOR_NAMES[prefix] ?? prefix;
};

/** A priced item and the estimate spec it can be priced again from (export, reprice), made on demand. */
export interface GatheredItem extends PricedItem {
  /** Sensors that measured its devices (runs only). */
  readonly sensors: readonly string[];
  readonly specOf: () => EstimateSpec;
}

export interface GatheredItems {
  readonly items: GatheredItem[];
  readonly power: PowerSeries[];
}

export async function gatherItems(
  ledger: Ledger,
  filters: ReportFilters,
  options: { hostMemoryGb?: number; power?: boolean } = {},
): Promise<GatheredItems> {
  const query: RunQuery = {
    ...(filters.project ? { project: filters.project } : {}),
    ...(filters.model ? { model: filters.model } : {}),
    ...(filters.sinceMs !== undefined ? { sinceMs: filters.sinceMs } : {}),
    ...(filters.untilMs !== undefined ? { untilMs: filters.untilMs } : {}),
  };
  const [totals, entries] = await Promise.all([ledger.runTotals(query), ledger.listEntries(query)]);
  const items: GatheredItem[] = [];
  for (const t of totals) {
    if (t.run.status === 'running') continue; // a run in progress is reported when it ends
    items.push(...(await runItems(ledger, t, options.hostMemoryGb)));
  }
  for (const entry of entries) {
    const parsed = EstimateSpecSchema.safeParse(entry.spec);
    if (!parsed.success) {
      throw new FootprintError(
        'invalid_spec',
        `entry ${entry.id}: its stored spec no longer validates (${parsed.error.issues[0]?.message}); remove or re-add it`,
      );
    }
    const job = resolveSpec(parsed.data, `entry ${entry.id}`);
    items.push({
      ...itemOf(job, {
        kind: 'entry',
        id: entry.id,
        sourceId: entry.id,
        label: entry.label,
        project: entry.project,
        ...(entry.model ? { model: entry.model } : {}),
        phase: entry.phase,
        ...(entry.trainingType ? { trainingType: entry.trainingType } : {}),
        startMs: entry.atMs,
        ...(parsed.data.duration_h !== undefined ? { durationHours: parsed.data.duration_h } : {}),
        basis: 'declared',
        location: describeSite(parsed.data.site),
        ...(entry.predictions !== undefined ? { predictions: entry.predictions } : {}),
      }),
      sensors: [],
      specOf: () => parsed.data,
    });
  }
  const power: PowerSeries[] = [];
  if (options.power) {
    for (const t of totals.filter((x) => x.run.status !== 'running').slice(0, 12)) {
      const byInterval = new Map<number, { tMs: number; joules: number; seconds: number }>();
      for (const s of await ledger.samples(t.run.id)) {
        const p = byInterval.get(s.endMs) ?? {
          tMs: s.endMs,
          joules: 0,
          seconds: (s.endMs - s.startMs) / 1000,
        };
        p.joules += s.energyJ;
        byInterval.set(s.endMs, p);
      }
      power.push({
        id: t.run.id,
        label: t.run.command.join(' ').slice(0, 60),
        points: [...byInterval.values()]
          .filter((p) => p.seconds > 0)
          .map((p) => ({ tMs: p.tMs, watts: p.joules / p.seconds })),
      });
    }
  }
  return { items, power };
}
