/**
 * The JSON shape of a footprint (DESIGN.md §5.1): snake_case names that carry their units. Outside
 * checks read these names; add fields freely, never rename.
 */
import type { Uncertainty } from '../core/monte-carlo.js';
import type { PricedJob } from '../core/price.js';
import type { Provenance } from '../core/provenance.js';
import type { Quantiles } from '../core/uncertainty.js';

export interface FootprintJson {
  readonly name?: string;
  readonly phase: string;
  readonly energy_kwh: number;
  readonly facility_energy_kwh: number;
  readonly operational_gco2e: { readonly location: number; readonly market: number };
  readonly embodied_gco2e: number;
  readonly total_gco2e: number;
  readonly uncertainty: {
    readonly method: string;
    readonly draws: number;
    readonly seed: number;
    readonly energy_kwh: Quantiles;
    readonly operational_gco2e: { readonly location: Quantiles; readonly market: Quantiles };
    readonly embodied_gco2e: Quantiles;
    readonly total_gco2e: Quantiles;
  };
  readonly groups: readonly {
    readonly label: string;
    readonly type: string;
    readonly model?: string;
    readonly count: number;
    readonly device_hours: number;
    readonly energy_kwh: number;
    readonly idle_energy_kwh?: number;
    readonly facility_energy_kwh: number;
    readonly operational_gco2e: { readonly location: number; readonly market: number };
    readonly embodied_gco2e: number;
    readonly total_gco2e: number;
  }[];
  readonly provenance: readonly Provenance[];
  readonly defaults_used: readonly string[];
}

export function footprintJson(
  priced: PricedJob,
  uncertainty: Uncertainty,
  provenance: readonly Provenance[],
  name?: string,
): FootprintJson {
  return {
    ...(name === undefined ? {} : { name }),
    phase: priced.phase,
    energy_kwh: priced.energyKwh,
    facility_energy_kwh: priced.facilityEnergyKwh,
    operational_gco2e: { ...priced.operationalGco2e },
    embodied_gco2e: priced.embodiedGco2e,
    total_gco2e: priced.totalGco2e,
    uncertainty: {
      method: 'seeded Monte Carlo over triangular input ranges',
      draws: uncertainty.draws,
      seed: uncertainty.seed,
      energy_kwh: uncertainty.energyKwh,
      operational_gco2e: {
        location: uncertainty.operationalLocationGco2e,
        market: uncertainty.operationalMarketGco2e,
      },
      embodied_gco2e: uncertainty.embodiedGco2e,
      total_gco2e: uncertainty.totalGco2e,
    },
    groups: priced.groups.map((g) => ({
      label: g.label,
      type: g.kind,
      ...(g.model === undefined ? {} : { model: g.model }),
      count: g.count,
      device_hours: g.deviceHours,
      energy_kwh: g.energyKwh,
      ...(g.idleEnergyKwh === undefined ? {} : { idle_energy_kwh: g.idleEnergyKwh }),
      facility_energy_kwh: g.facilityEnergyKwh,
      operational_gco2e: { ...g.operationalGco2e },
      embodied_gco2e: g.embodiedGco2e,
      total_gco2e: g.totalGco2e,
    })),
    provenance,
    defaults_used: provenance.filter((p) => p.kind === 'default').map((p) => p.field),
  };
}
