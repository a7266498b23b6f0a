/**
 * Uncertainty of an input as a triangular distribution (low, most likely, high). Expert ranges are
 * usually given as "about X, between L and H": the triangular distribution is the standard way to
 * carry such a statement into Monte Carlo without inventing a variance (Vose, Risk Analysis, 2008,
 * ch. 9). A measured value has a narrow range, a modelled or default one a wide range; a declared
 * value the user vouches for is exact unless they say otherwise.
 */
import { FootprintError } from './errors.js';
import type { Rng } from './random.js';

export interface Range {
  readonly low: number;
  readonly mode: number;
  readonly high: number;
}

export const exact = (value: number): Range => ({ low: value, mode: value, high: value });

export function range(low: number, mode: number, high: number): Range {
  if (![low, mode, high].every(Number.isFinite) || low > mode || mode > high) {
    throw new FootprintError(
      'invalid_value',
      `a range needs low ≤ mode ≤ high, got ${low}, ${mode}, ${high}`,
    );
  }
  return { low, mode, high };
}

/** `value` with a spread of −lowPct/+highPct percent around it. */
export const relativeRange = (value: number, lowPct: number, highPct = lowPct): Range =>
  range(value * (1 - lowPct / 100), value, value * (1 + highPct / 100));

/** Scale a range by a constant factor (a unit conversion or a count). */
export const scaleRange = (r: Range, k: number): Range =>
  k >= 0
    ? { low: r.low * k, mode: r.mode * k, high: r.high * k }
    : { low: r.high * k, mode: r.mode * k, high: r.low * k };

/** Inverse-CDF draw from the triangular distribution; `u` uniform in [0, 1). */
export function drawTriangular(r: Range, u: number): number {
  const { low, mode, high } = r;
  const width = high - low;
  if (width === 0) return mode;
  const cut = (mode - low) / width;
  return u < cut
    ? low + Math.sqrt(u * width * (mode - low))
    : high - Math.sqrt((1 - u) * width * (high - mode));
}

export const draw = (r: Range, rng: Rng): number => drawTriangular(r, rng());

export interface Quantiles {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/** Empirical quantiles by linear interpolation between order statistics (Hyndman & Fan type 7). */
export function quantiles(samples: Float64Array): Quantiles {
  if (samples.length === 0) throw new FootprintError('internal', 'quantiles of an empty sample');
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number): number => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, sorted.length - 1);
    return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
  };
  return { p5: at(0.05), p50: at(0.5), p95: at(0.95) };
}
