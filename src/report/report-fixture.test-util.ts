/**
 * A LifecycleReport built by hand for the renderers' tests: three phases with carbon (data,
 * training, inference; experimentation is empty), two runs with power series, one of them with
 * modelled power, two defaults, a declared inference entry with predictions, and a label that
 * tries to inject a script. Totals are sums of rows, as the report model promises.
 */
import { PHASES, type Phase } from '../core/job.js';
import { sumTotals, type Totals } from '../core/price.js';
import type { Quantiles } from '../core/uncertainty.js';
import type { GramsCo2e, Kwh } from '../core/units.js';
import type { LifecycleReport, PowerSeries, ReportItem, ReportRow } from './report-model.js';

export const HOSTILE_LABEL = '<script>alert(1)</script>';

const START_MS = Date.UTC(2024, 4, 6, 9, 0, 0);

/** Totals of `energyKwh` IT energy at PUE 1.2, 400 g/kWh, 30% carbon-free energy, plus embodied. */
export function totalsOf(energyKwh: number, embodiedG: number): Totals {
  const facility = energyKwh * 1.2;
  const location = facility * 400;
  const market = facility * 0.7 * 400;
  return {
    energyKwh: energyKwh as Kwh,
    facilityEnergyKwh: facility as Kwh,
    operationalGco2e: { location: location as GramsCo2e, market: market as GramsCo2e },
    embodiedGco2e: embodiedG as GramsCo2e,
    totalGco2e: (location + embodiedG) as GramsCo2e,
  };
}

const spread = (x: number, low = 0.85, high = 1.2): Quantiles => ({ p5: x * low, p50: x, p95: x * high });

/** A run's power: a warm-up ramp, a plateau with a periodic dip (evaluation), a cool-down. */
function powerSeries(id: string, label: string, hours: number, plateauW: number, stepS: number): PowerSeries {
  const points: { tMs: number; watts: number }[] = [];
  const n = Math.floor((hours * 3600) / stepS);
  for (let i = 0; i <= n; i++) {
    const t = i * stepS;
    const ramp = Math.min(1, t / 600);
    const dip = Math.floor(t / 1800) % 2 === 1 && t % 1800 < 240 ? 0.55 : 1;
    const cool = i > n - 3 ? 0.3 : 1;
    points.push({ tMs: START_MS + t * 1000, watts: 90 + (plateauW - 90) * ramp * dip * cool });
  }
  return { id, label, points };
}

function item(
  id: string,
  label: string,
  phase: Phase,
  totals: Totals,
  extra: Partial<ReportItem> = {},
): ReportItem {
  return {
    kind: 'run',
    id,
    sourceId: id,
    label,
    project: 'ranker',
    model: 'rm-small',
    phase,
    startMs: START_MS,
    durationHours: 2,
    basis: 'measured',
    hardware: [{ label: 'NVIDIA A100 SXM4 80GB', kind: 'gpu', count: 4, deviceHours: 8 }],
    location: 'zone FR',
    intensityGco2ePerKwh: 400,
    intensitySource: 'fixture',
    pue: 1.2,
    ...totals,
    ...extra,
  };
}

export function reportFixture(overrides: Partial<LifecycleReport> = {}): LifecycleReport {
  const data = totalsOf(3.5, 1_200);
  const training = totalsOf(42, 18_000);
  const inference = totalsOf(120, 9_500);
  const items: ReportItem[] = [
    item('e-data', 'feature pipeline (declared)', 'data', data, { kind: 'entry', basis: 'declared' }),
    item('r-1', HOSTILE_LABEL, 'training', totalsOf(30, 12_000)),
    item('r-2', 'python train.py --lr 3e-4 & "ablation"', 'training', totalsOf(12, 6_000), {
      basis: 'modelled',
    }),
    item('e-serve', 'serving fleet, May', 'inference', inference, {
      kind: 'entry',
      basis: 'declared',
      predictions: 2_000_000,
    }),
  ];
  const byPhaseTotals: Record<Phase, Totals> = {
    data,
    experimentation: totalsOf(0, 0),
    training,
    inference,
  };
  const total = sumTotals([data, training, inference]);
  const rowOf = (key: Phase, items: number): ReportRow => ({
    key,
    items,
    share: byPhaseTotals[key].totalGco2e / total.totalGco2e,
    ...byPhaseTotals[key],
  });
  const phaseShares = Object.fromEntries(
    PHASES.map((p) => [p, byPhaseTotals[p].totalGco2e / total.totalGco2e]),
  ) as Record<Phase, number>;
  const phaseEnergyShares = Object.fromEntries(
    PHASES.map((p) => [p, byPhaseTotals[p].energyKwh / total.energyKwh]),
  ) as Record<Phase, number>;
  return {
    title: `Life-cycle footprint of ${HOSTILE_LABEL}`,
    generatedMs: Date.UTC(2024, 5, 1, 12, 0, 0),
    filters: { project: 'ranker <b>&</b>', sinceMs: Date.UTC(2024, 4, 1) },
    groupBy: 'phase',
    rows: [rowOf('data', 1), rowOf('training', 2), rowOf('inference', 1)],
    total,
    uncertainty: {
      draws: 10_000,
      seed: 1,
      energyKwh: spread(total.energyKwh, 0.95, 1.05),
      operationalLocationGco2e: spread(total.operationalGco2e.location),
      operationalMarketGco2e: spread(total.operationalGco2e.market),
      embodiedGco2e: spread(total.embodiedGco2e, 0.6, 1.6),
      totalGco2e: spread(total.totalGco2e, 0.8, 1.3),
    },
    byPhase: byPhaseTotals,
    phaseShares,
    phaseEnergyShares,
    paperSplits: [
      {
        name: 'Wu et al. 2022, RM1',
        source: 'Sustainable AI (MLSys 2022), Fig. 4',
        basis: 'energy',
        shares: { data: 0.31, 'experimentation+training': 0.29, inference: 0.4 },
      },
    ],
    inference: {
      predictions: 2_000_000,
      kwhPer1000: (120 / 2_000_000) * 1000,
      gco2ePer1000: (inference.totalGco2e / 2_000_000) * 1000,
    },
    modelled: [
      {
        id: 'r-2',
        label: 'python train.py --lr 3e-4 & "ablation"',
        devices: ['cpu: AMD EPYC 7763 (TDP × load)'],
      },
    ],
    items,
    defaults: [
      {
        field: 'site.pue',
        kind: 'default',
        value: 1.2,
        source: 'Uptime Institute 2023 survey, average PUE <1.58>',
      },
      {
        field: 'embodied.lifetime_years',
        kind: 'default',
        value: 4,
        unit: 'years',
        source: 'Wu et al. 2022 (server refresh cycle)',
      },
    ],
    power: [
      powerSeries('r-1', HOSTILE_LABEL, 2, 1_450, 5),
      powerSeries('r-2', 'python train.py --lr 3e-4 & "ablation"', 1.25, 820, 10),
    ],
    ...overrides,
  };
}
