/**
 * The priced description of a job: every number it needs, each as a range (low, most likely, high)
 * so that the same model prices the nominal case and every Monte Carlo draw. Resolving a spec, a
 * measured run or a scenario into a Job is the callers' work; pricing it is `priceJob`.
 */
import type { Provenance } from './provenance.js';
import type { Range } from './uncertainty.js';

export const PHASES = ['data', 'experimentation', 'training', 'inference'] as const;
export type Phase = (typeof PHASES)[number];

export const DEVICE_KINDS = ['gpu', 'cpu', 'dram', 'storage', 'network', 'server', 'accelerator'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** How a group's IT energy is known: a measured/declared total, or a power per device. */
export type GroupEnergy =
  | { readonly kind: 'energy'; readonly kwh: Range }
  | {
      readonly kind: 'power';
      /** Average power per device, W. */
      readonly watts: Range;
      /** Idle power per device, W, where known: splits energy into idle and dynamic parts. */
      readonly idleWatts?: number;
    };

export interface GroupEmbodied {
  /** Cradle-to-gate footprint per device, kgCO2e. */
  readonly kgPerDevice: Range;
  readonly lifetimeYears: Range;
  /** Fleet utilization u in (0, 1]. */
  readonly utilization: Range;
}

export interface DeviceGroup {
  /** What a person calls it: the model name, or the type. */
  readonly label: string;
  readonly kind: DeviceKind;
  readonly model?: string;
  readonly count: number;
  /** Device-hours the job held the group (count × wall-clock hours unless declared). */
  readonly deviceHours: number;
  readonly energy: GroupEnergy;
  /** Absent when embodied carbon is excluded. */
  readonly embodied?: GroupEmbodied;
}

export interface Site {
  readonly pue: Range;
  /** Grid intensity for the location-based figure (annual or hourly-weighted), gCO2e/kWh. */
  readonly intensity: Range;
  /** Share of energy matched by carbon-free-energy contracts, [0, 1]. */
  readonly cfe: Range;
  /** Residual-mix intensity for the market-based figure; the grid intensity when absent. */
  readonly residualIntensity?: Range;
}

export interface Job {
  readonly name?: string;
  readonly phase: Phase;
  /** Wall-clock hours of the job, where known. */
  readonly durationHours?: number;
  readonly groups: readonly DeviceGroup[];
  readonly site: Site;
  readonly provenance: readonly Provenance[];
}
