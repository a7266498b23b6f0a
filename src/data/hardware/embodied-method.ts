/**
 * The die-area method for the embodied footprint of a processor when no published per-device
 * figure exists: silicon area × carbon per area, plus a fixed packaging/base share, plus on-package
 * memory per GB. Constants and their sources below; the result is a cradle-to-gate estimate with a
 * wide uncertainty range (see src/data/defaults.ts).
 *
 * TODO(helper): verify the constants against Boavizta's published methodology and fill in memory.
 */

/** Boavizta CPU manufacture model: impact per cm² of die. */
export const DIE_KGCO2E_PER_CM2 = 1.97;
/** Boavizta CPU manufacture model: base impact per package (substrate, packaging). */
export const PACKAGE_BASE_KGCO2E = 9.14;
/** On-package / on-board memory (HBM, GDDR) per GB. */
export const MEMORY_KGCO2E_PER_GB = Number.NaN;

export function chipEmbodiedKg(input: { dieAreaMm2: number; memoryGb?: number }): number {
  const dieCm2 = input.dieAreaMm2 / 100;
  return dieCm2 * DIE_KGCO2E_PER_CM2 + PACKAGE_BASE_KGCO2E + (input.memoryGb ?? 0) * MEMORY_KGCO2E_PER_GB;
}
