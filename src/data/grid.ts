/**
 * Annual grid carbon intensity, from the data the npm package @tgwf/co2 ships:
 * - Electricity Maps yearly zone data 2021–2025 (lifecycle, average; with carbon-free and renewable
 *   shares), ODbL 1.0 — by zone id (`FR`, `DE`, `US-CAL-CISO`, `SE-SE3`);
 * - Ember's national annual averages (CC BY-SA 4.0) — by ISO 3166-1 alpha-3 (`USA`) and, for
 *   countries that Electricity Maps splits into zones, by alpha-2 (`US`).
 * Validated once at load, frozen. The year-to-year spread of a zone gives its uncertainty range.
 */
import { averageIntensity, electricityMaps } from '@tgwf/co2/data';
import { z } from 'zod';
import { FootprintError } from '../core/errors.js';
import { closestNames } from '../core/suggest.js';
import { type Range, range, relativeRange } from '../core/uncertainty.js';
import { ISO3_TO_ISO2 } from './countries.js';
import { SPREADS } from './defaults.js';

export const ELECTRICITY_MAPS_ATTRIBUTION =
  'Electricity Maps yearly carbon intensity 2021–2025, ODbL 1.0 (https://www.electricitymaps.com), via @tgwf/co2';
export const EMBER_ATTRIBUTION =
  'Ember yearly electricity data, national average carbon intensity, CC BY-SA 4.0 (https://ember-energy.org), via @tgwf/co2';

export interface ZoneYear {
  readonly year: number;
  /** Lifecycle average carbon intensity, gCO2e/kWh. */
  readonly intensity: number;
  /** Share of carbon-free generation in the grid mix, [0, 1], where known. */
  readonly gridCfe?: number;
  readonly renewable?: number;
}

export interface GridZone {
  readonly id: string;
  readonly name: string;
  readonly dataset: 'electricity-maps' | 'ember';
  /** Newest first. */
  readonly years: readonly ZoneYear[];
}

const percent = z.object({ value: z.number().min(0).max(100) }).optional();
const EmZoneSchema = z.object({
  zone: z.object({
    zoneName: z.string().optional(),
    displayName: z.string().optional(),
    countryName: z.string().optional(),
  }),
  carbonIntensity: z.object({ value: z.number().nonnegative().finite(), unit: z.literal('gCO2eq/kWh') }),
  carbonFreeEnergy: percent,
  renewableEnergy: percent,
});
const EmYearSchema = z.object({ data: z.record(z.string(), EmZoneSchema) });
const EmberSchema = z.object({ data: z.record(z.string(), z.number().nonnegative().finite()) });

function loadElectricityMaps(): Map<string, GridZone> {
  const byYear = Object.entries(electricityMaps as Record<string, unknown>)
    .map(([key, value]) => ({
      year: Number(key.replace('yearly', '')),
      data: EmYearSchema.parse(value).data,
    }))
    .sort((a, b) => b.year - a.year);
  const zones = new Map<string, { id: string; name: string; years: ZoneYear[] }>();
  for (const { year, data } of byYear) {
    for (const [id, row] of Object.entries(data)) {
      const name = row.zone.displayName ?? row.zone.zoneName ?? id;
      const zone = zones.get(id) ?? { id, name, years: [] };
      zone.years.push({
        year,
        intensity: row.carbonIntensity.value,
        ...(row.carbonFreeEnergy ? { gridCfe: row.carbonFreeEnergy.value / 100 } : {}),
        ...(row.renewableEnergy ? { renewable: row.renewableEnergy.value / 100 } : {}),
      });
      zones.set(id, zone);
    }
  }
  return new Map(
    [...zones].map(([id, z]) => [
      id,
      Object.freeze({ ...z, dataset: 'electricity-maps' as const, years: Object.freeze(z.years) }),
    ]),
  );
}

function loadEmber(): Map<string, GridZone> {
  const data = EmberSchema.parse(averageIntensity).data;
  const countries = new Map<string, GridZone>();
  for (const [iso3, intensity] of Object.entries(data)) {
    if (!(iso3 in ISO3_TO_ISO2)) continue; // aggregates such as WORLD, EU
    countries.set(
      iso3,
      Object.freeze({
        id: iso3,
        name: iso3,
        dataset: 'ember' as const,
        years: Object.freeze([{ year: 0, intensity }]),
      }),
    );
  }
  return countries;
}

export const ZONES: ReadonlyMap<string, GridZone> = loadElectricityMaps();
export const COUNTRIES: ReadonlyMap<string, GridZone> = loadEmber();
const ISO2_TO_ISO3 = new Map(Object.entries(ISO3_TO_ISO2).map(([iso3, iso2]) => [iso2, iso3]));

export const LATEST_YEAR = Math.max(...[...ZONES.values()].flatMap((z) => z.years.map((y) => y.year)));

export interface ResolvedIntensity {
  readonly zone: GridZone;
  readonly year: ZoneYear;
  /** gCO2e/kWh, most likely and spread. */
  readonly range: Range;
  readonly source: string;
}

/** Intensity of a zone (Electricity Maps id), an ISO-3 or an ISO-2 country code. */
export function resolveZone(query: string, year?: number): ResolvedIntensity {
  const id = query.trim();
  const em = ZONES.get(id) ?? [...ZONES.values()].find((z) => z.id.toLowerCase() === id.toLowerCase());
  if (em) return fromElectricityMaps(em, year);
  const upper = id.toUpperCase();
  const iso3 = upper.length === 3 ? upper : ISO2_TO_ISO3.get(upper);
  const ember = iso3 === undefined ? undefined : COUNTRIES.get(iso3);
  if (ember) {
    if (year !== undefined) {
      throw new FootprintError(
        'not_found',
        `${query} has national data for one year only; omit the year, or use an Electricity Maps zone`,
      );
    }
    const y = ember.years[0] as ZoneYear;
    // The country's own year-to-year spread where Electricity Maps has its years, scaled to Ember's value.
    const own = ZONES.get(ISO3_TO_ISO2[ember.id] ?? '');
    const latest = own?.years[0]?.intensity;
    if (own && latest && own.years.length > 1) {
      const values = own.years.map((x) => x.intensity / latest);
      return {
        zone: ember,
        year: y,
        range: range(y.intensity * Math.min(...values), y.intensity, y.intensity * Math.max(...values)),
        source: `${EMBER_ATTRIBUTION}; spread of Electricity Maps zone ${own.id} over ${own.years.length} years`,
      };
    }
    return {
      zone: ember,
      year: y,
      range: relativeRange(y.intensity, SPREADS.countryIntensityPct),
      source: `${EMBER_ATTRIBUTION}; ±${SPREADS.countryIntensityPct} % (typical year-to-year spread of national grids)`,
    };
  }
  const names = [...ZONES.keys(), ...COUNTRIES.keys()];
  throw new FootprintError('not_found', `unknown grid zone "${query}"${suggestion(query, names)}`);
}

/** Resolved once per zone and year, so every job at a zone shares one intensity range object. */
const resolved = new Map<string, ResolvedIntensity>();

function fromElectricityMaps(zone: GridZone, year: number | undefined): ResolvedIntensity {
  const cacheKey = `${zone.id}@${year ?? 'latest'}`;
  const cached = resolved.get(cacheKey);
  if (cached) return cached;
  const result = resolveElectricityMaps(zone, year);
  resolved.set(cacheKey, result);
  return result;
}

function resolveElectricityMaps(zone: GridZone, year: number | undefined): ResolvedIntensity {
  const chosen = year === undefined ? zone.years[0] : zone.years.find((y) => y.year === year);
  if (chosen === undefined) {
    const have = zone.years.map((y) => y.year).join(', ');
    throw new FootprintError('not_found', `no ${year} data for zone ${zone.id} (have ${have})`);
  }
  // The zone's own year-to-year spread is its uncertainty: the intensity of a future or unmeasured
  // hour is as likely to look like any recent year as like the chosen one.
  const values = zone.years.map((y) => y.intensity);
  return {
    zone,
    year: chosen,
    range: range(Math.min(...values), chosen.intensity, Math.max(...values)),
    source: `${ELECTRICITY_MAPS_ATTRIBUTION}; zone ${zone.id} ${chosen.year}, range over ${zone.years.length} years`,
  };
}

function suggestion(query: string, names: readonly string[]): string {
  const near = closestNames(query, names);
  return near.length > 0
    ? ` (did you mean ${near.join(', ')}? see footprint data zones)`
    : '; see footprint data zones';
}

/** Ember's world average, for a job with no site at all (a visible default with a wide range). */
export function worldAverage(): { range: Range; source: string } {
  const world = EmberSchema.parse(averageIntensity).data.WORLD;
  if (world === undefined) throw new FootprintError('internal', 'the Ember data has no WORLD average');
  // Not knowing the site means it could be any grid: the range is the 5th–95th percentile of the
  // national averages in the same table.
  const national = [...COUNTRIES.values()]
    .map((c) => (c.years[0] as ZoneYear).intensity)
    .sort((a, b) => a - b);
  const at = (p: number) => national[Math.floor(p * (national.length - 1))] as number;
  const [low, high] = [Math.min(at(0.05), world), Math.max(at(0.95), world)];
  return {
    range: range(low, world, high),
    source: `${EMBER_ATTRIBUTION}: world average ${world} gCO2e/kWh; range ${Math.round(low)}–${Math.round(high)}, the 5th–95th percentile of national averages`,
  };
}
