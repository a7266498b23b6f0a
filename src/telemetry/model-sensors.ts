/**
 * Fallback models for hosts where no counter can be read. Both are marked `modelled`, and the
 * accounting gives them a wide uncertainty range:
 * - CPU: TDP × the Teads load curve at the host's measured utilization (/proc/stat deltas);
 * - DRAM: installed memory × W per GB (Green Algorithms, 0.3725 W/GB), constant over time.
 * The TDP and W/GB figures are given by the caller (from the hardware table), so this layer stays
 * free of reference data.
 */
import type { DeviceInfo } from '../core/measurement.js';
import { LOAD_CURVE_SOURCE, tdpShareAtLoad } from './cpu-load-curve.js';
import { type CpuTimes, readCpuTimes } from './procfs.js';
import { ok, type Probe, type ReadContext, type Reading, type Sensor, unavailable } from './sensor.js';

export interface CpuModelOptions {
  readonly procRoot: string;
  /** TDP of all packages together, W. */
  readonly tdpW: number;
  /** Where tdpW comes from: `hardware table: AMD EPYC 7763 × 2`, or the per-thread default. */
  readonly tdpSource: string;
  readonly cpuModel?: string;
  readonly startMs: number;
}

export function createCpuModelSensor(options: CpuModelOptions): Probe<Sensor> {
  const { procRoot, tdpW, startMs } = options;
  let previous: CpuTimes | undefined = readCpuTimes(procRoot);
  if (!previous) return unavailable(`cannot read ${procRoot}/stat: no CPU load to model power from`);
  let lastMs = startMs;
  let energyJ = 0;
  let lastPowerW = tdpW * tdpShareAtLoad(0);
  const device: DeviceInfo = {
    id: 'model:cpu',
    kind: 'cpu',
    name: options.cpuModel ?? 'CPU',
    ...(options.cpuModel ? { model: options.cpuModel } : {}),
    method: 'model',
    provenance: 'modelled',
    source: `TDP ${Number(tdpW.toPrecision(4))} W (${options.tdpSource}) × ${LOAD_CURVE_SOURCE}, load from /proc/stat`,
  };
  return ok({
    name: 'cpu-model',
    devices: [device],
    read({ nowMs }: ReadContext): Reading[] {
      const current = readCpuTimes(procRoot);
      if (current && previous) {
        const total = current.total - previous.total;
        const load = total > 0 ? (current.busy - previous.busy) / total : 0;
        lastPowerW = tdpW * tdpShareAtLoad(load);
        previous = current;
      }
      // The load is an average over the interval, so the interval's energy is P(load) × Δt.
      energyJ += (lastPowerW * Math.max(0, nowMs - lastMs)) / 1000;
      lastMs = nowMs;
      return [{ deviceId: device.id, energyJ, powerW: lastPowerW }];
    },
    close() {},
  });
}

export interface DramModelOptions {
  readonly installedGb: number;
  readonly wattsPerGb: number;
  readonly source: string;
  readonly startMs: number;
}

export function createDramModelSensor(options: DramModelOptions): Probe<Sensor> {
  const { installedGb, wattsPerGb, startMs } = options;
  if (!(installedGb > 0)) return unavailable('installed memory unknown: no DRAM power to model');
  const powerW = installedGb * wattsPerGb;
  let lastMs = startMs;
  let energyJ = 0;
  const device: DeviceInfo = {
    id: 'model:dram',
    kind: 'dram',
    name: `DRAM ${Math.round(installedGb)} GB`,
    method: 'model',
    provenance: 'modelled',
    source: `${installedGb.toFixed(1)} GB × ${wattsPerGb} W/GB (${options.source})`,
  };
  return ok({
    name: 'dram-model',
    devices: [device],
    read({ nowMs }: ReadContext): Reading[] {
      energyJ += (powerW * Math.max(0, nowMs - lastMs)) / 1000;
      lastMs = nowMs;
      return [{ deviceId: device.id, energyJ, powerW }];
    },
    close() {},
  });
}
