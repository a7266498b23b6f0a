/**
 * The life of a model: footprints rolled up by phase (data, experimentation, training, inference),
 * the unit the paper asks people to decide on (Wu et al. 2022, §III-A). Totals are always computed
 * as the sum of their rows, so a roll-up can never disagree with its parts.
 */
import { PHASES, type Phase } from './job.js';
import { sumTotals, type Totals } from './price.js';

export interface PhasedTotals extends Totals {
  readonly phase: Phase;
}

export interface LifecycleRollup {
  readonly byPhase: Readonly<Record<Phase, Totals>>;
  readonly total: Totals;
}

export function rollUpByPhase(items: readonly PhasedTotals[]): LifecycleRollup {
  const byPhase = Object.fromEntries(
    PHASES.map((phase) => [phase, sumTotals(items.filter((item) => item.phase === phase))]),
  ) as Record<Phase, Totals>;
  return { byPhase, total: sumTotals(PHASES.map((phase) => byPhase[phase])) };
}

/** Share of the total carbon in each phase, for comparison with the paper's splits. */
export function phaseShares(rollup: LifecycleRollup): Record<Phase, number> {
  const total = rollup.total.totalGco2e;
  return Object.fromEntries(
    PHASES.map((phase) => [phase, total > 0 ? rollup.byPhase[phase].totalGco2e / total : 0]),
  ) as Record<Phase, number>;
}
