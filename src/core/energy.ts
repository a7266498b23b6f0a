/**
 * IT energy and facility energy.
 */
import { FootprintError } from './errors.js';
import type { Fraction, Kwh, Watts } from './units.js';

/**
 * Average power of a device at a given load, linear between idle and full power.
 * Source: Cloud Carbon Footprint methodology, "Average Watts = Min Watts + Avg vCPU Utilization ×
 * (Max Watts − Min Watts)"; with idle unknown (0) it is Green Algorithms' "TDP × usage factor"
 * (Lannelongue et al. 2021, Adv. Sci. 8:2100707, Eq. 1).
 */
export function powerAtLoad(tdp: Watts, idle: Watts, load: Fraction): Watts {
  if (idle > tdp) {
    throw new FootprintError('invalid_value', `idle power ${idle} W exceeds full power ${tdp} W`);
  }
  return (idle + (tdp - idle) * load) as Watts;
}

/**
 * Facility energy: IT energy times the data centre's power usage effectiveness.
 * Source: The Green Grid, "PUE: A Comprehensive Examination of the Metric" (WP#49, 2012):
 * PUE = total facility energy / IT equipment energy, so E_fac = E_it × PUE, PUE ≥ 1.
 */
export function facilityEnergy(it: Kwh, pue: number): Kwh {
  if (!Number.isFinite(pue) || pue < 1) {
    throw new FootprintError(
      'invalid_value',
      `PUE must be at least 1 (facility energy ≥ IT energy), got ${pue}`,
    );
  }
  return (it * pue) as Kwh;
}
