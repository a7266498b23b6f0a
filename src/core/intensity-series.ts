/**
 * Hourly (or any regular step) series of grid carbon intensity or carbon-free-energy share, and
 * the time-weighting of energy against them: C = Σ_t E(t) × I(t) (DESIGN.md §3). When a series
 * covers the whole interval of a job, the job is priced hour by hour; otherwise the caller falls
 * back to the annual average and says so.
 */
import { FootprintError } from './errors.js';
import type { GramsCo2e } from './units.js';

export interface RegularSeries {
  /** Start of the first step, epoch milliseconds (UTC). */
  readonly startMs: number;
  /** Step length, milliseconds (3 600 000 for hourly data). */
  readonly stepMs: number;
  readonly values: ArrayLike<number>;
}

/** Energy drawn over an interval, spread evenly across it. */
export interface EnergyInterval {
  readonly fromMs: number;
  readonly toMs: number;
  readonly kwh: number;
}

export const seriesEndMs = (s: RegularSeries): number => s.startMs + s.values.length * s.stepMs;

export const seriesCovers = (s: RegularSeries, fromMs: number, toMs: number): boolean =>
  fromMs >= s.startMs && toMs <= seriesEndMs(s) && fromMs <= toMs;

/**
 * Calls `visit(value, share)` for each step the interval overlaps, where `share` is the part of the
 * interval inside that step (shares sum to 1). A zero-length interval takes the value at its instant.
 */
function forEachOverlap(
  s: RegularSeries,
  fromMs: number,
  toMs: number,
  visit: (value: number, share: number) => void,
): void {
  if (!seriesCovers(s, fromMs, toMs)) {
    throw new FootprintError(
      'invalid_value',
      `the series (${new Date(s.startMs).toISOString()} – ${new Date(seriesEndMs(s)).toISOString()}) does not cover ${new Date(fromMs).toISOString()} – ${new Date(toMs).toISOString()}`,
    );
  }
  const length = toMs - fromMs;
  const first = Math.min(Math.floor((fromMs - s.startMs) / s.stepMs), s.values.length - 1);
  if (length === 0) {
    visit(s.values[first] as number, 1);
    return;
  }
  for (let i = first; i < s.values.length; i++) {
    const stepStart = s.startMs + i * s.stepMs;
    if (stepStart >= toMs) break;
    const overlap = Math.min(toMs, stepStart + s.stepMs) - Math.max(fromMs, stepStart);
    if (overlap > 0) visit(s.values[i] as number, overlap / length);
  }
}

/** Time-weighted mean of the series over [from, to): the intensity a constant load sees. */
export function weightedMean(s: RegularSeries, fromMs: number, toMs: number): number {
  let sum = 0;
  forEachOverlap(s, fromMs, toMs, (value, share) => {
    sum += value * share;
  });
  return sum;
}

/** Location-based carbon of an energy profile, hour by hour: Σ E(t) × I(t). */
export function hourlyLocationBased(intensity: RegularSeries, profile: readonly EnergyInterval[]): GramsCo2e {
  let grams = 0;
  for (const e of profile) {
    forEachOverlap(intensity, e.fromMs, e.toMs, (i, share) => {
      grams += e.kwh * share * i;
    });
  }
  return grams as GramsCo2e;
}

/**
 * Market-based carbon with hourly CFE matching: Σ E(t) × (1 − CFE(t)) × I(t). Both series must
 * share start and step (hourly matching compares the same hours).
 */
export function hourlyMarketBased(
  intensity: RegularSeries,
  cfe: RegularSeries,
  profile: readonly EnergyInterval[],
): GramsCo2e {
  if (intensity.startMs !== cfe.startMs || intensity.stepMs !== cfe.stepMs) {
    throw new FootprintError(
      'invalid_value',
      'hourly CFE matching needs intensity and CFE series on the same hours',
    );
  }
  let grams = 0;
  for (const e of profile) {
    const steps: number[] = [];
    forEachOverlap(intensity, e.fromMs, e.toMs, (i, share) => {
      steps.push(i, share);
    });
    let k = 0;
    forEachOverlap(cfe, e.fromMs, e.toMs, (c) => {
      grams += e.kwh * (steps[k + 1] as number) * (1 - c) * (steps[k] as number);
      k += 2;
    });
  }
  return grams as GramsCo2e;
}
