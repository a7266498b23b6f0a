/**
 * Prices a Job: IT energy per group → facility energy (PUE) → location- and market-based carbon,
 * plus embodied carbon per group, total = location-based operational + embodied (DESIGN.md §3).
 *
 * Every input is read through `pick`, so the same code prices the most likely case (`pickMode`) and
 * each Monte Carlo draw: there is one formula, not two that could drift apart.
 */
import { embodiedShare } from './embodied.js';
import { facilityEnergy } from './energy.js';
import type { DeviceGroup, DeviceKind, Job, Phase } from './job.js';
import { locationBased, marketBased } from './operational.js';
import type { Range } from './uncertainty.js';
import {
  energyAt,
  type Fraction,
  type GramsCo2e,
  type GramsCo2ePerKwh,
  type Hours,
  type Kwh,
  type Watts,
  yearsToHours,
} from './units.js';

export type Pick = (r: Range) => number;
export const pickMode: Pick = (r) => r.mode;

export interface OperationalCarbon {
  readonly location: GramsCo2e;
  readonly market: GramsCo2e;
}

/** The figures every footprint has, for a group, a job or a roll-up. */
export interface Totals {
  readonly energyKwh: Kwh;
  readonly facilityEnergyKwh: Kwh;
  readonly operationalGco2e: OperationalCarbon;
  readonly embodiedGco2e: GramsCo2e;
  /** Location-based operational + embodied. */
  readonly totalGco2e: GramsCo2e;
}

export interface GroupFootprint extends Totals {
  readonly label: string;
  readonly kind: DeviceKind;
  readonly model?: string;
  readonly count: number;
  readonly deviceHours: number;
  /** The part of energyKwh drawn at idle, where idle power is known. */
  readonly idleEnergyKwh?: Kwh;
}

export interface PricedJob extends Totals {
  readonly phase: Phase;
  readonly groups: readonly GroupFootprint[];
}

const GRAMS_PER_KG = 1000;

interface SiteValues {
  readonly pue: number;
  readonly intensity: GramsCo2ePerKwh;
  readonly cfe: Fraction;
  readonly residual: GramsCo2ePerKwh;
}

export function groupEmbodied(group: DeviceGroup, pick: Pick): GramsCo2e {
  const m = group.embodied;
  if (m === undefined) return 0 as GramsCo2e;
  return embodiedShare({
    embodiedPerDevice: (pick(m.kgPerDevice) * GRAMS_PER_KG) as GramsCo2e,
    deviceHours: group.deviceHours as Hours,
    lifetime: yearsToHours(pick(m.lifetimeYears)),
    utilization: pick(m.utilization),
  });
}

export function priceGroup(group: DeviceGroup, site: SiteValues, pick: Pick): GroupFootprint {
  const held = group.deviceHours as Hours;
  let it: Kwh;
  let idle: Kwh | undefined;
  if (group.energy.kind === 'energy') {
    it = pick(group.energy.kwh) as Kwh;
  } else {
    const watts = pick(group.energy.watts) as Watts;
    it = energyAt(watts, held);
    const idleWatts = group.energy.idleWatts;
    if (idleWatts !== undefined) idle = energyAt(Math.min(idleWatts, watts) as Watts, held);
  }
  const facility = facilityEnergy(it, site.pue);
  const location = locationBased(facility, site.intensity);
  const market = marketBased(facility, site.cfe, site.residual);
  const embodied = groupEmbodied(group, pick);
  return {
    label: group.label,
    kind: group.kind,
    ...(group.model === undefined ? {} : { model: group.model }),
    count: group.count,
    deviceHours: group.deviceHours,
    energyKwh: it,
    ...(idle === undefined ? {} : { idleEnergyKwh: idle }),
    facilityEnergyKwh: facility,
    operationalGco2e: { location, market },
    embodiedGco2e: embodied,
    totalGco2e: (location + embodied) as GramsCo2e,
  };
}

export function priceJob(job: Job, pick: Pick = pickMode): PricedJob {
  const { site } = job;
  // Site-wide inputs are drawn once per pricing so that all groups share them (they are one site).
  const intensity = pick(site.intensity) as GramsCo2ePerKwh;
  const values: SiteValues = {
    pue: pick(site.pue),
    intensity,
    cfe: pick(site.cfe) as Fraction,
    residual: (site.residualIntensity ? pick(site.residualIntensity) : intensity) as GramsCo2ePerKwh,
  };
  const groups = job.groups.map((group) => priceGroup(group, values, pick));
  return { phase: job.phase, ...sumTotals(groups), groups };
}

/** Totals of rows (groups, jobs, phases); a total is always the sum of its rows. */
export function sumTotals(groups: readonly Totals[]): Totals {
  let energy = 0;
  let facility = 0;
  let location = 0;
  let market = 0;
  let embodied = 0;
  for (const g of groups) {
    energy += g.energyKwh;
    facility += g.facilityEnergyKwh;
    location += g.operationalGco2e.location;
    market += g.operationalGco2e.market;
    embodied += g.embodiedGco2e;
  }
  return {
    energyKwh: energy as Kwh,
    facilityEnergyKwh: facility as Kwh,
    operationalGco2e: { location: location as GramsCo2e, market: market as GramsCo2e },
    embodiedGco2e: embodied as GramsCo2e,
    totalGco2e: (location + embodied) as GramsCo2e,
  };
}
