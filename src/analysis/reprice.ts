/**
 * What-if re-pricing: the same work priced under other conditions — another grid zone or cloud
 * region, PUE, carbon-free-energy share, hardware (energy scaled by the ratio of board powers and
 * by the speed-up), fleet utilization, hardware lifetime, or an optimisation that does the same
 * work K times faster. The work is given as an estimate spec (a run restated by `runSpec`, or an
 * entry's spec), so both sides are priced by the same method.
 */
import { FootprintError } from '../core/errors.js';
import { findChip, nearestChips } from '../data/hardware/catalog.js';
import type { EstimateSpec } from './spec.js';

export interface RepriceOptions {
  readonly zone?: string;
  readonly region?: string;
  readonly pue?: number;
  readonly cfe?: number;
  /** Swap the accelerators (or, for a CPU model, the CPUs) for this model. */
  readonly hardware?: string;
  readonly utilization?: number;
  readonly lifetimeYears?: number;
  /** The same work done K times faster: energy and device-hours of the swapped (or all) groups ÷ K. */
  readonly speedup?: number;
}

const family = (type: string) =>
  type === 'cpu' ? 'cpu' : type === 'gpu' || type === 'accelerator' ? 'accelerator' : 'other';

/** Whether `hardware` would replace any group of the spec (a GPU for GPUs, a CPU for CPUs). */
export function swapsHardware(spec: EstimateSpec, hardware: string): boolean {
  const target = findChip(hardware);
  return target !== undefined && spec.hardware.some((g) => family(g.type) === family(target.type));
}

/** The spec under the changes; a hardware swap leaves specs without such groups as they are. */
export function repriceSpec(spec: EstimateSpec, o: RepriceOptions): EstimateSpec {
  if (o.speedup !== undefined && !(o.speedup > 0))
    throw new FootprintError('invalid_value', `--speedup must be positive, got ${o.speedup}`);
  if (o.zone !== undefined && o.region !== undefined)
    throw new FootprintError('usage', 'reprice: give --zone or --region, not both');
  const target = o.hardware === undefined ? undefined : findChip(o.hardware);
  if (o.hardware !== undefined && !target) {
    const near = nearestChips(o.hardware);
    throw new FootprintError(
      'not_found',
      `reprice: unknown hardware model "${o.hardware}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`,
    );
  }
  const k = o.speedup ?? 1;
  const hardware = spec.hardware.map((g) => {
    const swap = target !== undefined && family(g.type) === family(target.type);
    // The job takes 1/K of the time: groups not swapped draw and are held for 1/K as long.
    if (!swap) return k !== 1 ? scaled(g, 1 / k, 1 / k) : g;
    const current = g.model === undefined ? undefined : findChip(g.model);
    const currentTdp = g.tdp_w ?? current?.tdp_w;
    if (currentTdp === undefined) {
      throw new FootprintError(
        'invalid_spec',
        `reprice: ${g.type} group "${g.model ?? g.type}" has no known model or tdp_w, so its power cannot be scaled to ${target.name}`,
      );
    }
    // Same work: time ÷ K; power in proportion to board power (TDP), the usual first-order scaling.
    const { embodied_kgco2e: _e, tdp_w: _t, idle_w: _i, ...rest } = g;
    return {
      ...scaled(rest, target.tdp_w / currentTdp / k, 1 / k),
      type: target.type === 'cpu' ? 'cpu' : g.type,
      model: target.name,
    };
  });
  const site = {
    ...spec.site,
    ...(o.zone !== undefined || o.region !== undefined
      ? {
          zone: o.zone,
          region: o.region,
          intensity_gco2e_per_kwh: undefined,
          residual_intensity_gco2e_per_kwh: undefined,
          year: undefined,
        }
      : {}),
    ...(o.pue !== undefined ? { pue: o.pue } : {}),
    ...(o.cfe !== undefined ? { cfe_fraction: o.cfe } : {}),
  };
  const cleanSite = Object.fromEntries(
    Object.entries(site).filter(([, v]) => v !== undefined),
  ) as EstimateSpec['site'];
  // A new lifetime applies to every group: drop the per-group lifetimes it replaces.
  const withLifetime =
    o.lifetimeYears === undefined ? hardware : hardware.map(({ lifetime_years: _l, ...g }) => g);
  return {
    ...spec,
    hardware: withLifetime as EstimateSpec['hardware'],
    site: cleanSite,
    embodied: {
      ...spec.embodied,
      ...(o.utilization !== undefined ? { utilization: o.utilization } : {}),
      ...(o.lifetimeYears !== undefined ? { lifetime_years: o.lifetimeYears } : {}),
    },
    ...(spec.duration_h !== undefined && k !== 1 ? { duration_h: spec.duration_h / k } : {}),
  };
}

/** A group with its energy (or power) scaled by `energy` and its hours by `time`. */
function scaled<
  G extends
    | EstimateSpec['hardware'][number]
    | Omit<EstimateSpec['hardware'][number], 'embodied_kgco2e' | 'tdp_w' | 'idle_w'>,
>(g: G, energy: number, time: number): G {
  const perHour = energy / time; // power scales by energy ÷ time
  return {
    ...g,
    ...(g.hours !== undefined ? { hours: g.hours * time } : {}),
    ...(g.energy_kwh !== undefined ? { energy_kwh: g.energy_kwh * energy } : {}),
    ...(g.power_w !== undefined ? { power_w: g.power_w * perHour } : {}),
  };
}
