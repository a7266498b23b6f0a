/**
 * Priced work restated as an estimate spec (DESIGN.md §5.1): each device group's energy and the
 * hours it was held, at the given site. This is how a measured run travels to another machine
 * (Footprint's JSON export) and how `footprint reprice` prices the same work under other
 * conditions: both sides then go through the same estimate path.
 */
import type { Job } from '../core/job.js';
import { findChipByReportedName } from '../data/hardware/catalog.js';
import type { EstimateSpec, SiteSpec } from './spec.js';

export function specOfJob(job: Job, site: SiteSpec): EstimateSpec {
  const utilization = job.groups.find((g) => g.embodied)?.embodied?.utilization.mode;
  return {
    ...(job.name ? { name: job.name } : {}),
    phase: job.phase,
    ...(job.durationHours !== undefined && job.durationHours > 0 ? { duration_h: job.durationHours } : {}),
    hardware: job.groups.map((g) => {
      // The model as the table names it, or none: a spec may name only models the table knows.
      const chip = g.model ? findChipByReportedName(g.model) : undefined;
      const energyKwh =
        g.energy.kind === 'energy' ? g.energy.kwh.mode : (g.energy.watts.mode * g.deviceHours) / 1000;
      // The embodied inputs travel as priced, so the work prices the same wherever it goes.
      return {
        type: g.kind,
        ...(chip ? { model: chip.name } : {}),
        count: 1,
        hours: Math.max(g.deviceHours, 1e-9),
        energy_kwh: energyKwh,
        embodied_kgco2e: g.embodied?.kgPerDevice.mode ?? 0,
        ...(g.embodied ? { lifetime_years: g.embodied.lifetimeYears.mode } : {}),
      };
    }),
    site,
    embodied: {
      include: true,
      ...(utilization !== undefined ? { utilization } : {}),
    },
  };
}
