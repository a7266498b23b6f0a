/**
 * The die-area method for the embodied (manufacturing, cradle-to-gate) footprint of a processor when
 * no published per-device figure exists: silicon area × carbon per area, plus a fixed packaging/base
 * share, plus on-package memory (HBM, GDDR) per GB. Constants and their sources below; the result is
 * an estimate with a wide uncertainty range (see src/data/defaults.ts and docs/data/cpus.md).
 *
 * Source of the method: Boavizta API documentation, "Explanations / components / CPU" and "RAM"
 * (github.com/Boavizta/boaviztapi, docs/docs/Explanations/components/cpu.md and ram.md), whose GWP
 * factors come from Umweltbundesamt (UBA) Texte 94/2021 "Green Cloud Computing" (Gröger et al., 2021).
 */
import { FootprintError } from '../../core/errors.js';

/**
 * kgCO2e per cm² of die. Boavizta cpu.md, "Impact factors": CPU_embedded_die (gwp) = 1.97 kgCO2eq/cm²
 * (current docs write it per mm²: 1.97e-02 kgCO2eq/mm², the same value). Source cited there: UBA 2021.
 */
export const DIE_KGCO2E_PER_CM2 = 1.97;

/**
 * kgCO2e per package, whatever its die area (substrate, packaging, assembly of the chip). Boavizta
 * cpu.md, "Impact factors": CPU_embedded_base (gwp) = 9.14 kgCO2eq. Source cited there: UBA 2021.
 * Older Boavizta versions also added a constant 0.491 cm² of die per CPU; the current formula
 * (embedded = die_size × die_impact + base) does not, and neither do we.
 */
export const PACKAGE_BASE_KGCO2E = 9.14;

/**
 * kgCO2e per cm² of memory (DRAM) die. Boavizta ram.md, "Impact factors": RAM_embedded_die (gwp) =
 * 2.20 kgCO2eq/cm². Source cited there: UBA 2021.
 */
export const MEMORY_DIE_KGCO2E_PER_CM2 = 2.2;

/**
 * GB of memory per cm² of DRAM die. Boavizta ram.md documents 0.625 GB/cm² (its older default, DDR3/
 * DDR4-era dies) and 1.25 GB/cm² (its worked example). We take 1.25: HBM2e/HBM3 and GDDR6 dies are at
 * least that dense, and it is the figure src/data/components.ts uses for DRAM, so memory on a GPU
 * and memory in a server carry the same factor. Cross-check: the A100 80 GB then comes to ≈166 kg,
 * against the 150 kg per A100 that Luccioni et al. 2023 (BLOOM, JMLR §4.1) used; 0.625 would give
 * ≈307 kg. The lower density stays inside the embodied uncertainty range (src/data/defaults.ts).
 */
export const MEMORY_DENSITY_GB_PER_CM2 = 1.25;

/**
 * On-package / on-board memory (HBM, GDDR) per GB, derived from the Boavizta RAM model:
 *   2.20 kgCO2e/cm² ÷ 1.25 GB/cm² = 1.76 kgCO2e/GB.
 * Boavizta's per-module base (5.22 kgCO2e per DIMM: PCB and module packaging) is left out on purpose:
 * on-package memory has no DIMM, and its packaging is counted in PACKAGE_BASE_KGCO2E.
 */
export const MEMORY_KGCO2E_PER_GB = MEMORY_DIE_KGCO2E_PER_CM2 / MEMORY_DENSITY_GB_PER_CM2;

/** Embodied kgCO2e of one package: dies (all of them, in mm²) plus base plus on-package memory. */
export function chipEmbodiedKg(input: { dieAreaMm2: number; memoryGb?: number }): number {
  const { dieAreaMm2, memoryGb = 0 } = input;
  // A table row with a typo would otherwise turn silently into NaN or a negative footprint.
  if (!Number.isFinite(dieAreaMm2) || dieAreaMm2 <= 0) {
    throw new FootprintError(
      'invalid_value',
      `dieAreaMm2 must be a positive number of mm², got ${dieAreaMm2}`,
    );
  }
  if (!Number.isFinite(memoryGb) || memoryGb < 0) {
    throw new FootprintError(
      'invalid_value',
      `memoryGb must be zero or a positive number of GB, got ${memoryGb}`,
    );
  }
  const dieCm2 = dieAreaMm2 / 100;
  return dieCm2 * DIE_KGCO2E_PER_CM2 + PACKAGE_BASE_KGCO2E + memoryGb * MEMORY_KGCO2E_PER_GB;
}
