/**
 * Builds a life-cycle report from priced runs and entries: rows by phase, model, device or month,
 * totals that are the sum of their rows, phase shares beside the paper's splits, inference per
 * 1,000 predictions, the runs whose power was modelled, the defaults used, and the uncertainty of
 * the total (all items drawn together).
 */
import { type Job, PHASES, type Phase } from '../core/job.js';
import { simulateJobs } from '../core/monte-carlo.js';
import { poolJobs } from '../core/pool.js';
import { type PricedJob, sumTotals, type Totals } from '../core/price.js';
import type { Provenance } from '../core/provenance.js';
import { PAPER_SPLITS } from '../data/paper-splits.js';
import type {
  GroupBy,
  LifecycleReport,
  PowerSeries,
  ReportFilters,
  ReportItem,
  ReportRow,
} from './report-model.js';

export interface PricedItem {
  readonly item: ReportItem;
  readonly job: Job;
  readonly priced: PricedJob;
  /** Names of devices whose power was modelled (runs only). */
  readonly modelledDevices: readonly string[];
}

export interface ReportInput {
  readonly title: string;
  readonly generatedMs: number;
  readonly filters: ReportFilters;
  readonly groupBy: GroupBy;
  readonly items: readonly PricedItem[];
  readonly power?: readonly PowerSeries[];
  readonly seed?: number;
}

/** Enough draws for stable p5/p95 without making a report over thousands of runs slow. */
export const reportDraws = (groups: number): number =>
  Math.max(200, Math.min(10_000, Math.floor(2_000_000 / Math.max(1, groups))));

const monthOf = (ms: number): string => new Date(ms).toISOString().slice(0, 7);

function rowsOf(items: readonly PricedItem[], groupBy: GroupBy): ReportRow[] {
  const groups = new Map<string, { parts: Totals[]; items: Set<string> }>();
  const add = (key: string, part: Totals, id: string) => {
    const g = groups.get(key) ?? { parts: [], items: new Set<string>() };
    g.parts.push(part);
    g.items.add(id);
    groups.set(key, g);
  };
  for (const { item, priced } of items) {
    if (groupBy === 'device') {
      for (const g of priced.groups) add(`${g.kind}: ${g.model ?? g.label}`, g, item.id);
    } else {
      const key =
        groupBy === 'phase'
          ? item.phase
          : groupBy === 'model'
            ? (item.model ?? '(no model)')
            : monthOf(item.startMs);
      add(key, item, item.id);
    }
  }
  const rows = [...groups].map(([key, g]) => ({ key, items: g.items.size, ...sumTotals(g.parts) }));
  const total = rows.reduce((s, r) => s + r.totalGco2e, 0);
  const order = (key: string) => (groupBy === 'phase' ? PHASES.indexOf(key as Phase) : 0);
  return rows
    .map((r) => ({ ...r, share: total > 0 ? r.totalGco2e / total : 0 }))
    .sort(
      (a, b) =>
        order(a.key) - order(b.key) ||
        (groupBy === 'month' ? a.key.localeCompare(b.key) : b.totalGco2e - a.totalGco2e),
    );
}

function distinctDefaults(jobs: readonly Job[]): Provenance[] {
  const seen = new Map<string, Provenance>();
  const visited = new Set<Provenance>(); // jobs at one site share their entries: look at each once
  for (const job of jobs) {
    for (const p of job.provenance) {
      if (p.kind !== 'default' || visited.has(p)) continue;
      visited.add(p);
      const key = `${p.field.replace(/^device \S+/, 'device')}|${p.value}|${p.source}`;
      if (!seen.has(key)) seen.set(key, p);
    }
  }
  return [...seen.values()];
}

export function buildReport(input: ReportInput): LifecycleReport {
  const { items } = input;
  const rows = rowsOf(items, input.groupBy);
  const total = sumTotals(rows);
  const byPhase = Object.fromEntries(
    PHASES.map((phase) => [phase, sumTotals(items.filter((i) => i.item.phase === phase).map((i) => i.item))]),
  ) as Record<Phase, Totals>;
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  const phaseShares = Object.fromEntries(
    PHASES.map((p) => [p, share(byPhase[p].totalGco2e, total.totalGco2e)]),
  ) as Record<Phase, number>;
  const phaseEnergyShares = Object.fromEntries(
    PHASES.map((p) => [p, share(byPhase[p].energyKwh, total.energyKwh)]),
  ) as Record<Phase, number>;
  const predictions = items
    .filter((i) => i.item.phase === 'inference')
    .reduce((s, i) => s + (i.item.predictions ?? 0), 0);
  const jobs = items.map((i) => i.job);
  const pooled = poolJobs(jobs);
  const groups = pooled.reduce((s, j) => s + j.groups.length, 0);
  const uncertainty = simulateJobs(pooled, { draws: reportDraws(groups), seed: input.seed ?? 1 });
  return {
    title: input.title,
    generatedMs: input.generatedMs,
    filters: input.filters,
    groupBy: input.groupBy,
    rows,
    total,
    uncertainty,
    byPhase,
    phaseShares,
    phaseEnergyShares,
    paperSplits: PAPER_SPLITS,
    ...(predictions > 0
      ? {
          inference: {
            predictions,
            kwhPer1000: (byPhase.inference.energyKwh / predictions) * 1000,
            gco2ePer1000: (byPhase.inference.totalGco2e / predictions) * 1000,
          },
        }
      : {}),
    modelled: items
      .filter((i) => i.modelledDevices.length > 0)
      .map((i) => ({ id: i.item.id, label: i.item.label, devices: i.modelledDevices })),
    items: items.map((i) => i.item),
    defaults: distinctDefaults(jobs),
    ...(input.power ? { power: input.power } : {}),
  };
}
