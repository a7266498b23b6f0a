/**
 * The sensor contract. A sensor is probed once (it is there, or it says why not) and then read
 * once per sampling interval. Expected absence is a value, never an exception.
 */
import type { DeviceInfo } from '../core/measurement.js';

export type Probe<T> =
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'unavailable'; readonly reason: string };

export const ok = <T>(value: T): Probe<T> => ({ status: 'ok', value });
export const unavailable = (reason: string): Probe<never> => ({ status: 'unavailable', reason });

export interface ReadContext {
  /** Wall-clock time of this read, epoch ms (injected: tests drive the clock). */
  readonly nowMs: number;
  /** PIDs of the job's process tree, for per-process attribution. */
  readonly jobPids: ReadonlySet<number>;
}

export interface Reading {
  readonly deviceId: string;
  /** Cumulative energy in joules since the sensor started, wrap-arounds already unfolded. */
  readonly energyJ?: number;
  /** Instantaneous power, W, for devices without an energy counter. */
  readonly powerW?: number;
  /** The job's share of this device in [0, 1], where the sensor can tell (e.g. NVML per process). */
  readonly jobShare?: number;
}

export interface Sensor {
  /** `rapl`, `nvml`, `nvidia-smi`, `amd-smi`, `cpu-model`, `dram-model`. */
  readonly name: string;
  readonly devices: readonly DeviceInfo[];
  read(context: ReadContext): readonly Reading[];
  close(): void;
  /** What the sensor chose or met while running (a failed read, a tool that exited), once each. */
  readonly notes?: readonly string[];
}
