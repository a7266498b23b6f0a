/**
 * Per-unit power and embodied defaults for devices that are not processors: DRAM (per GB), SSD and
 * HDD (per TB) and whole servers. Each figure is `value` (the most likely value, the mode of the
 * triangular range in src/core/uncertainty.ts), `range: [low, high]` (the plausible spread that the
 * source or comparable published sources give) and `source` (where the value comes from) plus
 * `range_source` (where each bound comes from). Rules for choosing them are in
 * docs/data/regions-and-components.md. Network is left out on purpose: no citable per-port or
 * per-Gbps figure was found (see the doc).
 *
 * Validated once at load, then frozen.
 */
import { z } from 'zod';

const positive = z.number().positive().finite();
const text = z.string().min(8);

export const ComponentFigureSchema = z
  .object({
    value: positive,
    range: z.tuple([positive, positive]),
    source: text,
    range_source: text,
  })
  .strict()
  .refine((f) => f.range[0] <= f.value && f.value <= f.range[1], {
    message: 'value must lie inside range [low, high]',
  });
export type ComponentFigure = z.output<typeof ComponentFigureSchema>;

/** What a server-level embodied figure already contains, so callers can avoid counting a part twice. */
export const SERVER_PARTS = ['chassis', 'mainboard', 'psu', 'cpu', 'gpu', 'dram', 'storage'] as const;
export type ServerPart = (typeof SERVER_PARTS)[number];

const StorageSchema = z
  .object({
    /** Average in-service power per TB of capacity, W/TB (an active/idle mix; see the doc). */
    power_w_per_tb: ComponentFigureSchema,
    /** Cradle-to-gate kgCO2e per TB of capacity. */
    embodied_kg_per_tb: ComponentFigureSchema,
  })
  .strict();

const ServerSchema = z
  .object({
    /** Cradle-to-gate kgCO2e per server. */
    embodied_kg: ComponentFigureSchema,
    includes: z.array(z.enum(SERVER_PARTS)).min(1),
  })
  .strict();

export const ComponentsSchema = z
  .object({
    dram: z
      .object({
        /** W per GB installed. */
        power_w_per_gb: ComponentFigureSchema,
        /** Cradle-to-gate kgCO2e per GB. */
        embodied_kg_per_gb: ComponentFigureSchema,
      })
      .strict(),
    ssd: StorageSchema,
    hdd: StorageSchema,
    /** Enclosure, mainboard, power supplies and assembly only: add processors, memory and storage to it. */
    server_chassis: ServerSchema,
    /** A whole GPU server, processors included. */
    server_gpu: ServerSchema,
    /** A whole CPU-only server, processors included. */
    server_cpu: ServerSchema,
  })
  .strict();
export type Components = z.output<typeof ComponentsSchema>;

// ---- Derivations (kept as arithmetic so a reader can redo them) ---------------------------------

/**
 * Boavizta / UBA die model for memory and flash (Boavizta API docs, components/ram.md and ssd.md,
 * from Umweltbundesamt "Green Cloud Computing", Texte 94/2021): 2.20 kgCO2e per cm² of die, plus a
 * fixed base per module (RAM 5.22 kg) or per drive (SSD 6.34 kg).
 */
const DIE_KG_PER_CM2 = 2.2;
const RAM_BASE_KG = 5.22;
const SSD_BASE_KG = 6.34;
/** Boavizta's documented RAM densities: 0.625 GB/cm² (its older default), 1.25 GB/cm² (its worked example). */
const RAM_DENSITY_DEFAULT = 0.625;
const RAM_DENSITY_EXAMPLE = 1.25;
/** A 32 GB module, Boavizta's default RAM capacity. */
const RAM_MODULE_GB = 32;
const ramKgPerGb = (densityGbPerCm2: number) =>
  ((RAM_MODULE_GB / densityGbPerCm2) * DIE_KG_PER_CM2 + RAM_BASE_KG) / RAM_MODULE_GB;
/** Boavizta's documented SSD density example, 48.5 GB/cm², on a 3.84 TB data-centre drive. */
const SSD_DENSITY = 48.5;
const SSD_DRIVE_TB = 3.84;
const ssdKgPerTb = ((1000 / SSD_DENSITY) * DIE_KG_PER_CM2 * SSD_DRIVE_TB + SSD_BASE_KG) / SSD_DRIVE_TB;

/**
 * Boavizta / UBA rack-server chassis: rack enclosure 150 kg + mainboard 66.1 kg + assembly 6.68 kg
 * + power supplies at 24.3 kgCO2e per kg and 2.99 kg per unit (Boavizta API docs, components/case.md,
 * motherboard.md, assembly.md, power_supply.md; Umweltbundesamt Texte 94/2021).
 */
const chassisKg = (psus: number) => 150 + 66.1 + 6.68 + psus * 2.99 * 24.3;

/** Apple Mac Pro (2019) production footprint, used by Wu et al. 2022 for a GPU training server. */
const WU_GPU_SERVER_KG = 2000;
/** Dell PowerEdge R740 manufacturing, thinkstep LCA as used by TU Berlin (Finkbeiner, Link, Hoffmann 2021). */
const R740_MANUFACTURING_KG = 4283;

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

const RAW: z.input<typeof ComponentsSchema> = {
  dram: {
    power_w_per_gb: {
      value: 0.3725,
      range: [0.284, 0.392],
      source:
        'Green Algorithms (Lannelongue, Grealey & Inouye 2021, Advanced Science 8:2100707): 0.3725 W per GB of memory',
      range_source:
        'low 0.284 W/GB: Boavizta API RAM consumption profile (components/ram.md); high 0.392 W/GB: Cloud Carbon Footprint methodology (mean of Crucial’s ~0.375 and Micron TN-40-07’s ~0.408 W/GB for DDR4)',
    },
    embodied_kg_per_gb: {
      value: round(ramKgPerGb(RAM_DENSITY_EXAMPLE)),
      range: [0.065, round(ramKgPerGb(RAM_DENSITY_DEFAULT))],
      source: `Boavizta / UBA 2021 die model (2.20 kgCO2e/cm² die + 5.22 kg per module), evaluated for a ${RAM_MODULE_GB} GB module at ${RAM_DENSITY_EXAMPLE} GB/cm²`,
      range_source: `low 0.065 kg/GB: ACT (Gupta et al., ISCA 2022) Table 1, DDR4 10 nm, from SK hynix reports; high: the same Boavizta model at its older default density ${RAM_DENSITY_DEFAULT} GB/cm²`,
    },
  },
  ssd: {
    power_w_per_tb: {
      value: 1.2,
      range: [0.4, 3],
      source:
        'Cloud Carbon Footprint methodology: 6 W per SSD / 5 TB per SSD = 1.2 W/TB (projections for 2020 from the 2016 US Data Center Energy Usage Report, Shehabi et al., LBNL)',
      range_source:
        'the same 6 W per drive spread over 15 TB (low) to 2 TB (high) drives, the capacity span of current data-centre SSDs',
    },
    embodied_kg_per_tb: {
      value: round(ssdKgPerTb, 1),
      range: [3.9, 160],
      source: `Boavizta / UBA 2021 die model (2.20 kgCO2e/cm² die + 6.34 kg per drive), evaluated at ${SSD_DENSITY} GB/cm² for a ${SSD_DRIVE_TB} TB drive`,
      range_source:
        'low 3.9 kg/TB: Seagate Nytro 1551 product LCA as tabulated in ACT (Gupta et al., ISCA 2022) Table 1; high 160 kg/TB: Tannu & Nair 2023, "The Dirty Secret of SSDs: Embodied Carbon" (HotCarbon / Energy Informatics Review), 0.16 kgCO2e per GB from 94 SSD LCAs',
    },
  },
  hdd: {
    power_w_per_tb: {
      value: 0.65,
      range: [0.33, 1.3],
      source:
        'Cloud Carbon Footprint methodology: 6.5 W per HDD / 10 TB per HDD = 0.65 W/TB (projections for 2020 from the 2016 US Data Center Energy Usage Report, Shehabi et al., LBNL)',
      range_source: 'the same 6.5 W per drive spread over 20 TB (low) to 5 TB (high) drives',
    },
    embodied_kg_per_tb: {
      value: 1.334,
      range: [1.14, 20],
      source:
        'Seagate Exos X16 (16 TB) product LCA, 1.334 kgCO2e/TB, as tabulated in ACT (Gupta et al., ISCA 2022) Table 1',
      range_source:
        'low 1.14 kg/TB: Seagate Exos X12 LCA (ACT Table 1); high 20 kg/TB: Tannu & Nair 2023 figure for HDDs (older, smaller drives). Boavizta/UBA 2021 models any HDD as 31.11 kg per drive (1.94 kg/TB on 16 TB)',
    },
  },
  server_chassis: {
    embodied_kg: {
      value: round(chassisKg(2), 1),
      range: [round(chassisKg(1), 1), round(chassisKg(6), 1)],
      source:
        'Boavizta / UBA 2021 rack server without processors, memory or storage: enclosure 150 + mainboard 66.1 + assembly 6.68 + 2 power supplies × 2.99 kg × 24.3 kgCO2e/kg',
      range_source: 'the same model with 1 power supply (low) to 6 (high, as in 8-GPU HGX-class servers)',
    },
    includes: ['chassis', 'mainboard', 'psu'],
  },
  server_gpu: {
    embodied_kg: {
      value: WU_GPU_SERVER_KG,
      range: [1000, R740_MANUFACTURING_KG],
      source:
        'Wu et al. 2022, "Sustainable AI" (MLSys): GPU training systems assumed to embody about as much as Apple’s Mac Pro with a 28-core CPU and dual AMD Radeon GPUs, 2000 kgCO2e (Apple Mac Pro Product Environmental Report, 2019)',
      range_source: `low 1000 kg: the CPU-only server default below (a GPU server embodies at least that); high ${R740_MANUFACTURING_KG} kg: manufacturing of a fully configured Dell PowerEdge R740 (thinkstep LCA, used by TU Berlin, Finkbeiner et al. 2021)`,
    },
    includes: ['chassis', 'mainboard', 'psu', 'cpu', 'gpu', 'dram', 'storage'],
  },
  server_cpu: {
    embodied_kg: {
      value: WU_GPU_SERVER_KG / 2,
      range: [round(chassisKg(2), 1), R740_MANUFACTURING_KG],
      source:
        'half of the Wu et al. 2022 GPU-server figure (2000 kgCO2e, after Apple’s 2019 Mac Pro report): a project assumption for a server without accelerators, not a published figure',
      range_source: `low: the Boavizta/UBA chassis-only figure (a server cannot embody less than its chassis); high ${R740_MANUFACTURING_KG} kg: Dell PowerEdge R740 manufacturing (thinkstep LCA via TU Berlin 2021)`,
    },
    includes: ['chassis', 'mainboard', 'psu', 'cpu', 'dram', 'storage'],
  },
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export const COMPONENTS: Readonly<Components> = deepFreeze(ComponentsSchema.parse(RAW));
