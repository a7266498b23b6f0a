/**
 * Every default the accounting may fall back on, with its range and its source. A default that was
 * used is always named in the output (provenance kind `default`), never applied silently.
 * Ranges are triangular (low, most likely, high): see src/core/uncertainty.ts.
 */
import { type Range, range, relativeRange } from '../core/uncertainty.js';

export interface DefaultValue {
  readonly value: number;
  readonly range: Range;
  readonly unit: string;
  readonly source: string;
}

const def = (value: number, r: Range, unit: string, source: string): DefaultValue =>
  Object.freeze({ value, range: r, unit, source });

export const DEFAULTS = Object.freeze({
  /** Data-centre PUE when neither the spec nor a cloud region gives one. */
  pue: def(
    1.56,
    range(1.1, 1.56, 2.0),
    'ratio',
    'Uptime Institute Global Data Center Survey 2024: industry average annual PUE 1.56; range from hyperscale (≈1.1) to legacy sites (≈2.0)',
  ),
  /** Share of energy covered by carbon-free-energy contracts, for the market-based figure. */
  cfeFraction: def(
    0,
    range(0, 0, 0),
    'fraction',
    'no contracts declared: market-based equals location-based unless site.cfe_fraction is given (GHG Protocol Scope 2 Guidance)',
  ),
  /** Average load of a device priced from its TDP when no utilization is given. */
  load: def(
    1,
    range(0.5, 1, 1),
    'fraction',
    'Green Algorithms default usage factor 1.0 (Lannelongue et al. 2021): TDP as a conservative upper bound; range down to half load',
  ),
  /** Hardware lifetime for embodied amortisation. */
  lifetimeYears: def(
    4,
    range(3, 4, 6),
    'years',
    'Cloud Carbon Footprint methodology default server lifetime 4 years; range 3–6 years from cloud providers’ server depreciation schedules',
  ),
  /** Fleet utilization u: share of a device's life spent on useful work. */
  utilization: def(
    0.5,
    range(0.3, 0.5, 0.8),
    'fraction',
    'Jeon et al. 2019 (USENIX ATC, multi-tenant GPU clusters) report GPUs idle or under-used about half the time; Wu et al. 2022 §IV-B: low utilization of ML fleets',
  ),
});

/** Uncertainty of inputs by where they come from (see docs/methodology.md, "Uncertainty"). */
export const SPREADS = Object.freeze({
  /** A measured or declared average power / energy: meter and averaging error, ±5 %. */
  measuredPct: 5,
  /** Power from a TDP × load model: TDP is a ceiling, real averages run lower: −30 % / +10 %. */
  modelledLowPct: 30,
  modelledHighPct: 10,
  /** Embodied figures from a table: published LCAs and die-area models differ by about 2×: −50 % / +60 %. */
  embodiedLowPct: 50,
  embodiedHighPct: 60,
  /**
   * A national annual average (Ember) for a country Electricity Maps has no years of: ±30 %. Over
   * the 194 country zones of the Electricity Maps 2021–2025 data, the largest deviation of a year
   * from the newest has median 10 % and 75th percentile 32 % (computed from the packaged data).
   */
  countryIntensityPct: 30,
});

export const measuredRange = (value: number): Range => relativeRange(value, SPREADS.measuredPct);
export const modelledRange = (value: number): Range =>
  relativeRange(value, SPREADS.modelledLowPct, SPREADS.modelledHighPct);
/**
 * One range object per table figure: the error of an embodied estimate is the same wherever the
 * device is used, so every group that uses it must draw it together (see core/monte-carlo.ts).
 */
const embodiedRanges = new Map<number, Range>();
export const embodiedRange = (value: number): Range => {
  let r = embodiedRanges.get(value);
  if (!r) {
    r = relativeRange(value, SPREADS.embodiedLowPct, SPREADS.embodiedHighPct);
    embodiedRanges.set(value, r);
  }
  return r;
};
