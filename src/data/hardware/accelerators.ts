/**
 * GPUs and other ML accelerators: board power, memory, die area and embodied footprint per device.
 *
 * One row is one device as its vendor sells and specifies it (one PCIe card, one SXM/OAM module,
 * one TPU chip). Power is the vendor's maximum board power / TDP / TGP, never a measured average;
 * `idle_w` appears only where a published source gives it. The embodied figure is a published
 * per-device figure where one exists (cited in `embodied_source`), otherwise the die-area method
 * of `embodied-method.ts` on the published die area of the compute die(s) plus on-package or
 * on-board memory. Aliases include the exact string `nvidia-smi --query-gpu=name` prints, so a
 * measured run can find its row; no alias may match two rows.
 *
 * Rows whose vendor leaves a figure unpublished (AMD MI300 die areas, Intel Gaudi die areas, Google
 * TPU v5e/v5p/v6e power and die areas) carry an estimate: the row's `source` or `embodied_source`
 * starts that figure with "estimate:" and states its basis. docs/data/accelerators.md lists them.
 *
 * Deliberately absent (see docs/data/accelerators.md): AWS Trainium and Inferentia2 (no published
 * power or die area, and no defensible basis for an estimate), NVIDIA H800 and B100 (not yet checked
 * against NVIDIA material), and boards that the driver shows as several devices (Tesla K80, A16),
 * where a per-board row would be counted once per device.
 */
import { chipEmbodiedKg } from './embodied-method.js';
import type { ChipRowInput } from './schema.js';

/** The lithography reticle field, 26 × 33 mm: the largest single die a scanner exposes, mm². */
const RETICLE_FIELD_MM2 = 26 * 33;

/**
 * Die areas of the compute dies, mm². Named once so every row that uses a die cites the same
 * figure. Vendor whitepapers unless the comment says otherwise; entries named `_ESTIMATE` or
 * `_UPPER_BOUND` are not published figures, and their comments give the basis.
 */
const DIE_MM2 = {
  /** NVIDIA Tesla P100 whitepaper (Pascal GP100): 610 mm². */
  GP100: 610,
  /** NVIDIA Pascal GP102 launch material (Tesla P40): 471 mm². */
  GP102: 471,
  /** NVIDIA Pascal GP104 launch material (Tesla P4): 314 mm². */
  GP104: 314,
  /** NVIDIA Tesla V100 GPU architecture whitepaper (Volta GV100): 815 mm². */
  GV100: 815,
  /** NVIDIA Turing GPU architecture whitepaper: TU102 754 mm². */
  TU102: 754,
  /** NVIDIA Turing GPU architecture whitepaper: TU104 545 mm². */
  TU104: 545,
  /** NVIDIA A100 Tensor Core GPU architecture whitepaper (Ampere GA100): 826 mm². */
  GA100: 826,
  /** NVIDIA Ampere GA102 GPU architecture whitepaper: GA102 628.4 mm². */
  GA102: 628.4,
  /** NVIDIA Ampere GA102 GPU architecture whitepaper: GA104 392.5 mm². */
  GA104: 392.5,
  /** GA107 (A2): NVIDIA publishes no area; 200 mm² is the press-reported figure. */
  GA107: 200,
  /** NVIDIA Ada GPU architecture whitepaper: AD102 608.5 mm². */
  AD102: 608.5,
  /** NVIDIA Ada GPU architecture whitepaper: AD104 294.5 mm². */
  AD104: 294.5,
  /** NVIDIA H100 Tensor Core GPU architecture whitepaper (Hopper GH100): 814 mm². */
  GH100: 814,
  /** NVIDIA RTX Blackwell GPU architecture whitepaper: GB202 750 mm². */
  GB202: 750,
  /**
   * B200: NVIDIA gives no area, only "two reticle-limited dies". Upper bound: 2 × the 26 × 33 mm
   * lithography reticle field (858 mm²). An assumption, stated as such in the row.
   */
  B200_TWO_RETICLE_DIES: 2 * 858,
  /** AMD Next Horizon 2018 (Vega 20, MI50/MI60): 331 mm². */
  VEGA20: 331,
  /** Arcturus (MI100): AMD publishes no area; ~750 mm² is the press-reported figure. */
  ARCTURUS: 750,
  /**
   * Aldebaran graphics compute die (MI200 series): AMD publishes no area; ~790 mm² per die is the
   * press estimate from package photos (SC21, ServeTheHome / Tom's Hardware).
   */
  ALDEBARAN_GCD: 790,
  /**
   * Ponte Vecchio (Data Center GPU Max 1550): 16 compute tiles of 41 mm² (TSMC N5), Intel Hot Chips
   * 33 (2021). Base tiles (2 × 640 mm², Intel 7) and Xe Link tiles are not compute dies: excluded.
   */
  PONTE_VECCHIO_COMPUTE_TILES: 16 * 41,
  /** Jouppi et al., CACM 63(7) 2020, Table 3: TPUv2 die < 611 mm² (upper bound used). */
  TPU_V2: 611,
  /** Jouppi et al., CACM 63(7) 2020, Table 3: TPUv3 die < 648 mm² (upper bound used). */
  TPU_V3: 648,
  /** Jouppi et al., ISCA 2023 (TPU v4): die < 780 mm² (upper bound used). */
  TPU_V4: 780,
  /**
   * MI300 accelerator complex die (XCD, TSMC N5): AMD publishes no area. ESTIMATE: ~110 mm² per
   * compute die, the pre-launch press report (TechPowerUp / VideoCardz, April 2022, citing Moore's
   * Law is Dead). The 6 nm I/O dies underneath (four per package) are not compute dies: excluded.
   */
  MI300_XCD_ESTIMATE: 110,
  /**
   * Zen 4 CCD (TSMC N5), as in cpus.ts for EPYC Genoa: 72 mm² (AMD package drawing, via
   * VideoCardz / Hardwareluxx). MI300A carries three of them.
   */
  ZEN4_CCD: 72,
  /**
   * Intel Gaudi 2: Intel publishes no area. ESTIMATE: one TSMC 7 nm die, bounded by the reticle field
   * (858 mm²). An upper bound, like the B200 assumption above.
   */
  GAUDI2_UPPER_BOUND: RETICLE_FIELD_MM2,
  /**
   * Intel Gaudi 3: Intel says two compute dies (TSMC 5 nm) but publishes no area. ESTIMATE: 2 × the
   * reticle field (858 mm²). An upper bound.
   */
  GAUDI3_UPPER_BOUND: 2 * RETICLE_FIELD_MM2,
  /**
   * Google TPU v5e, v5p, v6e: Google publishes no die area (nor the process). ESTIMATE: one die per
   * chip, bounded by the reticle field (858 mm²). An upper bound; TPU v4 was < 780 mm².
   */
  TPU_V5_V6_UPPER_BOUND: RETICLE_FIELD_MM2,
} as const;

/**
 * Google publishes no per-chip power for TPU v5e, v5p or v6e. The estimate scales TPU v4's measured
 * maximum (192 W per chip, Google Cloud "TPU v4" documentation) by peak bf16 throughput (275 TFLOPs on
 * TPU v4, same documentation): W per peak TFLOP of v4, times the newer chip's peak TFLOPs. That
 * assumes TPU v4's energy per peak FLOP; newer chips are usually more efficient, so it leans high.
 */
const TPU_V4_W_PER_PEAK_BF16_TFLOP = 192 / 275;

/**
 * Google: Trillium (TPU v6e) is "over 67% more energy-efficient than TPU v5e" (Google Cloud blog,
 * cloud.google.com/blog/products/compute/introducing-trillium-6th-gen-tpus, May 2024). Used as 1.67×
 * the v5e performance per watt.
 */
const TRILLIUM_EFFICIENCY_VS_V5E = 1.67;

/** Estimated TPU power from peak bf16 TFLOPs (see above), W, rounded to the watt. */
function tpuPowerEstimateW(peakBf16Tflops: number, efficiencyGain = 1): number {
  return Math.round((peakBf16Tflops * TPU_V4_W_PER_PEAK_BF16_TFLOP) / efficiencyGain);
}

/** The `embodied_source` text of a modelled row: which method, which inputs, where they come from. */
function modelled(die: string, memory: string): string {
  return `modelled: die-area method (embodied-method.ts) on ${die} + ${memory}`;
}

const GP100_SRC = 'GP100 610 mm² (NVIDIA Tesla P100 whitepaper)';
const GV100_SRC = 'GV100 815 mm² (NVIDIA Tesla V100 architecture whitepaper)';
const GA100_SRC = 'GA100 826 mm² (NVIDIA A100 architecture whitepaper)';
const GA102_SRC = 'GA102 628.4 mm² (NVIDIA Ampere GA102 whitepaper)';
const AD102_SRC = 'AD102 608.5 mm² (NVIDIA Ada architecture whitepaper)';
const GH100_SRC = 'GH100 814 mm² (NVIDIA H100 architecture whitepaper)';
const GB202_SRC = 'GB202 750 mm² (NVIDIA RTX Blackwell architecture whitepaper)';
const VEGA20_SRC = 'Vega 20 331 mm² (AMD Next Horizon 2018)';
const ALDEBARAN_SRC = 'Aldebaran GCD ~790 mm² (press estimate from package photos; AMD gives no area)';
const MI300X_DIES_SRC =
  'estimate: 8 × ~110 mm² XCD = 880 mm² (AMD publishes no XCD area; ~110 mm² per compute die is the ' +
  "pre-launch press report, TechPowerUp / VideoCardz April 2022 citing Moore's Law is Dead; the four " +
  '6 nm I/O dies are not counted, so the silicon is under-stated)';
const TPU_DIE_SRC =
  'estimate: ≤ 858 mm² (Google publishes no die area; one die bounded by the 26 × 33 mm reticle field, ' +
  'an upper bound)';

export const ACCELERATORS: readonly ChipRowInput[] = [
  // ---------------------------------------------------------------- NVIDIA Pascal (2016)
  {
    id: 'nvidia-tesla-p100-pcie-12gb',
    name: 'NVIDIA Tesla P100 PCIe 12GB',
    aliases: ['Tesla P100-PCIE-12GB', 'P100-PCIE-12GB', 'Tesla P100 PCIe 12GB', 'P100 PCIe 12GB'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2016,
    tdp_w: 250,
    memory_gb: 12,
    die_area_mm2: DIE_MM2.GP100,
    process_nm: 16,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GP100, memoryGb: 12 }),
    embodied_source: modelled(GP100_SRC, '12 GB HBM2'),
    source: 'NVIDIA Tesla P100 PCIe datasheet: max power 250 W',
  },
  {
    id: 'nvidia-tesla-p100-pcie-16gb',
    name: 'NVIDIA Tesla P100 PCIe 16GB',
    aliases: [
      'Tesla P100-PCIE-16GB',
      'P100-PCIE-16GB',
      'Tesla P100 PCIe 16GB',
      'P100 PCIe 16GB',
      'P100 PCIe',
    ],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2016,
    tdp_w: 250,
    memory_gb: 16,
    die_area_mm2: DIE_MM2.GP100,
    process_nm: 16,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GP100, memoryGb: 16 }),
    embodied_source: modelled(GP100_SRC, '16 GB HBM2'),
    source: 'NVIDIA Tesla P100 PCIe datasheet: max power 250 W',
  },
  {
    id: 'nvidia-tesla-p100-sxm2-16gb',
    name: 'NVIDIA Tesla P100 SXM2 16GB',
    aliases: ['Tesla P100-SXM2-16GB', 'P100-SXM2-16GB', 'Tesla P100 SXM2', 'P100 SXM2'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2016,
    tdp_w: 300,
    memory_gb: 16,
    die_area_mm2: DIE_MM2.GP100,
    process_nm: 16,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GP100, memoryGb: 16 }),
    embodied_source: modelled(GP100_SRC, '16 GB HBM2'),
    source: 'NVIDIA Tesla P100 (SXM2, NVLink) datasheet: max power 300 W',
  },
  {
    id: 'nvidia-tesla-p40',
    name: 'NVIDIA Tesla P40',
    aliases: ['Tesla P40', 'P40'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2016,
    tdp_w: 250,
    memory_gb: 24,
    die_area_mm2: DIE_MM2.GP102,
    process_nm: 16,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GP102, memoryGb: 24 }),
    embodied_source: modelled('GP102 471 mm² (NVIDIA Pascal launch material)', '24 GB GDDR5'),
    source: 'NVIDIA Tesla P40 datasheet: max power 250 W',
  },
  {
    id: 'nvidia-tesla-p4',
    name: 'NVIDIA Tesla P4',
    aliases: ['Tesla P4'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2016,
    // The datasheet gives 50 W or 75 W (configurable); the maximum is the board's ceiling.
    tdp_w: 75,
    memory_gb: 8,
    die_area_mm2: DIE_MM2.GP104,
    process_nm: 16,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GP104, memoryGb: 8 }),
    embodied_source: modelled('GP104 314 mm² (NVIDIA Pascal launch material)', '8 GB GDDR5'),
    source: 'NVIDIA Tesla P4 datasheet: max power 50/75 W (configurable), 75 W used',
  },

  // ---------------------------------------------------------------- NVIDIA Volta (2017-2019)
  {
    id: 'nvidia-tesla-v100-pcie-16gb',
    name: 'NVIDIA Tesla V100 PCIe 16GB',
    aliases: ['Tesla V100-PCIE-16GB', 'V100-PCIE-16GB', 'Tesla V100 PCIe 16GB', 'V100 PCIe 16GB'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2017,
    tdp_w: 250,
    memory_gb: 16,
    die_area_mm2: DIE_MM2.GV100,
    process_nm: 12,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GV100, memoryGb: 16 }),
    embodied_source: modelled(GV100_SRC, '16 GB HBM2'),
    source: 'NVIDIA Tesla V100 datasheet: max power 250 W (PCIe)',
  },
  {
    id: 'nvidia-tesla-v100-pcie-32gb',
    name: 'NVIDIA Tesla V100 PCIe 32GB',
    aliases: ['Tesla V100-PCIE-32GB', 'V100-PCIE-32GB', 'Tesla V100 PCIe 32GB', 'V100 PCIe 32GB'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2018,
    tdp_w: 250,
    memory_gb: 32,
    die_area_mm2: DIE_MM2.GV100,
    process_nm: 12,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GV100, memoryGb: 32 }),
    embodied_source: modelled(GV100_SRC, '32 GB HBM2'),
    source: 'NVIDIA Tesla V100 datasheet: max power 250 W (PCIe)',
  },
  {
    id: 'nvidia-tesla-v100-sxm2-16gb',
    name: 'NVIDIA Tesla V100 SXM2 16GB',
    aliases: ['Tesla V100-SXM2-16GB', 'V100-SXM2-16GB', 'Tesla V100 SXM2 16GB', 'V100 SXM2 16GB'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2017,
    tdp_w: 300,
    memory_gb: 16,
    die_area_mm2: DIE_MM2.GV100,
    process_nm: 12,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GV100, memoryGb: 16 }),
    embodied_source: modelled(GV100_SRC, '16 GB HBM2'),
    source: 'NVIDIA Tesla V100 datasheet: max power 300 W (SXM2)',
  },
  {
    id: 'nvidia-tesla-v100-sxm2-32gb',
    name: 'NVIDIA Tesla V100 SXM2 32GB',
    aliases: ['Tesla V100-SXM2-32GB', 'V100-SXM2-32GB', 'Tesla V100 SXM2 32GB', 'V100 SXM2 32GB'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2018,
    tdp_w: 300,
    memory_gb: 32,
    die_area_mm2: DIE_MM2.GV100,
    process_nm: 12,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GV100, memoryGb: 32 }),
    embodied_source: modelled(GV100_SRC, '32 GB HBM2'),
    source: 'NVIDIA Tesla V100 datasheet: max power 300 W (SXM2)',
  },
  {
    id: 'nvidia-tesla-v100-sxm3-32gb',
    name: 'NVIDIA Tesla V100 SXM3 32GB',
    aliases: ['Tesla V100-SXM3-32GB', 'V100-SXM3-32GB', 'Tesla V100 SXM3 32GB', 'V100 SXM3 32GB'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2018,
    // SXM3 exists only in DGX-2 / HGX-2; the faster DGX-2H ran the same part at 450 W.
    tdp_w: 350,
    memory_gb: 32,
    die_area_mm2: DIE_MM2.GV100,
    process_nm: 12,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GV100, memoryGb: 32 }),
    embodied_source: modelled(GV100_SRC, '32 GB HBM2'),
    source:
      'NVIDIA DGX-2 system: V100 SXM3 32GB at 350 W per GPU (DGX-2H: 450 W); the driver reports a 350 W ' +
      'power cap for Tesla V100-SXM3-32GB',
  },
  {
    id: 'nvidia-tesla-v100s-pcie-32gb',
    name: 'NVIDIA Tesla V100S PCIe 32GB',
    aliases: ['Tesla V100S-PCIE-32GB', 'V100S-PCIE-32GB', 'Tesla V100S', 'V100S'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2019,
    tdp_w: 250,
    memory_gb: 32,
    die_area_mm2: DIE_MM2.GV100,
    process_nm: 12,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GV100, memoryGb: 32 }),
    embodied_source: modelled(GV100_SRC, '32 GB HBM2'),
    source: 'NVIDIA Tesla V100S datasheet: max power 250 W',
  },

  // ---------------------------------------------------------------- NVIDIA Turing (2018)
  {
    id: 'nvidia-tesla-t4',
    name: 'NVIDIA T4',
    aliases: ['Tesla T4', 'NVIDIA Tesla T4', 'T4'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2018,
    tdp_w: 70,
    memory_gb: 16,
    die_area_mm2: DIE_MM2.TU104,
    process_nm: 12,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.TU104, memoryGb: 16 }),
    embodied_source: modelled('TU104 545 mm² (NVIDIA Turing architecture whitepaper)', '16 GB GDDR6'),
    source: 'NVIDIA T4 Tensor Core GPU datasheet: max power 70 W',
  },
  {
    id: 'nvidia-titan-rtx',
    name: 'NVIDIA TITAN RTX',
    aliases: ['TITAN RTX', 'Titan RTX'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2018,
    tdp_w: 280,
    memory_gb: 24,
    die_area_mm2: DIE_MM2.TU102,
    process_nm: 12,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.TU102, memoryGb: 24 }),
    embodied_source: modelled('TU102 754 mm² (NVIDIA Turing architecture whitepaper)', '24 GB GDDR6'),
    source: 'NVIDIA TITAN RTX product specifications: graphics card power 280 W',
  },
  {
    id: 'nvidia-geforce-rtx-2080-ti',
    name: 'NVIDIA GeForce RTX 2080 Ti',
    aliases: ['GeForce RTX 2080 Ti', 'RTX 2080 Ti', '2080 Ti'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2018,
    // Reference board power; the Founders Edition is factory-overclocked to 260 W.
    tdp_w: 250,
    memory_gb: 11,
    die_area_mm2: DIE_MM2.TU102,
    process_nm: 12,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.TU102, memoryGb: 11 }),
    embodied_source: modelled('TU102 754 mm² (NVIDIA Turing architecture whitepaper)', '11 GB GDDR6'),
    source: 'NVIDIA GeForce RTX 2080 Ti specifications: graphics card power 250 W (Founders Edition 260 W)',
  },

  // ---------------------------------------------------------------- NVIDIA Ampere (2020-2021)
  {
    id: 'nvidia-a2',
    name: 'NVIDIA A2',
    aliases: ['A2', 'NVIDIA A2 Tensor Core GPU'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2021,
    // Configurable 40-60 W; the maximum is used.
    tdp_w: 60,
    memory_gb: 16,
    die_area_mm2: DIE_MM2.GA107,
    process_nm: 8,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GA107, memoryGb: 16 }),
    embodied_source: modelled('GA107 ~200 mm² (press-reported; NVIDIA gives no area)', '16 GB GDDR6'),
    source: 'NVIDIA A2 Tensor Core GPU datasheet: max TDP 40-60 W (configurable), 60 W used',
  },
  {
    id: 'nvidia-a10',
    name: 'NVIDIA A10',
    aliases: ['A10', 'NVIDIA A10 Tensor Core GPU'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2021,
    tdp_w: 150,
    memory_gb: 24,
    die_area_mm2: DIE_MM2.GA102,
    process_nm: 8,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GA102, memoryGb: 24 }),
    embodied_source: modelled(GA102_SRC, '24 GB GDDR6'),
    source: 'NVIDIA A10 Tensor Core GPU datasheet: max TDP 150 W',
  },
  {
    id: 'nvidia-a10g',
    name: 'NVIDIA A10G',
    aliases: ['A10G'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2021,
    // AWS-only part (EC2 G5); neither NVIDIA nor AWS publishes a datasheet TDP.
    tdp_w: 300,
    memory_gb: 24,
    die_area_mm2: DIE_MM2.GA102,
    process_nm: 8,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GA102, memoryGb: 24 }),
    embodied_source: modelled(GA102_SRC, '24 GB GDDR6'),
    source:
      'No vendor datasheet (AWS EC2 G5 part): 300 W is the power cap nvidia-smi reports for NVIDIA A10G on G5 ' +
      'instances',
  },
  {
    id: 'nvidia-a30',
    name: 'NVIDIA A30',
    aliases: ['A30', 'NVIDIA A30 Tensor Core GPU'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2021,
    tdp_w: 165,
    memory_gb: 24,
    die_area_mm2: DIE_MM2.GA100,
    process_nm: 7,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GA100, memoryGb: 24 }),
    embodied_source: modelled(GA100_SRC, '24 GB HBM2'),
    source: 'NVIDIA A30 Tensor Core GPU datasheet: max TDP 165 W',
  },
  {
    id: 'nvidia-a40',
    name: 'NVIDIA A40',
    aliases: ['A40'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2020,
    tdp_w: 300,
    memory_gb: 48,
    die_area_mm2: DIE_MM2.GA102,
    process_nm: 8,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GA102, memoryGb: 48 }),
    embodied_source: modelled(GA102_SRC, '48 GB GDDR6'),
    source: 'NVIDIA A40 datasheet / product brief PB-09976-001: max power 300 W',
  },
  {
    id: 'nvidia-a100-pcie-40gb',
    name: 'NVIDIA A100 PCIe 40GB',
    // Older drivers print the name without the "NVIDIA " prefix; both spellings are aliases.
    aliases: ['NVIDIA A100-PCIE-40GB', 'A100-PCIE-40GB', 'A100 PCIe 40GB', 'A100 40GB PCIe'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2020,
    tdp_w: 250,
    memory_gb: 40,
    die_area_mm2: DIE_MM2.GA100,
    process_nm: 7,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GA100, memoryGb: 40 }),
    embodied_source: modelled(GA100_SRC, '40 GB HBM2'),
    source: 'NVIDIA A100 Tensor Core GPU datasheet: max TDP 250 W (PCIe 40GB)',
  },
  {
    id: 'nvidia-a100-sxm4-40gb',
    name: 'NVIDIA A100 SXM4 40GB',
    aliases: ['NVIDIA A100-SXM4-40GB', 'A100-SXM4-40GB', 'A100 SXM4 40GB', 'A100 40GB SXM', 'A100 SXM 40GB'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2020,
    tdp_w: 400,
    memory_gb: 40,
    die_area_mm2: DIE_MM2.GA100,
    process_nm: 7,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GA100, memoryGb: 40 }),
    embodied_source: modelled(GA100_SRC, '40 GB HBM2'),
    source: 'NVIDIA A100 Tensor Core GPU datasheet: max TDP 400 W (SXM4)',
  },
  {
    id: 'nvidia-a100-pcie-80gb',
    name: 'NVIDIA A100 PCIe 80GB',
    aliases: ['NVIDIA A100 80GB PCIe', 'A100 80GB PCIe', 'A100 PCIe 80GB', 'A100-PCIE-80GB'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2021,
    tdp_w: 300,
    memory_gb: 80,
    die_area_mm2: DIE_MM2.GA100,
    process_nm: 7,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GA100, memoryGb: 80 }),
    embodied_source: modelled(GA100_SRC, '80 GB HBM2e'),
    source: 'NVIDIA A100 Tensor Core GPU datasheet: max TDP 300 W (PCIe 80GB)',
  },
  {
    id: 'nvidia-a100-sxm4-80gb',
    name: 'NVIDIA A100 SXM4 80GB',
    aliases: [
      'NVIDIA A100-SXM4-80GB',
      'A100-SXM4-80GB',
      'NVIDIA A100-SXM-80GB',
      'A100-SXM-80GB',
      'A100 SXM4 80GB',
      'A100 80GB SXM',
      'A100 SXM 80GB',
    ],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2020,
    tdp_w: 400,
    memory_gb: 80,
    die_area_mm2: DIE_MM2.GA100,
    process_nm: 7,
    // A published per-device figure exists for this card, so it takes precedence over the model.
    embodied_kgco2e: 150,
    embodied_source:
      'published: Luccioni, Viguier & Ligozat, "Estimating the Carbon Footprint of BLOOM, a 176B Parameter ' +
      'Language Model", JMLR 24(253), 2023, §4.1: 150 kgCO2eq per A100 80GB GPU of the Jean Zay cluster ' +
      '(an estimate, not a manufacturer LCA)',
    source: 'NVIDIA A100 Tensor Core GPU datasheet: max TDP 400 W (SXM4)',
  },
  {
    id: 'nvidia-rtx-a4000',
    name: 'NVIDIA RTX A4000',
    aliases: ['RTX A4000'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2021,
    tdp_w: 140,
    memory_gb: 16,
    die_area_mm2: DIE_MM2.GA104,
    process_nm: 8,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GA104, memoryGb: 16 }),
    embodied_source: modelled('GA104 392.5 mm² (NVIDIA Ampere GA102 whitepaper)', '16 GB GDDR6'),
    source: 'NVIDIA RTX A4000 datasheet: max power consumption 140 W',
  },
  {
    id: 'nvidia-rtx-a5000',
    name: 'NVIDIA RTX A5000',
    aliases: ['RTX A5000'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2021,
    tdp_w: 230,
    memory_gb: 24,
    die_area_mm2: DIE_MM2.GA102,
    process_nm: 8,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GA102, memoryGb: 24 }),
    embodied_source: modelled(GA102_SRC, '24 GB GDDR6'),
    source: 'NVIDIA RTX A5000 datasheet: max power consumption 230 W',
  },
  {
    id: 'nvidia-rtx-a6000',
    name: 'NVIDIA RTX A6000',
    aliases: ['RTX A6000'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2020,
    tdp_w: 300,
    memory_gb: 48,
    die_area_mm2: DIE_MM2.GA102,
    process_nm: 8,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GA102, memoryGb: 48 }),
    embodied_source: modelled(GA102_SRC, '48 GB GDDR6'),
    source: 'NVIDIA RTX A6000 datasheet: max power consumption 300 W',
  },
  {
    id: 'nvidia-geforce-rtx-3090',
    name: 'NVIDIA GeForce RTX 3090',
    aliases: ['GeForce RTX 3090', 'RTX 3090'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2020,
    tdp_w: 350,
    memory_gb: 24,
    die_area_mm2: DIE_MM2.GA102,
    process_nm: 8,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GA102, memoryGb: 24 }),
    embodied_source: modelled(GA102_SRC, '24 GB GDDR6X'),
    source: 'NVIDIA GeForce RTX 3090 specifications: total graphics power 350 W',
  },

  // ---------------------------------------------------------------- NVIDIA Ada Lovelace (2022-2023)
  {
    id: 'nvidia-l4',
    name: 'NVIDIA L4',
    aliases: ['L4', 'NVIDIA L4 Tensor Core GPU'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2023,
    tdp_w: 72,
    memory_gb: 24,
    die_area_mm2: DIE_MM2.AD104,
    process_nm: 4,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.AD104, memoryGb: 24 }),
    embodied_source: modelled('AD104 294.5 mm² (NVIDIA Ada architecture whitepaper)', '24 GB GDDR6'),
    source: 'NVIDIA L4 Tensor Core GPU datasheet: max TDP 72 W',
  },
  {
    id: 'nvidia-l40',
    name: 'NVIDIA L40',
    aliases: ['L40'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2022,
    tdp_w: 300,
    memory_gb: 48,
    die_area_mm2: DIE_MM2.AD102,
    process_nm: 4,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.AD102, memoryGb: 48 }),
    embodied_source: modelled(AD102_SRC, '48 GB GDDR6'),
    source: 'NVIDIA L40 GPU datasheet: max power consumption 300 W',
  },
  {
    id: 'nvidia-l40s',
    name: 'NVIDIA L40S',
    aliases: ['L40S'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2023,
    tdp_w: 350,
    memory_gb: 48,
    die_area_mm2: DIE_MM2.AD102,
    process_nm: 4,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.AD102, memoryGb: 48 }),
    embodied_source: modelled(AD102_SRC, '48 GB GDDR6'),
    source: 'NVIDIA L40S GPU datasheet: max power consumption 350 W',
  },
  {
    id: 'nvidia-rtx-6000-ada',
    name: 'NVIDIA RTX 6000 Ada Generation',
    aliases: ['RTX 6000 Ada Generation', 'RTX 6000 Ada', 'NVIDIA RTX 6000 Ada'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2022,
    tdp_w: 300,
    memory_gb: 48,
    die_area_mm2: DIE_MM2.AD102,
    process_nm: 4,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.AD102, memoryGb: 48 }),
    embodied_source: modelled(AD102_SRC, '48 GB GDDR6'),
    source: 'NVIDIA RTX 6000 Ada Generation datasheet: max power consumption 300 W',
  },
  {
    id: 'nvidia-geforce-rtx-4090',
    name: 'NVIDIA GeForce RTX 4090',
    aliases: ['GeForce RTX 4090', 'RTX 4090'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2022,
    tdp_w: 450,
    memory_gb: 24,
    die_area_mm2: DIE_MM2.AD102,
    process_nm: 4,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.AD102, memoryGb: 24 }),
    embodied_source: modelled(AD102_SRC, '24 GB GDDR6X'),
    source: 'NVIDIA GeForce RTX 4090 specifications: total graphics power 450 W',
  },

  // ---------------------------------------------------------------- NVIDIA Hopper (2022-2024)
  {
    id: 'nvidia-h100-pcie-80gb',
    name: 'NVIDIA H100 PCIe 80GB',
    aliases: ['NVIDIA H100 PCIe', 'H100 PCIe', 'H100 PCIe 80GB', 'H100-PCIE-80GB'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2022,
    // Configurable 300-350 W; the maximum is used.
    tdp_w: 350,
    memory_gb: 80,
    die_area_mm2: DIE_MM2.GH100,
    process_nm: 4,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GH100, memoryGb: 80 }),
    embodied_source: modelled(GH100_SRC, '80 GB HBM2e'),
    source: 'NVIDIA H100 Tensor Core GPU datasheet: max TDP 300-350 W configurable (PCIe), 350 W used',
  },
  {
    id: 'nvidia-h100-sxm5-80gb',
    name: 'NVIDIA H100 SXM5 80GB',
    aliases: [
      'NVIDIA H100 80GB HBM3',
      'H100 80GB HBM3',
      'H100 SXM5 80GB',
      'H100 SXM5',
      'H100 SXM',
      'H100-SXM5-80GB',
    ],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2022,
    tdp_w: 700,
    memory_gb: 80,
    die_area_mm2: DIE_MM2.GH100,
    process_nm: 4,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GH100, memoryGb: 80 }),
    embodied_source: modelled(GH100_SRC, '80 GB HBM3'),
    source: 'NVIDIA H100 Tensor Core GPU datasheet: max TDP up to 700 W (SXM)',
  },
  {
    id: 'nvidia-h100-nvl',
    name: 'NVIDIA H100 NVL',
    aliases: ['H100 NVL', 'H100 NVL 94GB'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2023,
    // Configurable 350-400 W per GPU; the maximum is used.
    tdp_w: 400,
    memory_gb: 94,
    die_area_mm2: DIE_MM2.GH100,
    process_nm: 4,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GH100, memoryGb: 94 }),
    embodied_source: modelled(GH100_SRC, '94 GB HBM3'),
    source: 'NVIDIA H100 Tensor Core GPU datasheet: max TDP 350-400 W configurable (H100 NVL), 400 W used',
  },
  {
    id: 'nvidia-h200-sxm-141gb',
    name: 'NVIDIA H200 SXM 141GB',
    aliases: ['NVIDIA H200', 'H200', 'H200 SXM', 'H200 SXM 141GB'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2024,
    tdp_w: 700,
    memory_gb: 141,
    die_area_mm2: DIE_MM2.GH100,
    process_nm: 4,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GH100, memoryGb: 141 }),
    embodied_source: modelled(GH100_SRC, '141 GB HBM3e'),
    source: 'NVIDIA H200 Tensor Core GPU datasheet: max TDP up to 700 W (SXM)',
  },
  {
    id: 'nvidia-h200-nvl',
    name: 'NVIDIA H200 NVL',
    aliases: ['H200 NVL', 'H200 NVL 141GB'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2024,
    tdp_w: 600,
    memory_gb: 141,
    die_area_mm2: DIE_MM2.GH100,
    process_nm: 4,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GH100, memoryGb: 141 }),
    embodied_source: modelled(GH100_SRC, '141 GB HBM3e'),
    source: 'NVIDIA H200 Tensor Core GPU datasheet: max TDP up to 600 W (H200 NVL)',
  },
  {
    id: 'nvidia-gh200-96gb',
    name: 'NVIDIA GH200 96GB HBM3',
    aliases: ['NVIDIA GH200 480GB', 'GH200 480GB', 'GH200 96GB', 'GH200 Grace Hopper Superchip 96GB'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2023,
    // No GPU-only figure is published: the module limit covers Grace CPU, LPDDR5X and Hopper GPU,
    // so the TDP model over-states the GPU alone. Prefer measured power (NVML) on this part.
    tdp_w: 1000,
    memory_gb: 96,
    die_area_mm2: DIE_MM2.GH100,
    process_nm: 4,
    // GPU part only: the Grace CPU die and its LPDDR5X belong to the CPU side of the superchip.
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GH100, memoryGb: 96 }),
    embodied_source: modelled(GH100_SRC, '96 GB HBM3 (Hopper GPU only; Grace CPU and LPDDR5X excluded)'),
    source:
      'NVIDIA GH200 Grace Hopper Superchip datasheet: module power configurable 450-1000 W for CPU + GPU + ' +
      'memory; 1000 W used as the upper bound (no GPU-only figure published)',
  },
  {
    id: 'nvidia-gh200-144gb',
    name: 'NVIDIA GH200 144GB HBM3e',
    aliases: [
      'NVIDIA GH200 144G HBM3e',
      'GH200 144G HBM3e',
      'GH200 144GB',
      'GH200 Grace Hopper Superchip 144GB',
    ],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2024,
    // Same module limit as the 96 GB part: it covers CPU, GPU and memory, not the GPU alone.
    tdp_w: 1000,
    memory_gb: 144,
    die_area_mm2: DIE_MM2.GH100,
    process_nm: 4,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GH100, memoryGb: 144 }),
    embodied_source: modelled(GH100_SRC, '144 GB HBM3e (Hopper GPU only; Grace CPU and LPDDR5X excluded)'),
    source:
      'NVIDIA GH200 Grace Hopper Superchip datasheet: module power configurable 450-1000 W for CPU + GPU + ' +
      'memory; 1000 W used as the upper bound (no GPU-only figure published)',
  },

  // ---------------------------------------------------------------- NVIDIA Blackwell (2024-2025)
  {
    id: 'nvidia-b200',
    name: 'NVIDIA B200',
    aliases: ['B200', 'B200 SXM', 'HGX B200 GPU'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2024,
    tdp_w: 1000,
    memory_gb: 180,
    die_area_mm2: DIE_MM2.B200_TWO_RETICLE_DIES,
    process_nm: 4,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.B200_TWO_RETICLE_DIES, memoryGb: 180 }),
    embodied_source: modelled(
      'an ASSUMED 1716 mm² (NVIDIA publishes no area, only "two reticle-limited dies": 2 × 858 mm² reticle ' +
        'field, an upper bound)',
      '180 GB HBM3e (NVIDIA HGX B200 specifications)',
    ),
    source: 'NVIDIA HGX B200 specifications: up to 1000 W per GPU',
  },
  {
    id: 'nvidia-geforce-rtx-5090',
    name: 'NVIDIA GeForce RTX 5090',
    aliases: ['GeForce RTX 5090', 'RTX 5090'],
    type: 'gpu',
    vendor: 'NVIDIA',
    year: 2025,
    tdp_w: 575,
    memory_gb: 32,
    die_area_mm2: DIE_MM2.GB202,
    process_nm: 4,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GB202, memoryGb: 32 }),
    embodied_source: modelled(GB202_SRC, '32 GB GDDR7'),
    source: 'NVIDIA GeForce RTX 5090 specifications: total graphics power 575 W',
  },

  // ---------------------------------------------------------------- AMD Instinct
  {
    id: 'amd-instinct-mi50-16gb',
    name: 'AMD Instinct MI50 16GB',
    aliases: ['Radeon Instinct MI50', 'AMD Radeon Instinct MI50', 'Instinct MI50', 'MI50'],
    type: 'gpu',
    vendor: 'AMD',
    year: 2018,
    tdp_w: 300,
    memory_gb: 16,
    die_area_mm2: DIE_MM2.VEGA20,
    process_nm: 7,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.VEGA20, memoryGb: 16 }),
    embodied_source: modelled(VEGA20_SRC, '16 GB HBM2'),
    source: 'AMD Radeon Instinct MI50 datasheet: TBP 300 W',
  },
  {
    id: 'amd-instinct-mi60',
    name: 'AMD Instinct MI60',
    aliases: ['Radeon Instinct MI60', 'AMD Radeon Instinct MI60', 'Instinct MI60', 'MI60'],
    type: 'gpu',
    vendor: 'AMD',
    year: 2018,
    tdp_w: 300,
    memory_gb: 32,
    die_area_mm2: DIE_MM2.VEGA20,
    process_nm: 7,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.VEGA20, memoryGb: 32 }),
    embodied_source: modelled(VEGA20_SRC, '32 GB HBM2'),
    source: 'AMD Radeon Instinct MI60 datasheet: TBP 300 W',
  },
  {
    id: 'amd-instinct-mi100',
    name: 'AMD Instinct MI100',
    aliases: ['Instinct MI100', 'MI100'],
    type: 'gpu',
    vendor: 'AMD',
    year: 2020,
    tdp_w: 300,
    memory_gb: 32,
    die_area_mm2: DIE_MM2.ARCTURUS,
    process_nm: 7,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.ARCTURUS, memoryGb: 32 }),
    embodied_source: modelled('Arcturus ~750 mm² (press-reported; AMD gives no area)', '32 GB HBM2'),
    source: 'AMD Instinct MI100 datasheet: TBP 300 W',
  },
  {
    id: 'amd-instinct-mi210',
    name: 'AMD Instinct MI210',
    aliases: ['Instinct MI210', 'MI210'],
    type: 'gpu',
    vendor: 'AMD',
    year: 2022,
    tdp_w: 300,
    memory_gb: 64,
    die_area_mm2: DIE_MM2.ALDEBARAN_GCD,
    process_nm: 6,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.ALDEBARAN_GCD, memoryGb: 64 }),
    embodied_source: modelled(`1 × ${ALDEBARAN_SRC}`, '64 GB HBM2e'),
    source: 'AMD Instinct MI210 datasheet: TBP 300 W',
  },
  {
    // One OAM module = two graphics compute dies. ROCm tools list each die as its own GPU with
    // 64 GB, so a measured run sees two devices per module: this row is per module.
    id: 'amd-instinct-mi250',
    name: 'AMD Instinct MI250',
    aliases: ['Instinct MI250', 'MI250'],
    type: 'gpu',
    vendor: 'AMD',
    year: 2021,
    tdp_w: 500,
    memory_gb: 128,
    die_area_mm2: 2 * DIE_MM2.ALDEBARAN_GCD,
    process_nm: 6,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: 2 * DIE_MM2.ALDEBARAN_GCD, memoryGb: 128 }),
    embodied_source: modelled(`2 × ${ALDEBARAN_SRC}`, '128 GB HBM2e'),
    source: 'AMD Instinct MI250 datasheet: TDP 500 W (560 W peak), per OAM module (two GCDs)',
  },
  {
    // Per OAM module (two GCDs), as for the MI250 above.
    id: 'amd-instinct-mi250x',
    name: 'AMD Instinct MI250X',
    aliases: ['Instinct MI250X', 'MI250X'],
    type: 'gpu',
    vendor: 'AMD',
    year: 2021,
    tdp_w: 500,
    memory_gb: 128,
    die_area_mm2: 2 * DIE_MM2.ALDEBARAN_GCD,
    process_nm: 6,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: 2 * DIE_MM2.ALDEBARAN_GCD, memoryGb: 128 }),
    embodied_source: modelled(`2 × ${ALDEBARAN_SRC}`, '128 GB HBM2e'),
    source: 'AMD Instinct MI250X datasheet: TDP 500 W (560 W peak), per OAM module (two GCDs)',
  },
  {
    // One OAM module = eight XCDs on four I/O dies. In the default (SPX) partition mode ROCm shows one
    // GPU per module; in CPX mode it shows each XCD as a GPU, and this per-module row does not fit.
    id: 'amd-instinct-mi300x',
    name: 'AMD Instinct MI300X',
    aliases: ['AMD Instinct MI300X OAM', 'Instinct MI300X', 'MI300X', 'MI300X OAM'],
    type: 'gpu',
    vendor: 'AMD',
    year: 2023,
    tdp_w: 750,
    memory_gb: 192,
    die_area_mm2: 8 * DIE_MM2.MI300_XCD_ESTIMATE,
    process_nm: 5,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: 8 * DIE_MM2.MI300_XCD_ESTIMATE, memoryGb: 192 }),
    embodied_source: modelled(MI300X_DIES_SRC, '192 GB HBM3 (AMD MI300X product page)'),
    source: 'AMD Instinct MI300X product page / datasheet: 750 W peak board power (OAM), 192 GB HBM3',
  },
  {
    // Same eight-XCD CDNA 3 package as the MI300X, with HBM3E; per OAM module as above.
    id: 'amd-instinct-mi325x',
    name: 'AMD Instinct MI325X',
    aliases: ['Instinct MI325X', 'MI325X'],
    type: 'gpu',
    vendor: 'AMD',
    year: 2024,
    tdp_w: 1000,
    memory_gb: 256,
    die_area_mm2: 8 * DIE_MM2.MI300_XCD_ESTIMATE,
    process_nm: 5,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: 8 * DIE_MM2.MI300_XCD_ESTIMATE, memoryGb: 256 }),
    embodied_source: modelled(
      `${MI300X_DIES_SRC}; the MI325X uses the MI300X's CDNA 3 dies`,
      '256 GB HBM3E (AMD MI325X product page)',
    ),
    source: 'AMD Instinct MI325X product page / datasheet: 1000 W peak board power (OAM), 256 GB HBM3E',
  },
  {
    // An APU: six XCDs and three Zen 4 CCDs share 128 GB of HBM3. The row is the whole package, CPU
    // included, so a spec with an MI300A should not list a separate host CPU for the same socket.
    id: 'amd-instinct-mi300a',
    name: 'AMD Instinct MI300A',
    aliases: ['AMD Instinct MI300A Accelerator', 'Instinct MI300A', 'MI300A'],
    type: 'gpu',
    vendor: 'AMD',
    year: 2023,
    // Package TDP: covers the CPU cores, the GPU and the HBM, not the GPU alone.
    tdp_w: 550,
    memory_gb: 128,
    die_area_mm2: 6 * DIE_MM2.MI300_XCD_ESTIMATE + 3 * DIE_MM2.ZEN4_CCD,
    process_nm: 5,
    embodied_kgco2e: chipEmbodiedKg({
      dieAreaMm2: 6 * DIE_MM2.MI300_XCD_ESTIMATE + 3 * DIE_MM2.ZEN4_CCD,
      memoryGb: 128,
    }),
    embodied_source: modelled(
      'estimate: 6 × ~110 mm² XCD + 3 × 72 mm² Zen 4 CCD = 876 mm² (AMD publishes no XCD area; ~110 mm² ' +
        "per compute die is the pre-launch press report, TechPowerUp / VideoCardz April 2022 citing Moore's " +
        'Law is Dead; the CCD is the 72 mm² Zen 4 CCD of the EPYC Genoa rows, AMD package drawing via ' +
        'VideoCardz / Hardwareluxx; the four 6 nm I/O dies are not counted)',
      '128 GB HBM3, shared by CPU and GPU (AMD MI300A product page)',
    ),
    source:
      'AMD Instinct MI300A product page / datasheet: TDP 550 W for the whole APU (24 Zen 4 cores + CDNA 3 ' +
      'GPU + 128 GB HBM3)',
  },

  // ---------------------------------------------------------------- Intel
  {
    id: 'intel-data-center-gpu-max-1550',
    name: 'Intel Data Center GPU Max 1550',
    aliases: ['Intel Max 1550', 'Data Center GPU Max 1550', 'GPU Max 1550', 'Max 1550', 'Ponte Vecchio 1550'],
    type: 'gpu',
    vendor: 'Intel',
    year: 2023,
    tdp_w: 600,
    memory_gb: 128,
    die_area_mm2: DIE_MM2.PONTE_VECCHIO_COMPUTE_TILES,
    process_nm: 5,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.PONTE_VECCHIO_COMPUTE_TILES, memoryGb: 128 }),
    embodied_source: modelled(
      '16 compute tiles × 41 mm² = 656 mm² (Intel, Hot Chips 33, 2021; the 2 × 640 mm² base tiles and the ' +
        'Xe Link tiles are excluded, so this under-states the silicon)',
      '128 GB HBM2e',
    ),
    source: 'Intel Data Center GPU Max 1550 product specifications: TBP 600 W (OAM)',
  },
  {
    id: 'intel-gaudi-2',
    name: 'Intel Gaudi 2',
    aliases: ['Intel Gaudi2', 'Habana Gaudi2', 'Habana Gaudi 2', 'Gaudi 2', 'Gaudi2', 'HL-225H'],
    type: 'accelerator',
    vendor: 'Intel',
    year: 2022,
    tdp_w: 600,
    memory_gb: 96,
    die_area_mm2: DIE_MM2.GAUDI2_UPPER_BOUND,
    process_nm: 7,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GAUDI2_UPPER_BOUND, memoryGb: 96 }),
    embodied_source: modelled(
      'estimate: ≤ 858 mm² (Intel publishes no die area; one TSMC 7 nm die bounded by the 26 × 33 mm ' +
        'reticle field, an upper bound)',
      '96 GB HBM2e (Habana Gaudi2 white paper)',
    ),
    source:
      'Habana Gaudi2 white paper / Intel Gaudi 2 specifications: TDP 600 W (HL-225H OAM mezzanine card)',
  },
  {
    // The OAM module (air-cooled HL-325L). Other Gaudi 3 form factors have other power limits.
    id: 'intel-gaudi-3',
    name: 'Intel Gaudi 3',
    aliases: ['Intel Gaudi 3 AI Accelerator', 'Intel Gaudi3', 'Gaudi 3', 'Gaudi3', 'HL-325L'],
    type: 'accelerator',
    vendor: 'Intel',
    year: 2024,
    tdp_w: 900,
    memory_gb: 128,
    die_area_mm2: DIE_MM2.GAUDI3_UPPER_BOUND,
    process_nm: 5,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.GAUDI3_UPPER_BOUND, memoryGb: 128 }),
    embodied_source: modelled(
      'estimate: ≤ 1716 mm² (Intel publishes no die area; two TSMC 5 nm compute dies, each bounded by the ' +
        '26 × 33 mm reticle field, an upper bound)',
      '128 GB HBM2e (Intel Gaudi 3 white paper)',
    ),
    source: 'Intel Gaudi 3 AI accelerator white paper / specifications: TDP 900 W (HL-325L OAM, air-cooled)',
  },

  // ---------------------------------------------------------------- Google TPU (one row per chip)
  {
    id: 'google-tpu-v2',
    name: 'Google TPU v2',
    aliases: ['TPU v2', 'TPUv2', 'Cloud TPU v2'],
    type: 'accelerator',
    vendor: 'Google',
    year: 2017,
    // Chip TDP, not the "system TDP" per chip (460 W) that adds host and memory-system share.
    tdp_w: 280,
    idle_w: 53,
    memory_gb: 16,
    die_area_mm2: DIE_MM2.TPU_V2,
    process_nm: 16,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.TPU_V2, memoryGb: 16 }),
    embodied_source: modelled(
      'TPUv2 die < 611 mm² (Jouppi et al., CACM 2020; upper bound used)',
      '16 GiB HBM',
    ),
    source:
      'Jouppi et al., "A Domain-Specific Supercomputer for Training Deep Neural Networks", CACM 63(7) 2020, ' +
      'Table 3: chip TDP 280 W, idle 53 W',
  },
  {
    id: 'google-tpu-v3',
    name: 'Google TPU v3',
    aliases: ['TPU v3', 'TPUv3', 'Cloud TPU v3'],
    type: 'accelerator',
    vendor: 'Google',
    year: 2018,
    // Chip TDP, not the "system TDP" per chip (660 W) that adds host and memory-system share.
    tdp_w: 450,
    idle_w: 84,
    memory_gb: 32,
    die_area_mm2: DIE_MM2.TPU_V3,
    process_nm: 16,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.TPU_V3, memoryGb: 32 }),
    embodied_source: modelled(
      'TPUv3 die < 648 mm² (Jouppi et al., CACM 2020; upper bound used)',
      '32 GiB HBM',
    ),
    source:
      'Jouppi et al., "A Domain-Specific Supercomputer for Training Deep Neural Networks", CACM 63(7) 2020, ' +
      'Table 3: chip TDP 450 W, idle 84 W',
  },
  {
    id: 'google-tpu-v4',
    name: 'Google TPU v4',
    aliases: ['TPU v4', 'TPUv4', 'Cloud TPU v4'],
    type: 'accelerator',
    vendor: 'Google',
    year: 2020,
    // Google publishes measured min/mean/max per chip, not a TDP: the maximum stands in for it.
    // The 90 W figure is labelled a measured minimum, not idle power, so idle_w stays empty.
    tdp_w: 192,
    memory_gb: 32,
    die_area_mm2: DIE_MM2.TPU_V4,
    process_nm: 7,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.TPU_V4, memoryGb: 32 }),
    embodied_source: modelled(
      'TPU v4 die < 780 mm² (Jouppi et al., ISCA 2023; upper bound used)',
      '32 GiB HBM2',
    ),
    source:
      'Google Cloud documentation "TPU v4": measured min/mean/max power 90/170/192 W per chip; max used ' +
      '(also Jouppi et al., ISCA 2023)',
  },
  {
    id: 'google-tpu-v5e',
    name: 'Google TPU v5e',
    // `TPU v5 lite` is the device_kind JAX reports for a v5e chip.
    aliases: ['TPU v5e', 'TPUv5e', 'Cloud TPU v5e', 'TPU v5 lite'],
    type: 'accelerator',
    vendor: 'Google',
    year: 2023,
    tdp_w: tpuPowerEstimateW(197),
    memory_gb: 16,
    die_area_mm2: DIE_MM2.TPU_V5_V6_UPPER_BOUND,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.TPU_V5_V6_UPPER_BOUND, memoryGb: 16 }),
    embodied_source: modelled(TPU_DIE_SRC, '16 GB HBM2 (Google Cloud "TPU v5e" documentation)'),
    source:
      'estimate: Google publishes no per-chip power for TPU v5e. 138 W = 197 peak bf16 TFLOPs (Google Cloud ' +
      '"TPU v5e" documentation) × 192 W / 275 TFLOPs, the measured maximum power per peak TFLOP of TPU v4 ' +
      '(Google Cloud "TPU v4" documentation); assumes v4\'s energy per FLOP, so likely high for a newer chip',
  },
  {
    id: 'google-tpu-v5p',
    name: 'Google TPU v5p',
    // `TPU v5` is the device_kind JAX reports for a v5p chip.
    aliases: ['TPU v5p', 'TPUv5p', 'Cloud TPU v5p', 'TPU v5'],
    type: 'accelerator',
    vendor: 'Google',
    year: 2023,
    tdp_w: tpuPowerEstimateW(459),
    memory_gb: 95,
    die_area_mm2: DIE_MM2.TPU_V5_V6_UPPER_BOUND,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.TPU_V5_V6_UPPER_BOUND, memoryGb: 95 }),
    embodied_source: modelled(TPU_DIE_SRC, '95 GB HBM2e (Google Cloud "TPU v5p" documentation)'),
    source:
      'estimate: Google publishes no per-chip power for TPU v5p. 320 W = 459 peak bf16 TFLOPs (Google Cloud ' +
      '"TPU v5p" documentation) × 192 W / 275 TFLOPs, the measured maximum power per peak TFLOP of TPU v4 ' +
      '(Google Cloud "TPU v4" documentation); assumes v4\'s energy per FLOP, so likely high for a newer chip',
  },
  {
    id: 'google-tpu-v6e',
    name: 'Google TPU v6e',
    // `TPU v6 lite` is the device_kind JAX reports for a v6e (Trillium) chip.
    aliases: ['Google TPU v6e Trillium', 'TPU v6e', 'TPUv6e', 'Cloud TPU v6e', 'Trillium', 'TPU v6 lite'],
    type: 'accelerator',
    vendor: 'Google',
    year: 2024,
    tdp_w: tpuPowerEstimateW(918, TRILLIUM_EFFICIENCY_VS_V5E),
    memory_gb: 32,
    die_area_mm2: DIE_MM2.TPU_V5_V6_UPPER_BOUND,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: DIE_MM2.TPU_V5_V6_UPPER_BOUND, memoryGb: 32 }),
    embodied_source: modelled(TPU_DIE_SRC, '32 GB HBM (Google Cloud "TPU v6e" documentation)'),
    source:
      'estimate: Google publishes no per-chip power for TPU v6e (Trillium). 384 W = 918 peak bf16 TFLOPs ' +
      '(Google Cloud "TPU v6e" documentation) × 192 W / 275 TFLOPs (TPU v4 measured maximum per peak TFLOP, ' +
      'as for the v5e row) ÷ 1.67, Google\'s "over 67% more energy-efficient than TPU v5e" (Google Cloud ' +
      "blog, May 2024); inherits the v5e row's assumption",
  },
];
