/**
 * The shape of a life-cycle report: what `footprint report` computes once and every format (text,
 * JSON, Markdown, CSV, HTML), the statement and the model card render. Totals are sums of rows.
 */
import type { Phase } from '../core/job.js';
import type { Uncertainty } from '../core/monte-carlo.js';
import type { Totals } from '../core/price.js';
import type { Provenance } from '../core/provenance.js';

export const GROUP_BYS = ['phase', 'model', 'device', 'month'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface ReportFilters {
  readonly project?: string;
  readonly model?: string;
  /** Inclusive, epoch ms. */
  readonly sinceMs?: number;
  /** Exclusive, epoch ms. */
  readonly untilMs?: number;
}

/** One group of the report: a phase, a model, a device type/model or a month. */
export interface ReportRow extends Totals {
  readonly key: string;
  /** Runs and entries that contributed. */
  readonly items: number;
  /** Share of the report's total carbon, [0, 1]. */
  readonly share: number;
}

export interface HardwareUse {
  /** `NVIDIA A100 SXM4 80GB`, `DRAM 64 GB`, `server chassis`. */
  readonly label: string;
  readonly kind: string;
  readonly count: number;
  readonly deviceHours: number;
}

/** A run or an entry, priced. */
export interface ReportItem extends Totals {
  readonly kind: 'run' | 'entry';
  readonly id: string;
  /** The run or entry the item comes from: a run split by phase is several items of one source. */
  readonly sourceId: string;
  readonly label: string;
  readonly project: string;
  readonly model?: string;
  readonly phase: Phase;
  readonly trainingType?: 'offline' | 'online';
  readonly startMs: number;
  readonly durationHours?: number;
  /** How its energy is known: every device measured, some modelled, or declared (entries). */
  readonly basis: 'measured' | 'modelled' | 'declared';
  readonly hardware: readonly HardwareUse[];
  /** Where it ran, in words: `zone FR`, `gcp:us-central1 (zone US-MIDW-MISO)`, `world average`. */
  readonly location: string;
  /** The intensity it was priced at (most likely), and its source. */
  readonly intensityGco2ePerKwh: number;
  readonly intensitySource: string;
  readonly pue: number;
  readonly predictions?: number;
}

/** A published split to set beside the measured one. */
export interface PaperSplit {
  readonly name: string;
  readonly source: string;
  /** What is split: `capacity` or `energy`. */
  readonly basis: string;
  /** Share per part; keys are phases or joined phases (`experimentation+training`). */
  readonly shares: Readonly<Record<string, number>>;
}

export interface PowerSeries {
  readonly id: string;
  readonly label: string;
  /** Mean power of the run's devices over each sampling interval (whole devices, W). */
  readonly points: readonly { readonly tMs: number; readonly watts: number }[];
}

export interface LifecycleReport {
  readonly title: string;
  readonly generatedMs: number;
  readonly filters: ReportFilters;
  readonly groupBy: GroupBy;
  readonly rows: readonly ReportRow[];
  readonly total: Totals;
  readonly uncertainty: Uncertainty;
  readonly byPhase: Readonly<Record<Phase, Totals>>;
  /** Share of total carbon by phase, [0, 1]. */
  readonly phaseShares: Readonly<Record<Phase, number>>;
  /** Share of total energy by phase, [0, 1] (the paper's RM1 split is an energy split). */
  readonly phaseEnergyShares: Readonly<Record<Phase, number>>;
  readonly paperSplits: readonly PaperSplit[];
  /** Inference per 1,000 predictions, when predictions were recorded. */
  readonly inference?: {
    readonly predictions: number;
    readonly kwhPer1000: number;
    readonly gco2ePer1000: number;
  };
  /** Runs whose power was modelled rather than measured, for at least one device. */
  readonly modelled: readonly {
    readonly id: string;
    readonly label: string;
    readonly devices: readonly string[];
  }[];
  readonly items: readonly ReportItem[];
  /** Distinct defaults used across the items (field, value, source). */
  readonly defaults: readonly Provenance[];
  /** Per-run power over time, for charts (filled when asked for: the HTML report). */
  readonly power?: readonly PowerSeries[];
}
