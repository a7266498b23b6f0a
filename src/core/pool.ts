/**
 * Pools many priced jobs into few for the Monte Carlo of a report: groups that share every
 * systematic input — the site (PUE, intensity, CFE, residual mix), the device kind and the embodied
 * inputs (footprint per device, lifetime, utilization) — are merged into one group whose energy and
 * device-hours are the sums. Every total stays exactly the same (all formulas are linear in energy
 * and device-hours); what changes is that the measurement errors of pooled items are drawn as one,
 * i.e. treated as fully correlated — a conservative (wider) spread, and the honest one for a meter's
 * calibration bias, which is shared by every run it measured. A report over 10,000 runs becomes a
 * handful of groups, so it can afford thousands of draws.
 */
import type { DeviceGroup, GroupEmbodied, Job, Site } from './job.js';
import { type Range, range } from './uncertainty.js';

// Shared inputs are shared objects (one per site, default or table row): key each object once.
const keys = new WeakMap<Range, string>();
const key = (r: Range | undefined): string => {
  if (!r) return '-';
  let k = keys.get(r);
  if (k === undefined) {
    k = `${r.low}|${r.mode}|${r.high}`;
    keys.set(r, k);
  }
  return k;
};
const siteKey = (s: Site): string => [s.pue, s.intensity, s.cfe, s.residualIntensity].map(key).join('/');
const embodiedKey = (e: GroupEmbodied | undefined): string =>
  e ? [e.kgPerDevice, e.lifetimeYears, e.utilization].map(key).join('/') : '-';

const addRanges = (a: Range, b: Range): Range => range(a.low + b.low, a.mode + b.mode, a.high + b.high);
const scale = (r: Range, k: number): Range => range(r.low * k, r.mode * k, r.high * k);

/** A group's energy as a kWh range (power × device-hours where it was given as power). */
const energyRange = (g: DeviceGroup): Range =>
  g.energy.kind === 'energy' ? g.energy.kwh : scale(g.energy.watts, g.deviceHours / 1000);

export function poolJobs(jobs: readonly Job[]): Job[] {
  const pools = new Map<string, { job: Job; groups: Map<string, DeviceGroup> }>();
  for (const job of jobs) {
    const sk = siteKey(job.site);
    const pool = pools.get(sk) ?? {
      job: { ...job, name: 'pool', groups: [], provenance: [] },
      groups: new Map<string, DeviceGroup>(),
    };
    pools.set(sk, pool);
    for (const g of job.groups) {
      const gk = `${g.kind}/${embodiedKey(g.embodied)}`;
      const existing = pool.groups.get(gk);
      pool.groups.set(
        gk,
        existing
          ? {
              ...existing,
              count: existing.count + g.count,
              deviceHours: existing.deviceHours + g.deviceHours,
              energy: { kind: 'energy', kwh: addRanges(energyRange(existing), energyRange(g)) },
            }
          : { ...g, label: g.kind, energy: { kind: 'energy', kwh: energyRange(g) } },
      );
    }
  }
  return [...pools.values()].map((p) => ({ ...p.job, groups: [...p.groups.values()] }));
}
