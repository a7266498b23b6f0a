/**
 * Server CPUs common in clouds and clusters, one row per package (socket). TDP, cores and threads
 * come from the vendor's spec sheet (Intel ARK, AMD product pages). The embodied footprint comes from
 * the die-area method (./embodied-method.ts) applied to the published silicon area of each package;
 * the die figures and their sources are the `Silicon` constants below, shared by every SKU built on
 * the same dies. No idle power: vendors publish none per CPU (SPECpower idle is per whole server).
 */
import { chipEmbodiedKg } from './embodied-method.js';
import type { ChipRowInput } from './schema.js';

/** The silicon in one package: total area of all its dies, the node of the compute dies, and why. */
interface Silicon {
  readonly areaMm2: number;
  readonly processNm: number;
  /** What the area is made of and where each figure was published. */
  readonly basis: string;
  /** On-package memory (HBM), GB. */
  readonly memoryGb?: number;
}

/** Rounds composed areas so that 8 × 72.7 reads as 581.6, not 581.6000000000001, in the source text. */
const mm2 = (x: number): number => Math.round(x * 100) / 100;

const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/\+/g, '-plus')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

interface Sku {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly vendor: 'Intel' | 'AMD';
  readonly year: number;
  readonly tdpW: number;
  readonly cores: number;
  readonly threads: number;
  readonly source: string;
}

function row(sku: Sku, silicon: Silicon): ChipRowInput {
  const memory = silicon.memoryGb === undefined ? {} : { memory_gb: silicon.memoryGb };
  const memoryNote = silicon.memoryGb === undefined ? '' : ` + ${silicon.memoryGb} GB on-package HBM`;
  return {
    id: slug(sku.name),
    name: sku.name,
    aliases: [...sku.aliases],
    type: 'cpu',
    vendor: sku.vendor,
    year: sku.year,
    tdp_w: sku.tdpW,
    cores: sku.cores,
    threads: sku.threads,
    ...memory,
    die_area_mm2: silicon.areaMm2,
    process_nm: silicon.processNm,
    embodied_kgco2e: chipEmbodiedKg({ dieAreaMm2: silicon.areaMm2, memoryGb: silicon.memoryGb ?? 0 }),
    embodied_source: `die-area method (Boavizta CPU model, UBA 2021 factors) on ${silicon.areaMm2} mm²${memoryNote}: ${silicon.basis}`,
    source: sku.source,
  };
}

/** Spec-sheet figures of one SKU; threads default to two per core (Hyper-Threading / SMT). */
interface Spec {
  readonly year: number;
  readonly tdpW: number;
  readonly cores: number;
  readonly threads?: number;
}

/** Xeon Scalable / Xeon Max / Xeon 6: `line` is Platinum, Gold, Silver, Max, or '' for Xeon 6. */
function xeon(line: string, model: string, spec: Spec, silicon: Silicon): ChipRowInput {
  const short = line === '' ? `Xeon ${model}` : `Xeon ${line} ${model}`;
  return row(
    {
      name: `Intel ${short}`,
      aliases: [short, model],
      vendor: 'Intel',
      year: spec.year,
      tdpW: spec.tdpW,
      cores: spec.cores,
      threads: spec.threads ?? spec.cores * 2,
      source: `Intel ARK, Intel ${short} Processor product specifications (TDP, cores, threads)`,
    },
    silicon,
  );
}

/** Xeon E5 v4: `model` is the number without the generation, e.g. '2699'. */
function xeonE5v4(model: string, spec: Spec, silicon: Silicon): ChipRowInput {
  return row(
    {
      name: `Intel Xeon E5-${model} v4`,
      aliases: [`Xeon E5-${model} v4`, `E5-${model} v4`, `E5-${model}v4`],
      vendor: 'Intel',
      year: spec.year,
      tdpW: spec.tdpW,
      cores: spec.cores,
      threads: spec.threads ?? spec.cores * 2,
      source: `Intel ARK, Intel Xeon Processor E5-${model} v4 product specifications (TDP, cores, threads)`,
    },
    silicon,
  );
}

function epyc(model: string, spec: Spec, silicon: Silicon): ChipRowInput {
  return row(
    {
      name: `AMD EPYC ${model}`,
      aliases: [`EPYC ${model}`, model],
      vendor: 'AMD',
      year: spec.year,
      tdpW: spec.tdpW,
      cores: spec.cores,
      threads: spec.threads ?? spec.cores * 2,
      source: `AMD product page, AMD EPYC ${model} specifications (default TDP, cores, threads)`,
    },
    silicon,
  );
}

// ---- Intel dies ---------------------------------------------------------------------------------
// Intel publishes no die areas for these parts; the figures are die-shot measurements. Where one core
// count could ship on two dies, the smallest die that holds that many cores is assumed (said in basis).

const BDW_LCC: Silicon = {
  areaMm2: 246,
  processNm: 14,
  basis: 'Broadwell-EP LCC die (up to 10 cores) ≈246 mm² (WikiChip); die assumed from the core count',
};
const BDW_MCC: Silicon = {
  areaMm2: 306,
  processNm: 14,
  basis: 'Broadwell-EP MCC die (12-15 cores) ≈306 mm² (AnandTech, "The Intel Xeon E5 v4 Review")',
};
const BDW_HCC: Silicon = {
  areaMm2: 456,
  processNm: 14,
  basis:
    "Broadwell-EP HCC die (16-24 cores) 18.1 × 25.2 mm ≈456 mm² (Tom's Hardware, Xeon E5-2600 v4 review)",
};

const SKX_LCC: Silicon = {
  areaMm2: 325,
  processNm: 14,
  basis:
    'Skylake-SP LCC die (up to 10 cores) ≈325 mm² (WikiChip, die-shot estimate); die assumed from the core count',
};
const SKX_HCC: Silicon = {
  areaMm2: 485,
  processNm: 14,
  basis:
    'Skylake-SP HCC die (12-18 cores) ≈485 mm² (WikiChip, die-shot estimate); die assumed from the core count',
};
const SKX_XCC: Silicon = {
  areaMm2: 694,
  processNm: 14,
  basis: 'Skylake-SP XCC die (20-28 cores) ≈694 mm² (WikiChip, die-shot estimate)',
};

// Cascade Lake-SP is a stepping of the same three Skylake-SP dies.
const CLX_LCC: Silicon = { ...SKX_LCC, basis: `Cascade Lake-SP reuses the ${SKX_LCC.basis}` };
const CLX_HCC: Silicon = { ...SKX_HCC, basis: `Cascade Lake-SP reuses the ${SKX_HCC.basis}` };
const CLX_XCC: Silicon = { ...SKX_XCC, basis: `Cascade Lake-SP reuses the ${SKX_XCC.basis}` };
const CLX_AP: Silicon = {
  areaMm2: mm2(2 * SKX_XCC.areaMm2),
  processNm: 14,
  basis:
    'Cascade Lake-AP: two Cascade Lake XCC dies of ≈694 mm² each (Intel: two dies per package; WikiChip die area)',
};

const ICX_XCC: Silicon = {
  areaMm2: 660,
  processNm: 10,
  basis:
    'Ice Lake-SP XCC die (up to 40 cores) ≈660 mm² (AnandTech, Ice Lake-SP review; other estimates ≈628 mm²); all SKUs here have more cores than the HCC die holds',
};

const SPR_XCC: Silicon = {
  areaMm2: mm2(4 * 393.88),
  processNm: 10,
  basis:
    'Sapphire Rapids XCC: four tiles of 393.88 mm² incl. scribe (SemiAnalysis 2023; Intel Hot Chips 33: ≈400 mm² each), Intel 7; EMIB bridges not counted',
};
const SPR_MAX: Silicon = {
  areaMm2: mm2(4 * 393.88),
  processNm: 10,
  memoryGb: 64,
  basis:
    'Xeon Max (Sapphire Rapids with HBM): four XCC-size tiles, ≈393.88 mm² each assumed (SemiAnalysis 2023 for the standard tile), plus four 16 GB HBM2e stacks (Intel)',
};
const EMR_XCC: Silicon = {
  areaMm2: mm2(2 * 763.03),
  processNm: 10,
  basis: 'Emerald Rapids XCC: two dies of 763.03 mm² incl. scribe (SemiAnalysis 2023), Intel 7',
};
const GNR_6900P: Silicon = {
  areaMm2: mm2(3 * 598 + 2 * 241),
  processNm: 3,
  basis:
    "Granite Rapids Xeon 6900P: three compute dies ≈598 mm² (Intel 3) + two I/O dies ≈241 mm² (Intel 7), estimates from Intel package images (Tom's Hardware, diit.cz)",
};

// ---- AMD dies -----------------------------------------------------------------------------------
// EPYC packages are chiplets: the CCD count of a SKU follows from its L3 size (32 MB of L3 per CCD,
// AMD spec sheets), except where noted.

const NAPLES: Silicon = {
  areaMm2: mm2(4 * 213),
  processNm: 14,
  basis: 'Naples: four Zeppelin dies of 213 mm² (AMD, ISSCC 2018 "Zeppelin"), all SKUs carry four dies',
};

const rome = (ccds: number): Silicon => ({
  areaMm2: mm2(ccds * 74 + 416),
  processNm: 7,
  basis: `Rome: ${ccds} × 74 mm² Zen 2 CCD (7 nm) + 416 mm² I/O die (14 nm) (AMD, via Hardwareluxx); CCD count from L3 size`,
});

const milan = (ccds: number): Silicon => ({
  areaMm2: mm2(ccds * 81 + 416),
  processNm: 7,
  basis: `Milan: ${ccds} × 81 mm² Zen 3 CCD (7 nm) + 416 mm² I/O die (14 nm) (AMD, via Hardwareluxx); CCD count from L3 size`,
});

const MILAN_X: Silicon = {
  areaMm2: mm2(8 * 81 + 416 + 8 * 41),
  processNm: 7,
  basis:
    'Milan-X: 8 × 81 mm² Zen 3 CCD + 416 mm² I/O die (AMD, via Hardwareluxx) + 8 × 41 mm² 3D V-Cache SRAM dies (AMD, ISSCC 2022)',
};

const genoa = (ccds: number): Silicon => ({
  areaMm2: mm2(ccds * 72 + 397),
  processNm: 5,
  basis: `Genoa: ${ccds} × 72 mm² Zen 4 CCD (5 nm) + 397 mm² I/O die (6 nm) (AMD package drawing, via VideoCardz/Hardwareluxx); CCD count from L3 size`,
});

const BERGAMO: Silicon = {
  areaMm2: mm2(8 * 72.7 + 397),
  processNm: 5,
  basis: 'Bergamo: 8 × 72.7 mm² Zen 4c CCD (5 nm, SemiAnalysis 2023) + 397 mm² Genoa I/O die (6 nm)',
};

const turin = (ccds: number): Silicon => ({
  areaMm2: mm2(ccds * 70.6 + 397),
  processNm: 4,
  basis: `Turin: ${ccds} × 70.6 mm² Zen 5 CCD (N4P, AMD via Hardwareluxx) + I/O die; Turin's I/O die area is unpublished, Genoa's 397 mm² used as a stand-in; CCD count from L3 size`,
});

const turinDense = (ccds: number): Silicon => ({
  areaMm2: mm2(ccds * 84.5 + 397),
  processNm: 3,
  basis: `Turin Dense: ${ccds} × 84.5 mm² Zen 5c CCD (N3E; 5.7 × 14.83 mm from die shots, HXL 2025) + I/O die; Turin's I/O die area is unpublished, Genoa's 397 mm² used as a stand-in; CCD count from L3 size`,
});

export const CPUS: readonly ChipRowInput[] = [
  // Broadwell-EP, Xeon E5-2600 v4 (2016)
  xeonE5v4('2699', { year: 2016, tdpW: 145, cores: 22 }, BDW_HCC),
  xeonE5v4('2698', { year: 2016, tdpW: 135, cores: 20 }, BDW_HCC),
  xeonE5v4('2697', { year: 2016, tdpW: 145, cores: 18 }, BDW_HCC),
  xeonE5v4('2695', { year: 2016, tdpW: 120, cores: 18 }, BDW_HCC),
  xeonE5v4('2683', { year: 2016, tdpW: 120, cores: 16 }, BDW_HCC),
  xeonE5v4('2690', { year: 2016, tdpW: 135, cores: 14 }, BDW_MCC),
  xeonE5v4('2680', { year: 2016, tdpW: 120, cores: 14 }, BDW_MCC),
  xeonE5v4('2660', { year: 2016, tdpW: 105, cores: 14 }, BDW_MCC),
  xeonE5v4('2650', { year: 2016, tdpW: 105, cores: 12 }, BDW_MCC),
  xeonE5v4('2630', { year: 2016, tdpW: 85, cores: 10 }, BDW_LCC),
  xeonE5v4('2620', { year: 2016, tdpW: 85, cores: 8 }, BDW_LCC),

  // Skylake-SP, 1st gen Xeon Scalable (2017)
  xeon('Platinum', '8180', { year: 2017, tdpW: 205, cores: 28 }, SKX_XCC),
  xeon('Platinum', '8176', { year: 2017, tdpW: 165, cores: 28 }, SKX_XCC),
  xeon('Platinum', '8170', { year: 2017, tdpW: 165, cores: 26 }, SKX_XCC),
  xeon('Platinum', '8168', { year: 2017, tdpW: 205, cores: 24 }, SKX_XCC),
  xeon('Platinum', '8160', { year: 2017, tdpW: 150, cores: 24 }, SKX_XCC),
  xeon('Gold', '6148', { year: 2017, tdpW: 150, cores: 20 }, SKX_XCC),
  xeon('Gold', '6140', { year: 2017, tdpW: 140, cores: 18 }, SKX_HCC),
  xeon('Gold', '6130', { year: 2017, tdpW: 125, cores: 16 }, SKX_HCC),
  xeon('Gold', '6126', { year: 2017, tdpW: 125, cores: 12 }, SKX_HCC),
  xeon('Gold', '5118', { year: 2017, tdpW: 105, cores: 12 }, SKX_HCC),
  xeon('Silver', '4116', { year: 2017, tdpW: 85, cores: 12 }, SKX_HCC),
  xeon('Silver', '4114', { year: 2017, tdpW: 85, cores: 10 }, SKX_LCC),

  // Cascade Lake-SP, 2nd gen Xeon Scalable (2019; "R" refresh 2020)
  xeon('Platinum', '8280', { year: 2019, tdpW: 205, cores: 28 }, CLX_XCC),
  xeon('Platinum', '8276', { year: 2019, tdpW: 165, cores: 28 }, CLX_XCC),
  xeon('Platinum', '8270', { year: 2019, tdpW: 205, cores: 26 }, CLX_XCC),
  xeon('Platinum', '8268', { year: 2019, tdpW: 205, cores: 24 }, CLX_XCC),
  xeon('Platinum', '8260', { year: 2019, tdpW: 165, cores: 24 }, CLX_XCC),
  xeon('Platinum', '9282', { year: 2019, tdpW: 400, cores: 56 }, CLX_AP),
  xeon('Gold', '6258R', { year: 2020, tdpW: 205, cores: 28 }, CLX_XCC),
  xeon('Gold', '6248R', { year: 2020, tdpW: 205, cores: 24 }, CLX_XCC),
  xeon('Gold', '6252', { year: 2019, tdpW: 150, cores: 24 }, CLX_XCC),
  xeon('Gold', '6248', { year: 2019, tdpW: 150, cores: 20 }, CLX_XCC),
  xeon('Gold', '6230', { year: 2019, tdpW: 125, cores: 20 }, CLX_XCC),
  xeon('Gold', '6240', { year: 2019, tdpW: 150, cores: 18 }, CLX_HCC),
  xeon('Gold', '5220', { year: 2019, tdpW: 125, cores: 18 }, CLX_HCC),
  xeon('Gold', '5218', { year: 2019, tdpW: 125, cores: 16 }, CLX_HCC),
  xeon('Silver', '4214', { year: 2019, tdpW: 85, cores: 12 }, CLX_HCC),
  xeon('Silver', '4210', { year: 2019, tdpW: 85, cores: 10 }, CLX_LCC),

  // Ice Lake-SP, 3rd gen Xeon Scalable (2021)
  xeon('Platinum', '8380', { year: 2021, tdpW: 270, cores: 40 }, ICX_XCC),
  xeon('Platinum', '8368', { year: 2021, tdpW: 270, cores: 38 }, ICX_XCC),
  xeon('Platinum', '8360Y', { year: 2021, tdpW: 250, cores: 36 }, ICX_XCC),
  xeon('Platinum', '8362', { year: 2021, tdpW: 265, cores: 32 }, ICX_XCC),
  xeon('Platinum', '8358', { year: 2021, tdpW: 250, cores: 32 }, ICX_XCC),
  xeon('Platinum', '8352Y', { year: 2021, tdpW: 205, cores: 32 }, ICX_XCC),
  xeon('Gold', '6338', { year: 2021, tdpW: 205, cores: 32 }, ICX_XCC),

  // Sapphire Rapids, 4th gen Xeon Scalable and Xeon Max (2023): XCC SKUs only (more than 32 cores)
  xeon('Platinum', '8490H', { year: 2023, tdpW: 350, cores: 60 }, SPR_XCC),
  xeon('Platinum', '8480+', { year: 2023, tdpW: 350, cores: 56 }, SPR_XCC),
  xeon('Platinum', '8470', { year: 2023, tdpW: 350, cores: 52 }, SPR_XCC),
  xeon('Platinum', '8468', { year: 2023, tdpW: 350, cores: 48 }, SPR_XCC),
  xeon('Platinum', '8458P', { year: 2023, tdpW: 350, cores: 44 }, SPR_XCC),
  xeon('Platinum', '8460Y+', { year: 2023, tdpW: 300, cores: 40 }, SPR_XCC),
  xeon('Max', '9480', { year: 2023, tdpW: 350, cores: 56 }, SPR_MAX),
  xeon('Max', '9470', { year: 2023, tdpW: 350, cores: 52 }, SPR_MAX),

  // Emerald Rapids, 5th gen Xeon Scalable (2023): XCC SKUs only (more than 32 cores)
  xeon('Platinum', '8592+', { year: 2023, tdpW: 350, cores: 64 }, EMR_XCC),
  xeon('Platinum', '8580', { year: 2023, tdpW: 350, cores: 60 }, EMR_XCC),
  xeon('Platinum', '8570', { year: 2023, tdpW: 350, cores: 56 }, EMR_XCC),
  xeon('Platinum', '8568Y+', { year: 2023, tdpW: 350, cores: 48 }, EMR_XCC),
  xeon('Platinum', '8558', { year: 2023, tdpW: 330, cores: 48 }, EMR_XCC),

  // Granite Rapids, Xeon 6 6900P (2024)
  xeon('', '6980P', { year: 2024, tdpW: 500, cores: 128 }, GNR_6900P),
  xeon('', '6979P', { year: 2024, tdpW: 500, cores: 120 }, GNR_6900P),
  xeon('', '6972P', { year: 2024, tdpW: 500, cores: 96 }, GNR_6900P),
  xeon('', '6952P', { year: 2024, tdpW: 400, cores: 96 }, GNR_6900P),
  xeon('', '6960P', { year: 2024, tdpW: 500, cores: 72 }, GNR_6900P),

  // EPYC 7001 Naples (2017)
  epyc('7601', { year: 2017, tdpW: 180, cores: 32 }, NAPLES),
  epyc('7551', { year: 2017, tdpW: 180, cores: 32 }, NAPLES),
  epyc('7451', { year: 2017, tdpW: 180, cores: 24 }, NAPLES),
  epyc('7371', { year: 2018, tdpW: 200, cores: 16 }, NAPLES),
  epyc('7251', { year: 2017, tdpW: 120, cores: 8 }, NAPLES),

  // EPYC 7002 Rome (2019; 7662, 7532, 7Fx2 2020)
  epyc('7742', { year: 2019, tdpW: 225, cores: 64 }, rome(8)),
  epyc('7702', { year: 2019, tdpW: 200, cores: 64 }, rome(8)),
  epyc('7H12', { year: 2019, tdpW: 280, cores: 64 }, rome(8)),
  epyc('7662', { year: 2020, tdpW: 225, cores: 64 }, rome(8)),
  epyc('7642', { year: 2019, tdpW: 225, cores: 48 }, rome(8)),
  epyc('7552', { year: 2019, tdpW: 200, cores: 48 }, rome(6)),
  epyc('7542', { year: 2019, tdpW: 225, cores: 32 }, rome(4)),
  epyc('7532', { year: 2020, tdpW: 200, cores: 32 }, rome(8)),
  epyc('7502', { year: 2019, tdpW: 180, cores: 32 }, rome(4)),
  epyc('7452', { year: 2019, tdpW: 155, cores: 32 }, rome(4)),
  epyc('7402', { year: 2019, tdpW: 180, cores: 24 }, rome(4)),
  epyc('7352', { year: 2019, tdpW: 155, cores: 24 }, rome(4)),
  epyc('7302', { year: 2019, tdpW: 155, cores: 16 }, rome(4)),
  epyc('7262', { year: 2019, tdpW: 155, cores: 8 }, rome(4)),
  epyc('7F72', { year: 2020, tdpW: 240, cores: 24 }, rome(6)),
  epyc('7F52', { year: 2020, tdpW: 240, cores: 16 }, rome(8)),

  // EPYC 7003 Milan (2021) and Milan-X (2022)
  epyc('7763', { year: 2021, tdpW: 280, cores: 64 }, milan(8)),
  epyc('7713', { year: 2021, tdpW: 225, cores: 64 }, milan(8)),
  epyc('7663', { year: 2021, tdpW: 240, cores: 56 }, milan(8)),
  epyc('7643', { year: 2021, tdpW: 225, cores: 48 }, milan(8)),
  epyc('7543', { year: 2021, tdpW: 225, cores: 32 }, milan(8)),
  epyc('75F3', { year: 2021, tdpW: 280, cores: 32 }, milan(8)),
  epyc('7513', { year: 2021, tdpW: 200, cores: 32 }, milan(4)),
  epyc('74F3', { year: 2021, tdpW: 240, cores: 24 }, milan(8)),
  epyc('7443', { year: 2021, tdpW: 200, cores: 24 }, milan(4)),
  epyc('7413', { year: 2021, tdpW: 180, cores: 24 }, milan(4)),
  epyc('73F3', { year: 2021, tdpW: 240, cores: 16 }, milan(8)),
  epyc('7343', { year: 2021, tdpW: 190, cores: 16 }, milan(4)),
  epyc('7313', { year: 2021, tdpW: 155, cores: 16 }, milan(4)),
  epyc('7773X', { year: 2022, tdpW: 280, cores: 64 }, MILAN_X),

  // EPYC 9004 Genoa (2022) and Bergamo (2023)
  epyc('9654', { year: 2022, tdpW: 360, cores: 96 }, genoa(12)),
  epyc('9634', { year: 2022, tdpW: 290, cores: 84 }, genoa(12)),
  epyc('9554', { year: 2022, tdpW: 360, cores: 64 }, genoa(8)),
  epyc('9534', { year: 2022, tdpW: 280, cores: 64 }, genoa(8)),
  epyc('9474F', { year: 2022, tdpW: 360, cores: 48 }, genoa(8)),
  epyc('9454', { year: 2022, tdpW: 290, cores: 48 }, genoa(8)),
  epyc('9374F', { year: 2022, tdpW: 320, cores: 32 }, genoa(8)),
  epyc('9354', { year: 2022, tdpW: 280, cores: 32 }, genoa(8)),
  epyc('9334', { year: 2022, tdpW: 210, cores: 32 }, genoa(4)),
  epyc('9274F', { year: 2022, tdpW: 320, cores: 24 }, genoa(8)),
  epyc('9254', { year: 2022, tdpW: 200, cores: 24 }, genoa(4)),
  epyc('9754', { year: 2023, tdpW: 360, cores: 128 }, BERGAMO),
  epyc('9754S', { year: 2023, tdpW: 360, cores: 128, threads: 128 }, BERGAMO),
  epyc('9734', { year: 2023, tdpW: 340, cores: 112 }, BERGAMO),

  // EPYC 9005 Turin and Turin Dense (2024)
  epyc('9755', { year: 2024, tdpW: 500, cores: 128 }, turin(16)),
  epyc('9655', { year: 2024, tdpW: 400, cores: 96 }, turin(12)),
  epyc('9575F', { year: 2024, tdpW: 400, cores: 64 }, turin(8)),
  epyc('9555', { year: 2024, tdpW: 360, cores: 64 }, turin(8)),
  epyc('9965', { year: 2024, tdpW: 500, cores: 192 }, turinDense(12)),
  epyc('9845', { year: 2024, tdpW: 390, cores: 160 }, turinDense(10)),
];
