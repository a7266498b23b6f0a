/**
 * Replays captured NVML answers (test/fixtures/nvml/*.json) through the `NvmlApi` interface, so the
 * sensor logic of nvml-sensor.ts runs on what real GPUs said. It only plays the data back: each
 * call returns the next captured answer for that call on that device (the last one repeats), and a
 * captured `{ "rc": n }` is returned as that NVML error. `scripts/gpu-check.mjs --capture` writes
 * files of this shape on a GPU host.
 */
import { readFileSync } from 'node:fs';
import { NVML, type NvmlApi, type NvmlDevice, type NvmlProcess, type NvmlResult } from './nvml-api.js';

type Captured<T> = T | { readonly rc: number };
/** One answer per call: a whole-series error, or per-call values (each may be an error). */
type Series<T> = Captured<readonly Captured<T>[]>;

interface CapturedProcess {
  readonly pid: number;
  /** Bytes; null where NVML reported NVML_VALUE_NOT_AVAILABLE. */
  readonly usedGpuMemory: number | null;
}

interface CapturedMig {
  readonly slot: number;
  readonly uuid: string;
  /** One list per read. */
  readonly computeRunningProcesses: Series<readonly CapturedProcess[]>;
}

interface CapturedGpu {
  readonly uuid: string;
  readonly name: string;
  readonly migMode: Captured<{ readonly current: number; readonly pending: number }>;
  readonly maxMigDeviceCount?: number;
  readonly migDevices?: readonly CapturedMig[];
  /** mJ, one value per call. */
  readonly totalEnergyConsumption: Series<number>;
  /** mW, one value per call. */
  readonly powerUsage: Series<number>;
  readonly computeRunningProcesses: Series<readonly CapturedProcess[]>;
}

export interface NvmlCapture {
  readonly capture: string;
  readonly driverVersion: string;
  readonly gpus: readonly CapturedGpu[];
}

/** NVML's own nvmlErrorString texts for the codes in the fixtures. */
const ERROR_STRINGS: Record<number, string> = {
  [NVML.ERROR_NOT_SUPPORTED]: 'Not Supported',
  [NVML.ERROR_NO_PERMISSION]: 'Insufficient Permissions',
  [NVML.ERROR_NOT_FOUND]: 'Not Found',
  [NVML.ERROR_GPU_IS_LOST]: 'GPU is lost',
  [NVML.ERROR_UNKNOWN]: 'Unknown Error',
};

export const FIXTURES = new URL('../../../test/fixtures/nvml/', import.meta.url);

export function readCapture(file: string): NvmlCapture {
  return JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as NvmlCapture;
}

interface Handle {
  readonly gpu: number;
  readonly mig?: number;
}

const isRc = (v: unknown): v is { rc: number } => typeof v === 'object' && v !== null && 'rc' in v;

export interface ReplayNvml extends NvmlApi {
  /** How many times each call was made, by name: lets tests check what the logic asked. */
  readonly calls: Map<string, number>;
  shutdowns: number;
}

export function replayNvml(capture: NvmlCapture): ReplayNvml {
  const cursors = new Map<string, number>();
  const calls = new Map<string, number>();
  const handles: Handle[] = [];
  const handleOf = (h: Handle): NvmlDevice => {
    const found = handles.find((x) => x.gpu === h.gpu && x.mig === h.mig);
    if (found) return found as unknown as NvmlDevice;
    handles.push(h);
    return h as unknown as NvmlDevice;
  };
  const count = (call: string): void => {
    calls.set(call, (calls.get(call) ?? 0) + 1);
  };
  const next = <T>(key: string, captured: Series<T>): NvmlResult<T> => {
    if (!Array.isArray(captured)) return { ok: false, rc: (captured as { rc: number }).rc };
    const series = captured as readonly Captured<T>[];
    const i = cursors.get(key) ?? 0;
    cursors.set(key, i + 1);
    const value = series[Math.min(i, series.length - 1)];
    if (value === undefined) return { ok: false, rc: NVML.ERROR_UNKNOWN };
    return isRc(value) ? { ok: false, rc: value.rc } : { ok: true, value: value as T };
  };
  const gpuOf = (d: NvmlDevice): { h: Handle; gpu: CapturedGpu } => {
    const h = d as unknown as Handle;
    const gpu = capture.gpus[h.gpu];
    if (!gpu) throw new Error(`replay: no GPU ${h.gpu} in the capture`);
    return { h, gpu };
  };
  const toProcesses = (rows: readonly CapturedProcess[]): NvmlProcess[] =>
    rows.map((r) =>
      r.usedGpuMemory === null ? { pid: r.pid } : { pid: r.pid, usedGpuMemoryBytes: r.usedGpuMemory },
    );

  const api: ReplayNvml = {
    calls,
    shutdowns: 0,
    description: `replay of ${capture.capture}`,
    errorString: (rc) => ERROR_STRINGS[rc] ?? `Unknown Error ${rc}`,
    systemGetDriverVersion: () => ({ ok: true, value: capture.driverVersion }),
    deviceGetCount: () => ({ ok: true, value: capture.gpus.length }),
    deviceGetHandleByIndex: (index) =>
      index < capture.gpus.length
        ? { ok: true, value: handleOf({ gpu: index }) }
        : { ok: false, rc: NVML.ERROR_INVALID_ARGUMENT },
    deviceGetUUID: (d) => {
      const { h, gpu } = gpuOf(d);
      if (h.mig === undefined) return { ok: true, value: gpu.uuid };
      const mig = gpu.migDevices?.find((m) => m.slot === h.mig);
      return mig ? { ok: true, value: mig.uuid } : { ok: false, rc: NVML.ERROR_INVALID_ARGUMENT };
    },
    deviceGetName: (d) => ({ ok: true, value: gpuOf(d).gpu.name }),
    deviceGetTotalEnergyConsumption: (d) => {
      const { h, gpu } = gpuOf(d);
      count('deviceGetTotalEnergyConsumption');
      if (h.mig !== undefined) return { ok: false, rc: NVML.ERROR_NOT_SUPPORTED };
      return next(`energy:${h.gpu}`, gpu.totalEnergyConsumption);
    },
    deviceGetPowerUsage: (d) => {
      const { h, gpu } = gpuOf(d);
      count('deviceGetPowerUsage');
      if (h.mig !== undefined) return { ok: false, rc: NVML.ERROR_NOT_SUPPORTED };
      return next(`power:${h.gpu}`, gpu.powerUsage);
    },
    deviceGetComputeRunningProcesses: (d) => {
      const { h, gpu } = gpuOf(d);
      count('deviceGetComputeRunningProcesses');
      if (h.mig === undefined) {
        const r = next(`procs:${h.gpu}`, gpu.computeRunningProcesses);
        return r.ok ? { ok: true, value: toProcesses(r.value) } : r;
      }
      const mig = gpu.migDevices?.find((m) => m.slot === h.mig);
      if (!mig) return { ok: false, rc: NVML.ERROR_INVALID_ARGUMENT };
      const r = next(`procs:${h.gpu}:${h.mig}`, mig.computeRunningProcesses);
      return r.ok ? { ok: true, value: toProcesses(r.value) } : r;
    },
    deviceGetMigMode: (d) => {
      const m = gpuOf(d).gpu.migMode;
      if (isRc(m)) return { ok: false, rc: m.rc };
      return { ok: true, value: m as { current: number; pending: number } };
    },
    deviceGetMaxMigDeviceCount: (d) => {
      const { gpu } = gpuOf(d);
      return gpu.maxMigDeviceCount === undefined
        ? { ok: false, rc: NVML.ERROR_NOT_SUPPORTED }
        : { ok: true, value: gpu.maxMigDeviceCount };
    },
    deviceGetMigDeviceHandleByIndex: (d, index) => {
      const { h, gpu } = gpuOf(d);
      const mig = gpu.migDevices?.find((m) => m.slot === index);
      return mig
        ? { ok: true, value: handleOf({ gpu: h.gpu, mig: index }) }
        : { ok: false, rc: NVML.ERROR_NOT_FOUND };
    },
    shutdown: () => {
      api.shutdowns += 1;
    },
  };
  return api;
}
