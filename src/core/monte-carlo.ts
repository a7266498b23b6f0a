/**
 * Seeded Monte Carlo over every ranged input of a Job: each draw prices the whole job with inputs
 * drawn from their triangular ranges (site inputs once per draw, group inputs once per group), and
 * the spread of the draws gives p5 / p50 / p95. Same seed, same numbers.
 */
import type { Job } from './job.js';
import { type Pick, priceJob } from './price.js';
import { seededRng } from './random.js';
import { drawTriangular, type Quantiles, quantiles } from './uncertainty.js';

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
  const { draws, seed } = options;
  const rng = seededRng(seed);
  const pick: Pick = (r) => drawTriangular(r, rng());
  const energy = new Float64Array(draws);
  const location = new Float64Array(draws);
  const market = new Float64Array(draws);
  const embodied = new Float64Array(draws);
  const total = new Float64Array(draws);
  for (let i = 0; i < draws; i++) {
    const priced = priceJob(job, pick);
    energy[i] = priced.energyKwh;
    location[i] = priced.operationalGco2e.location;
    market[i] = priced.operationalGco2e.market;
    embodied[i] = priced.embodiedGco2e;
    total[i] = priced.totalGco2e;
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
