/**
 * Turns a validated estimate spec into a priced-ready Job: looks up hardware, zones and regions in
 * the reference data, applies defaults where the spec is silent, and records for every input where
 * it came from (declared, table, model or default), each with its uncertainty range.
 */

import { powerAtLoad } from '../core/energy.js';
import { FootprintError } from '../core/errors.js';
import type { DeviceGroup, GroupEmbodied, GroupEnergy, Job } from '../core/job.js';
import type { Provenance } from '../core/provenance.js';
import { exact, type Range, range } from '../core/uncertainty.js';
import { type Fraction, fraction, type Watts, watts } from '../core/units.js';
import { COMPONENTS } from '../data/components.js';
import { DEFAULTS, embodiedRange, measuredRange, modelledRange, SPREADS } from '../data/defaults.js';
import { CHIPS, findChip, nearestChips } from '../data/hardware/catalog.js';
import type { ChipRow } from '../data/hardware/schema.js';
import { type At, type Note, resolveSite } from './resolve-site.js';
import type { EstimateSpec, HardwareGroupSpec } from './spec.js';

const CHIP_KINDS = new Set(['gpu', 'accelerator', 'cpu']);

export function resolveSpec(spec: EstimateSpec, file: string): Job {
  const provenance: Provenance[] = [];
  const note = (p: Provenance) => provenance.push(p);
  const at = (field: string) => `${file}: ${field}`;

  // A server group next to processor groups is the chassis only, so nothing is counted twice.
  const hasProcessors = spec.hardware.some((g) => CHIP_KINDS.has(g.type));
  const groups = spec.hardware.map((g, i) =>
    resolveGroup(g, `hardware[${i}]`, spec, hasProcessors, note, at),
  );
  const site = resolveSite(spec.site, note, at);
  return {
    ...(spec.name === undefined ? {} : { name: spec.name }),
    phase: spec.phase,
    ...(spec.duration_h === undefined ? {} : { durationHours: spec.duration_h }),
    groups,
    site,
    provenance,
  };
}

function resolveGroup(
  g: HardwareGroupSpec,
  field: string,
  spec: EstimateSpec,
  hasProcessors: boolean,
  note: Note,
  at: At,
): DeviceGroup {
  const chip = lookupChip(g, field, at);
  // gpu and accelerator are interchangeable (people call a TPU a GPU); a CPU is not.
  const family = (type: string) => (type === 'cpu' ? 'cpu' : 'accelerator');
  if (chip && family(chip.type) !== family(g.type)) {
    throw new FootprintError(
      'invalid_spec',
      `${at(`${field}.model`)} "${g.model}" is a ${chip.type}, but the group says type: ${g.type}`,
    );
  }
  const deviceHours = g.hours ?? (spec.duration_h === undefined ? undefined : g.count * spec.duration_h);
  // A declared energy with embodied carbon left out needs no hours: nothing is priced by time.
  const untimed = deviceHours === undefined && g.energy_kwh !== undefined && !spec.embodied.include;
  if (deviceHours === undefined && !untimed) {
    throw new FootprintError(
      'invalid_spec',
      `${at(field)} needs hours, or set duration_h at the top of the spec${g.energy_kwh !== undefined ? ' (or embodied.include: false for an energy-only entry)' : ''}`,
    );
  }
  note({
    field: `${field}.hours`,
    kind: 'declared',
    value: deviceHours ?? 0,
    unit: 'device-h',
    source: untimed
      ? 'not given (energy-only entry)'
      : g.hours === undefined
        ? `count ${g.count} × duration_h ${spec.duration_h}`
        : 'spec',
  });
  const energy = resolveEnergy(g, field, chip, note, at);
  const embodied = spec.embodied.include
    ? resolveEmbodied(g, field, chip, spec, hasProcessors, note)
    : undefined;
  if (!spec.embodied.include && g === spec.hardware[0]) {
    note({
      field: 'embodied.include',
      kind: 'declared',
      value: 'false',
      source: 'spec: embodied carbon excluded',
    });
  }
  return {
    label: chip?.name ?? g.model ?? defaultLabel(g),
    kind: g.type,
    ...(chip ? { model: chip.name } : g.model ? { model: g.model } : {}),
    count: g.count,
    deviceHours: deviceHours ?? 0,
    energy,
    ...(embodied ? { embodied } : {}),
  };
}

/** `DRAM 1024 GB`, `SSD 4 TB`, or the type. */
function defaultLabel(g: HardwareGroupSpec): string {
  if (g.type === 'dram') return g.capacity_gb === undefined ? 'DRAM' : `DRAM ${g.capacity_gb} GB`;
  if (g.type === 'storage')
    return `${(g.media ?? 'storage').toUpperCase()}${g.capacity_tb === undefined ? '' : ` ${g.capacity_tb} TB`}`;
  return g.type;
}

function lookupChip(g: HardwareGroupSpec, field: string, at: At): ChipRow | undefined {
  if (g.model === undefined || !CHIP_KINDS.has(g.type)) return undefined;
  const chip = findChip(g.model);
  if (!chip) {
    const near = nearestChips(g.model);
    const hint = near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : '';
    throw new FootprintError(
      'not_found',
      `${at(`${field}.model`)} unknown hardware model "${g.model}"${hint}; see footprint data hardware --search, or give tdp_w/power_w and embodied_kgco2e without a model`,
    );
  }
  return chip;
}

function resolveEnergy(
  g: HardwareGroupSpec,
  field: string,
  chip: ChipRow | undefined,
  note: Note,
  at: At,
): GroupEnergy {
  const idle = g.idle_w ?? chip?.idle_w;
  const withIdle = idle === undefined ? {} : { idleWatts: idle };
  if (g.energy_kwh !== undefined) {
    note({
      field: `${field}.energy_kwh`,
      kind: 'declared',
      value: g.energy_kwh,
      unit: 'kWh',
      source: 'spec (measured group energy; overrides power × hours)',
    });
    return { kind: 'energy', kwh: measuredRange(g.energy_kwh) };
  }
  if (g.power_w !== undefined) {
    note({
      field: `${field}.power_w`,
      kind: 'declared',
      value: g.power_w,
      unit: 'W',
      source: 'spec (measured average power per device)',
    });
    return { kind: 'power', watts: measuredRange(g.power_w), ...withIdle };
  }
  const tdp = g.tdp_w ?? chip?.tdp_w;
  if (tdp !== undefined) {
    if (idle !== undefined && idle > tdp) {
      throw new FootprintError(
        'invalid_spec',
        `${at(`${field}.idle_w`)} ${idle} W is above the TDP ${tdp} W`,
      );
    }
    note({
      field: `${field}.tdp_w`,
      kind: g.tdp_w === undefined ? 'default' : 'declared',
      value: tdp,
      unit: 'W',
      source: g.tdp_w === undefined ? `hardware table: ${chip?.name} (${chip?.source})` : 'spec',
    });
    const load = g.utilization ?? DEFAULTS.load.value;
    if (g.utilization === undefined) {
      note({
        field: `${field}.utilization`,
        kind: 'default',
        value: load,
        unit: 'fraction',
        source: DEFAULTS.load.source,
      });
    }
    const at_ = (u: number) => powerAtLoad(watts(tdp), watts(idle ?? 0), fraction(u) as Fraction);
    const nominal = at_(load);
    // The load itself is uncertain when defaulted: widen the low end to the power at the default's low load.
    const low = g.utilization === undefined ? at_(DEFAULTS.load.range.low) : nominal;
    const modelled = modelledRange(nominal);
    note({
      field: `${field}.power_w`,
      kind: 'modelled',
      value: nominal,
      unit: 'W',
      source: `idle + (TDP − idle) × load (CCF linear model), idle ${idle ?? 0} W, load ${load}`,
    });
    return {
      kind: 'power',
      watts: range(Math.min(modelled.low, low * (1 - SPREADS.modelledLowPct / 100)), nominal, modelled.high),
      ...withIdle,
    };
  }
  const component = componentPower(g, field, note);
  if (component) return { kind: 'power', watts: component };
  throw new FootprintError(
    'invalid_spec',
    `${at(field)} has no way to tell its power: give power_w, energy_kwh or tdp_w${CHIP_KINDS.has(g.type) ? ', or a known model' : g.type === 'dram' ? ', or capacity_gb' : g.type === 'storage' ? ', or capacity_tb' : ''}`,
  );
}

/** DRAM and storage power from their size and the per-GB / per-TB table figures. */
function componentPower(g: HardwareGroupSpec, field: string, note: Note): Range | undefined {
  if (g.type === 'dram' && g.capacity_gb !== undefined) {
    const figure = COMPONENTS.dram.power_w_per_gb;
    const w: Watts = watts(g.capacity_gb * figure.value);
    note({
      field: `${field}.power_w`,
      kind: 'modelled',
      value: w,
      unit: 'W',
      source: `${g.capacity_gb} GB × ${figure.value} W/GB (${figure.source})`,
    });
    return modelledRange(w);
  }
  if (g.type === 'storage' && g.capacity_tb !== undefined) {
    const media = g.media ?? 'ssd';
    if (g.media === undefined)
      note({
        field: `${field}.media`,
        kind: 'default',
        value: 'ssd',
        source: 'storage medium not given: SSD assumed',
      });
    const figure = COMPONENTS[media].power_w_per_tb;
    const w = watts(g.capacity_tb * figure.value);
    note({
      field: `${field}.power_w`,
      kind: 'modelled',
      value: w,
      unit: 'W',
      source: `${g.capacity_tb} TB × ${figure.value} W/TB (${figure.source})`,
    });
    return modelledRange(w);
  }
  return undefined;
}

function resolveEmbodied(
  g: HardwareGroupSpec,
  field: string,
  chip: ChipRow | undefined,
  spec: EstimateSpec,
  hasProcessors: boolean,
  note: Note,
): GroupEmbodied {
  const lifetime = g.lifetime_years ?? spec.embodied.lifetime_years;
  const lifetimeYears = lifetime === undefined ? DEFAULTS.lifetimeYears.range : exact(lifetime);
  note({
    field: g.lifetime_years === undefined ? 'embodied.lifetime_years' : `${field}.lifetime_years`,
    kind: lifetime === undefined ? 'default' : 'declared',
    value: lifetime ?? DEFAULTS.lifetimeYears.value,
    unit: 'years',
    source: lifetime === undefined ? DEFAULTS.lifetimeYears.source : 'spec',
  });
  const u = spec.embodied.utilization;
  note({
    field: 'embodied.utilization',
    kind: u === undefined ? 'default' : 'declared',
    value: u ?? DEFAULTS.utilization.value,
    unit: 'fraction',
    source: u === undefined ? DEFAULTS.utilization.source : 'spec',
  });
  const utilization = u === undefined ? DEFAULTS.utilization.range : exact(u);
  const kgPerDevice = embodiedPerDevice(g, field, chip, hasProcessors, note);
  return { kgPerDevice, lifetimeYears, utilization };
}

function embodiedPerDevice(
  g: HardwareGroupSpec,
  field: string,
  chip: ChipRow | undefined,
  hasProcessors: boolean,
  note: Note,
): Range {
  const f = `${field}.embodied_kgco2e`;
  if (g.embodied_kgco2e !== undefined) {
    note({ field: f, kind: 'declared', value: g.embodied_kgco2e, unit: 'kgCO2e', source: 'spec' });
    return exact(g.embodied_kgco2e);
  }
  if (chip) {
    note({
      field: f,
      kind: 'default',
      value: chip.embodied_kgco2e,
      unit: 'kgCO2e',
      source: `hardware table: ${chip.name} (${chip.embodied_source})`,
    });
    return embodiedRange(chip.embodied_kgco2e);
  }
  const table = tableEmbodied(g, hasProcessors);
  if (table) {
    note({ field: f, kind: 'default', value: table.value, unit: 'kgCO2e', source: table.source });
    return table.range;
  }
  if (CHIP_KINDS.has(g.type)) {
    // No model named: the spread of the catalog's devices of this type is the honest range.
    const values = CHIPS.filter((c) => c.type === g.type)
      .map((c) => c.embodied_kgco2e)
      .sort((a, b) => a - b);
    const median = values[Math.floor(values.length / 2)] as number;
    note({
      field: f,
      kind: 'default',
      value: median,
      unit: 'kgCO2e',
      source: `median of the ${values.length} ${g.type} rows of the hardware table (no model given); range their min–max`,
    });
    return range(values[0] as number, median, values[values.length - 1] as number);
  }
  note({
    field: f,
    kind: 'default',
    value: 0,
    unit: 'kgCO2e',
    source: `no embodied figure for ${g.type}: give embodied_kgco2e to include it`,
  });
  return exact(0);
}

function tableEmbodied(
  g: HardwareGroupSpec,
  hasProcessors: boolean,
): { value: number; range: Range; source: string } | undefined {
  const scaled = (
    figure: { value: number; range: readonly [number, number]; source: string },
    size: number,
    unit: string,
  ) => ({
    value: figure.value * size,
    range: range(figure.range[0] * size, figure.value * size, figure.range[1] * size),
    source: `${size} ${unit} × ${figure.value} kgCO2e/${unit} (${figure.source})`,
  });
  if (g.type === 'dram' && g.capacity_gb !== undefined)
    return scaled(COMPONENTS.dram.embodied_kg_per_gb, g.capacity_gb, 'GB');
  if (g.type === 'storage' && g.capacity_tb !== undefined) {
    return scaled(COMPONENTS[g.media ?? 'ssd'].embodied_kg_per_tb, g.capacity_tb, 'TB');
  }
  if (g.type === 'server') {
    const figure = hasProcessors ? COMPONENTS.server_chassis.embodied_kg : COMPONENTS.server_gpu.embodied_kg;
    return {
      value: figure.value,
      range: range(figure.range[0], figure.value, figure.range[1]),
      source: hasProcessors
        ? `server chassis without processors, which other groups list (${figure.source})`
        : `whole GPU server, processors included (${figure.source}); give embodied_kgco2e for another server`,
    };
  }
  return undefined;
}
