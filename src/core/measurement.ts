/**
 * What a measured run is made of, shared by the sensors that produce it, the ledger that keeps it
 * and the accounting that prices it: the devices seen, energy per device per interval, markers.
 */
import type { DeviceKind, Phase } from './job.js';

/** How a device's energy is obtained, best first. */
export type EnergyMethod = 'counter' | 'power' | 'model';

export interface DeviceInfo {
  /** Stable within a host: `rapl:package-0`, `nvml:GPU-8f0…`, `model:cpu`. */
  readonly id: string;
  readonly kind: DeviceKind;
  /** What the sensor calls it: `package-0`, `NVIDIA H100 80GB HBM3`. */
  readonly name: string;
  /** Hardware model for table lookups (CPU model name, GPU name), where known. */
  readonly model?: string;
  readonly method: EnergyMethod;
  /** A counter or power reading is measured; a load-curve model is modelled. */
  readonly provenance: 'measured' | 'modelled';
  /** Which sensor and which call or file: `RAPL powercap energy_uj`, `NVML total energy counter`. */
  readonly source: string;
}

/** Energy of one device over one sampling interval. */
export interface EnergySample {
  readonly deviceId: string;
  readonly startMs: number;
  readonly endMs: number;
  /** Whole-device energy over the interval. */
  readonly energyJ: number;
  /** The job's share of it (process-tree attribution on shared hosts). */
  readonly attributedJ: number;
}

export const RUN_STATUSES = ['running', 'completed', 'failed', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface Marker {
  readonly atMs: number;
  readonly label: string;
  /** A phase switch: from here on, energy belongs to this phase. */
  readonly phase?: Phase;
  readonly attrs: Readonly<Record<string, string>>;
}

/** Mean power of a sample over its interval. */
export const samplePowerW = (s: EnergySample): number =>
  s.endMs > s.startMs ? s.energyJ / ((s.endMs - s.startMs) / 1000) : 0;
