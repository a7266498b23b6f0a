/**
 * Prices a measured run: each device's measured (or modelled) energy, the job's attributed share
 * of it, and the embodied carbon of the hardware the job held for that share of the run's time,
 * at the run's site. Phases come from phase markers. The same pricing core as estimates, so a run
 * and a spec of the same work agree.
 */
import type { DeviceGroup, GroupEmbodied, Job, Phase } from '../core/job.js';
import type { DeviceInfo, EnergySample, Marker } from '../core/measurement.js';
import { phaseIntervals, splitByPhase } from '../core/phase-split.js';
import type { Provenance } from '../core/provenance.js';
import { exact, type Range, range } from '../core/uncertainty.js';
import { COMPONENTS } from '../data/components.js';
import { DEFAULTS, embodiedRange, measuredRange, modelledRange } from '../data/defaults.js';
import { findChipByReportedName } from '../data/hardware/catalog.js';
import { resolveSite } from './resolve-site.js';
import type { SiteSpec } from './spec.js';

export interface RunToPrice {
  readonly name?: string;
  readonly phase: Phase;
  readonly startMs: number;
  readonly endMs: number;
  readonly devices: readonly DeviceInfo[];
  readonly samples: readonly EnergySample[];
  readonly markers: readonly Marker[];
  readonly site: SiteSpec;
  /** Installed host memory, for the embodied carbon of DRAM. */
  readonly hostMemoryGb?: number;
  /** Price the job's attributed share (default) or the whole devices. */
  readonly whole?: boolean;
}

export interface PricedRunJobs {
  /** One job per phase that drew energy, in the order the phases occurred. */
  readonly byPhase: readonly Job[];
  /** All phases together (its groups are the phases' groups): the run's total and uncertainty. */
  readonly total: Job;
}

const J_PER_KWH = 3_600_000;

export function runJobs(run: RunToPrice): PricedRunJobs {
  const provenance: Provenance[] = [];
  const note = (p: Provenance) => provenance.push(p);
  const site = resolveSite(run.site, note, (field) => `run: ${field}`);
  const intervals = phaseIntervals(run.startMs, run.endMs, run.phase, run.markers);
  const split = splitByPhase(run.samples, intervals);
  const embodied = embodiedInputsOf(run, note);

  for (const d of run.devices) {
    note({
      field: `device ${d.id}`,
      kind: d.provenance,
      value: d.name,
      source: d.source,
    });
  }

  const byPhase: Job[] = [];
  for (const phase of [...new Set(intervals.map((iv) => iv.phase))]) {
    const energies = split.get(phase);
    if (!energies) continue;
    const phaseHours = intervals
      .filter((iv) => iv.phase === phase)
      .reduce((h, iv) => h + (iv.toMs - iv.fromMs) / 3_600_000, 0);
    const groups: DeviceGroup[] = [];
    let hostShare = 0;
    for (const device of run.devices) {
      const e = energies.get(device.id);
      if (!e) continue;
      const share = run.whole ? 1 : e.energyJ > 0 ? e.attributedJ / e.energyJ : 0;
      if (device.kind === 'cpu') hostShare = Math.max(hostShare, share);
      const kwh = (run.whole ? e.energyJ : e.attributedJ) / J_PER_KWH;
      const deviceEmbodied = embodied.perDevice.get(device.id);
      const group: DeviceGroup = {
        label: device.name,
        kind: device.kind,
        ...(device.model ? { model: device.model } : {}),
        count: 1,
        deviceHours: phaseHours * share,
        energy: {
          kind: 'energy',
          kwh: device.provenance === 'measured' ? measuredRange(kwh) : modelledRange(kwh),
        },
        ...(deviceEmbodied ? { embodied: deviceEmbodied } : {}),
      };
      groups.push(group);
    }
    // The server around the processors: its embodied carbon, held for the job's share of the host.
    if (embodied.chassis && groups.length > 0) {
      groups.push({
        label: 'server chassis',
        kind: 'server',
        count: 1,
        deviceHours: phaseHours * (run.whole ? 1 : hostShare),
        energy: { kind: 'energy', kwh: exact(0) },
        embodied: embodied.chassis,
      });
    }
    byPhase.push({
      ...(run.name ? { name: run.name } : {}),
      phase,
      durationHours: phaseHours,
      groups,
      site,
      provenance,
    });
  }
  const total: Job = {
    ...(run.name ? { name: run.name } : {}),
    phase: run.phase,
    durationHours: (run.endMs - run.startMs) / 3_600_000,
    groups: byPhase.flatMap((j) => j.groups),
    site,
    provenance,
  };
  return { byPhase, total };
}

interface EmbodiedInputs {
  readonly perDevice: Map<string, GroupEmbodied>;
  readonly chassis?: GroupEmbodied;
}

/** The same hardware on a host with the same memory has the same embodied inputs: resolve once. */
const embodiedCache = new Map<string, { inputs: EmbodiedInputs; notes: Provenance[] }>();

function embodiedInputsOf(run: RunToPrice, note: (p: Provenance) => void): EmbodiedInputs {
  const key = `${run.hostMemoryGb ?? 0}|${run.devices.map((d) => `${d.id}/${d.kind}/${d.model ?? d.name}`).join('|')}`;
  let hit = embodiedCache.get(key);
  if (!hit) {
    const notes: Provenance[] = [];
    hit = { inputs: embodiedInputs(run, (p) => notes.push(p)), notes };
    embodiedCache.set(key, hit);
  }
  for (const p of hit.notes) note(p);
  return hit.inputs;
}

function embodiedInputs(run: RunToPrice, note: (p: Provenance) => void): EmbodiedInputs {
  const lifetimeYears = DEFAULTS.lifetimeYears.range;
  const utilization = DEFAULTS.utilization.range;
  note({
    field: 'embodied.lifetime_years',
    kind: 'default',
    value: DEFAULTS.lifetimeYears.value,
    unit: 'years',
    source: DEFAULTS.lifetimeYears.source,
  });
  note({
    field: 'embodied.utilization',
    kind: 'default',
    value: DEFAULTS.utilization.value,
    unit: 'fraction',
    source: DEFAULTS.utilization.source,
  });
  const perDevice = new Map<string, GroupEmbodied>();
  const drams = run.devices.filter((d) => d.kind === 'dram');
  for (const d of run.devices) {
    let kg: Range | undefined;
    if (d.kind === 'dram' && run.hostMemoryGb) {
      const f = COMPONENTS.dram.embodied_kg_per_gb;
      const gb = run.hostMemoryGb / drams.length;
      kg = range(f.range[0] * gb, f.value * gb, f.range[1] * gb);
      note({
        field: `device ${d.id} embodied`,
        kind: 'default',
        value: f.value * gb,
        unit: 'kgCO2e',
        source: `${gb.toFixed(1)} GB × ${f.value} kgCO2e/GB (${f.source})`,
      });
    } else if (d.model) {
      const chip = findChipByReportedName(d.model);
      if (chip) {
        kg = embodiedRange(chip.embodied_kgco2e);
        note({
          field: `device ${d.id} embodied`,
          kind: 'default',
          value: chip.embodied_kgco2e,
          unit: 'kgCO2e',
          source: `hardware table: ${chip.name} (${chip.embodied_source})`,
        });
      }
    }
    if (!kg) {
      note({
        field: `device ${d.id} embodied`,
        kind: 'default',
        value: 0,
        unit: 'kgCO2e',
        source: `"${d.model ?? d.name}" is not in the hardware table: its embodied carbon is left out`,
      });
      continue;
    }
    perDevice.set(d.id, { kgPerDevice: kg, lifetimeYears, utilization });
  }
  const f = COMPONENTS.server_chassis.embodied_kg;
  note({
    field: 'server chassis embodied',
    kind: 'default',
    value: f.value,
    unit: 'kgCO2e',
    source: f.source,
  });
  return {
    perDevice,
    chassis: { kgPerDevice: range(f.range[0], f.value, f.range[1]), lifetimeYears, utilization },
  };
}
