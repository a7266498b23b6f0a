/**
 * Resolves where a job runs — PUE, grid intensity (declared, zone, region or the world default),
 * CFE share and residual mix — into ranged site inputs, noting where each came from. Shared by
 * estimates of specs and the pricing of measured runs.
 */
import { FootprintError } from '../core/errors.js';
import type { Site } from '../core/job.js';
import type { Provenance } from '../core/provenance.js';
import { didYouMean } from '../core/suggest.js';
import { exact, type Range, range } from '../core/uncertainty.js';
import { DEFAULTS } from '../data/defaults.js';
import { resolveZone, worldAverage } from '../data/grid.js';
import { findRegion, REGION_IDS } from '../data/region-lookup.js';
import type { SiteSpec } from './spec.js';

export type Note = (p: Provenance) => void;
/** Prefixes a field with the file it came from: `job.yaml: site.zone`. */
export type At = (field: string) => string;

/**
 * Sites resolve the same way every time (the data is frozen), so each distinct site is resolved
 * once: every job at it then shares one Site and one set of provenance entries — which also lets
 * the Monte Carlo draw a site's inputs once for all its jobs.
 */
const resolved = new Map<string, { site: Site; notes: Provenance[] }>();

export function resolveSite(s: SiteSpec, note: Note, at: At): Site {
  const key = JSON.stringify(s);
  let hit = resolved.get(key);
  if (!hit) {
    const notes: Provenance[] = [];
    hit = { site: resolveSiteOnce(s, (p) => notes.push(p), at), notes };
    resolved.set(key, hit);
  }
  for (const p of hit.notes) note(p);
  return hit.site;
}

function resolveSiteOnce(s: SiteSpec, note: Note, at: At): Site {
  if (s.zone !== undefined && s.region !== undefined) {
    throw new FootprintError('invalid_spec', `${at('site')} gives both zone and region: keep one`);
  }
  if (s.intensity_gco2e_per_kwh !== undefined && (s.zone !== undefined || s.region !== undefined)) {
    throw new FootprintError(
      'invalid_spec',
      `${at('site')} gives intensity_gco2e_per_kwh and a ${s.zone ? 'zone' : 'region'}: keep one`,
    );
  }
  const region = s.region === undefined ? undefined : findRegion(s.region);
  if (s.region !== undefined && region === undefined) {
    throw new FootprintError(
      'not_found',
      `${at('site.region')} unknown cloud region "${s.region}"${didYouMean(s.region, REGION_IDS)}; see footprint data regions`,
    );
  }

  let pue: Range;
  if (s.pue !== undefined) {
    pue = exact(s.pue);
    note({ field: 'site.pue', kind: 'declared', value: s.pue, source: 'spec' });
  } else if (region) {
    pue = range(region.pue_range[0], region.pue, region.pue_range[1]);
    note({
      field: 'site.pue',
      kind: 'default',
      value: region.pue,
      source: `${region.id} (${region.pue_scope} figure): ${region.pue_source}; range ${region.pue_range.join('–')}: ${region.pue_range_source}`,
    });
  } else {
    pue = DEFAULTS.pue.range;
    note({ field: 'site.pue', kind: 'default', value: DEFAULTS.pue.value, source: DEFAULTS.pue.source });
  }

  let intensity: Range;
  if (s.intensity_gco2e_per_kwh !== undefined) {
    intensity = exact(s.intensity_gco2e_per_kwh);
    note({
      field: 'site.intensity_gco2e_per_kwh',
      kind: 'declared',
      value: s.intensity_gco2e_per_kwh,
      unit: 'gCO2e/kWh',
      source: 'spec',
    });
  } else if (s.zone !== undefined || region) {
    const zoneId = s.zone ?? (region?.zone as string);
    let resolved: ReturnType<typeof resolveZone>;
    try {
      resolved = resolveZone(zoneId, s.year);
    } catch (e) {
      if (e instanceof FootprintError)
        throw new FootprintError(e.code, `${at(s.zone ? 'site.zone' : 'site.region')} ${e.message}`, {
          cause: e,
        });
      throw e;
    }
    intensity = resolved.range;
    note({
      field: 'site.intensity_gco2e_per_kwh',
      kind: 'default',
      value: resolved.year.intensity,
      unit: 'gCO2e/kWh',
      source: `${region ? `${region.id} → ` : ''}${resolved.source}`,
    });
  } else {
    const world = worldAverage();
    intensity = world.range;
    note({
      field: 'site.intensity_gco2e_per_kwh',
      kind: 'default',
      value: world.range.mode,
      unit: 'gCO2e/kWh',
      source: `no site given: ${world.source}`,
    });
  }

  const cfe = s.cfe_fraction === undefined ? DEFAULTS.cfeFraction.range : exact(s.cfe_fraction);
  note({
    field: 'site.cfe_fraction',
    kind: s.cfe_fraction === undefined ? 'default' : 'declared',
    value: s.cfe_fraction ?? DEFAULTS.cfeFraction.value,
    unit: 'fraction',
    source: s.cfe_fraction === undefined ? DEFAULTS.cfeFraction.source : 'spec (annual matching)',
  });
  if (s.residual_intensity_gco2e_per_kwh !== undefined) {
    note({
      field: 'site.residual_intensity_gco2e_per_kwh',
      kind: 'declared',
      value: s.residual_intensity_gco2e_per_kwh,
      unit: 'gCO2e/kWh',
      source: 'spec',
    });
  } else {
    note({
      field: 'site.residual_intensity_gco2e_per_kwh',
      kind: 'default',
      value: 'grid intensity',
      source: 'no residual mix given: market-based uses the grid intensity for unmatched energy',
    });
  }
  return {
    pue,
    intensity,
    cfe,
    ...(s.residual_intensity_gco2e_per_kwh === undefined
      ? {}
      : { residualIntensity: exact(s.residual_intensity_gco2e_per_kwh) }),
  };
}
