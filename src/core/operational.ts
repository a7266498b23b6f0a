/**
 * Operational carbon, reported both ways as the GHG Protocol Scope 2 Guidance (2015, ch. 4) requires
 * of anyone who buys energy attribute certificates: location-based (the grid's average intensity where
 * the energy was drawn) and market-based (what the buyer's contracts cover).
 */
import type { Fraction, GramsCo2e, GramsCo2ePerKwh, Kwh } from './units.js';

/** C_loc = E_fac × I (DESIGN.md §3; GHG Protocol Scope 2 Guidance, location-based method). */
export const locationBased = (facility: Kwh, intensity: GramsCo2ePerKwh): GramsCo2e =>
  (facility * intensity) as GramsCo2e;

/**
 * C_mkt = E_fac × (1 − CFE) × I_res (DESIGN.md §3; GHG Protocol Scope 2 Guidance, market-based
 * method): energy matched by carbon-free contracts counts at zero, the rest at the residual mix
 * (or, where no residual mix is known, the grid intensity — the caller records which).
 * Patterson et al. 2021 (arXiv:2104.10350, Table 4) use the same form with Google's CFE share.
 */
export const marketBased = (facility: Kwh, cfe: Fraction, residual: GramsCo2ePerKwh): GramsCo2e =>
  (facility * (1 - cfe) * residual) as GramsCo2e;
