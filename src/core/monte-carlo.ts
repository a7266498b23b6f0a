/**
 * Seeded Monte Carlo over every ranged input of a Job: each draw prices the whole job with inputs
 * drawn from their triangular ranges — each input once per draw, so a shared input (a site, a
 * default, a table row) moves every group that uses it together — and the spread of the draws
 * gives p5 / p50 / p95. Same seed, same numbers.
 */
import type { Job } from './job.js';
import { type Pick, priceJob } from './price.js';
import { seededRng } from './random.js';
import { drawTriangular, type Quantiles, quantiles, type Range } from './uncertainty.js';

export interface UncertaintyOptions {
  readonly draws: number;
  readonly seed: number;
}

export const DEFAULT_UNCERTAINTY: UncertaintyOptions = { draws: 10_000, seed: 1 };

export interface Uncertainty {
  readonly draws: number;
  readonly seed: number;
  readonly energyKwh: Quantiles;
  readonly operationalLocationGco2e: Quantiles;
  readonly operationalMarketGco2e: Quantiles;
  readonly embodiedGco2e: Quantiles;
  readonly totalGco2e: Quantiles;
}

export function simulate(job: Job, options: UncertaintyOptions = DEFAULT_UNCERTAINTY): Uncertainty {
  return simulateJobs([job], options);
}

/**
 * Several jobs priced together (a report over runs and entries at different sites): each draw
 * prices every job with its own inputs drawn and sums them, so the spread is that of the total.
 */
export function simulateJobs(
  jobs: readonly Job[],
  options: UncertaintyOptions = DEFAULT_UNCERTAINTY,
): Uncertainty {
  const { draws, seed } = options;
  const rng = seededRng(seed);
  // One input is one draw: a range object used by several groups or jobs (a default, a zone's
  // intensity, a table row) takes the same value everywhere within a draw.
  const drawn = new Map<Range, number>();
  const pick: Pick = (r) => {
    let v = drawn.get(r);
    if (v === undefined) {
      v = drawTriangular(r, rng());
      drawn.set(r, v);
    }
    return v;
  };
  const energy = new Float64Array(draws);
  const location = new Float64Array(draws);
  const market = new Float64Array(draws);
  const embodied = new Float64Array(draws);
  const total = new Float64Array(draws);
  for (let i = 0; i < draws; i++) {
    drawn.clear();
    let e = 0;
    let l = 0;
    let m = 0;
    let b = 0;
    for (const job of jobs) {
      const priced = priceJob(job, pick);
      e += priced.energyKwh;
      l += priced.operationalGco2e.location;
      m += priced.operationalGco2e.market;
      b += priced.embodiedGco2e;
    }
    energy[i] = e;
    location[i] = l;
    market[i] = m;
    embodied[i] = b;
    total[i] = l + b;
  }
  return {
    draws,
    seed,
    energyKwh: quantiles(energy),
    operationalLocationGco2e: quantiles(location),
    operationalMarketGco2e: quantiles(market),
    embodiedGco2e: quantiles(embodied),
    totalGco2e: quantiles(total),
  };
}
