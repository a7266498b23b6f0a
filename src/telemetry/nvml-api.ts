/**
 * The NVIDIA Management Library (NVML, `libnvidia-ml.so.1`, installed with the driver), called
 * in-process through koffi. No spawn per sample, no Python: one `dlopen` and a few C calls.
 *
 * This file is only the binding: each method is one NVML call (two for the process list, which is
 * sized by a first call), returning plain values or the NVML return code. What to make of them is
 * `nvml-sensor.ts`, which tests drive with captured values through the same `NvmlApi` interface.
 *
 * Signatures follow nvml.h (NVML API Reference, docs.nvidia.com/deploy/nvml-api):
 *   nvmlReturn_t nvmlInit_v2(void);                       nvmlReturn_t nvmlShutdown(void);
 *   const char *nvmlErrorString(nvmlReturn_t result);
 *   nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned int length);
 *   nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *deviceCount);
 *   nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device);
 *   nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t device, char *uuid, unsigned int length);
 *   nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length);
 *   nvmlReturn_t nvmlDeviceGetTotalEnergyConsumption(nvmlDevice_t device, unsigned long long *energy);  // mJ, Volta+
 *   nvmlReturn_t nvmlDeviceGetPowerUsage(nvmlDevice_t device, unsigned int *power);                     // mW
 *   nvmlReturn_t nvmlDeviceGetComputeRunningProcesses_v3(nvmlDevice_t device, unsigned int *infoCount,
 *                                                         nvmlProcessInfo_t *infos);
 *   nvmlReturn_t nvmlDeviceGetMigMode(nvmlDevice_t device, unsigned int *currentMode, unsigned int *pendingMode);
 *   nvmlReturn_t nvmlDeviceGetMaxMigDeviceCount(nvmlDevice_t device, unsigned int *count);
 *   nvmlReturn_t nvmlDeviceGetMigDeviceHandleByIndex(nvmlDevice_t device, unsigned int index, nvmlDevice_t *migDevice);
 * nvmlDevice_t is an opaque pointer (`struct nvmlDevice_st *`); nvmlReturn_t is a C enum (int).
 * nvmlProcessInfo_t (v2 and v3 layout, 24 bytes on LP64): { unsigned int pid; unsigned long long
 * usedGpuMemory; unsigned int gpuInstanceId; unsigned int computeInstanceId; }; the v1 struct of the
 * unversioned call is the first two fields (16 bytes).
 */
import { createRequire } from 'node:module';
import type KoffiModule from 'koffi';
import { ok, type Probe, unavailable } from './sensor.js';

/** NVML return codes used by Footprint (nvmlReturn_t). */
export const NVML = {
  SUCCESS: 0,
  ERROR_UNINITIALIZED: 1,
  ERROR_INVALID_ARGUMENT: 2,
  ERROR_NOT_SUPPORTED: 3,
  ERROR_NO_PERMISSION: 4,
  ERROR_NOT_FOUND: 6,
  ERROR_INSUFFICIENT_SIZE: 7,
  ERROR_DRIVER_NOT_LOADED: 9,
  ERROR_LIBRARY_NOT_FOUND: 12,
  ERROR_FUNCTION_NOT_FOUND: 13,
  ERROR_GPU_IS_LOST: 15,
  ERROR_UNKNOWN: 999,
} as const;

/** nvmlDeviceGetMigMode's `currentMode` when MIG is on (NVML_DEVICE_MIG_ENABLE). */
export const NVML_DEVICE_MIG_ENABLE = 1;

/** An NVML device handle (a GPU or a MIG instance): opaque, only ever passed back to NVML. */
declare const nvmlDeviceBrand: unique symbol;
export type NvmlDevice = { readonly [nvmlDeviceBrand]: 'nvmlDevice_t' };

export type NvmlResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly rc: number };

export interface NvmlProcess {
  readonly pid: number;
  /** Bytes; absent when NVML reports NVML_VALUE_NOT_AVAILABLE (e.g. without privileges, under MIG). */
  readonly usedGpuMemoryBytes?: number;
}

export interface NvmlApi {
  /** Which library answered and which process-list call it has, for sources and notes. */
  readonly description: string;
  errorString(rc: number): string;
  systemGetDriverVersion(): NvmlResult<string>;
  deviceGetCount(): NvmlResult<number>;
  deviceGetHandleByIndex(index: number): NvmlResult<NvmlDevice>;
  deviceGetUUID(device: NvmlDevice): NvmlResult<string>;
  deviceGetName(device: NvmlDevice): NvmlResult<string>;
  /** Millijoules since the driver was last loaded. */
  deviceGetTotalEnergyConsumption(device: NvmlDevice): NvmlResult<number>;
  /** Milliwatts. */
  deviceGetPowerUsage(device: NvmlDevice): NvmlResult<number>;
  deviceGetComputeRunningProcesses(device: NvmlDevice): NvmlResult<readonly NvmlProcess[]>;
  deviceGetMigMode(device: NvmlDevice): NvmlResult<{ readonly current: number; readonly pending: number }>;
  deviceGetMaxMigDeviceCount(device: NvmlDevice): NvmlResult<number>;
  deviceGetMigDeviceHandleByIndex(device: NvmlDevice, index: number): NvmlResult<NvmlDevice>;
  shutdown(): void;
}

/** Buffer sizes from nvml.h (the _V2_ sizes are the larger, current ones). */
const UUID_BUFFER_SIZE = 96; // NVML_DEVICE_UUID_V2_BUFFER_SIZE
const NAME_BUFFER_SIZE = 96; // NVML_DEVICE_NAME_V2_BUFFER_SIZE
const DRIVER_VERSION_BUFFER_SIZE = 80; // NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE
/** NVML_VALUE_NOT_AVAILABLE for unsigned long long fields: (unsigned long long)-1. */
const VALUE_NOT_AVAILABLE = 0xffff_ffff_ffff_ffffn;

export const nvmlLibraryPath = (env: Readonly<Record<string, string | undefined>> = process.env): string =>
  env.FOOTPRINT_NVML_LIB ?? 'libnvidia-ml.so.1';

type Koffi = typeof KoffiModule;
type CFunction = (...args: unknown[]) => unknown;

interface Types {
  readonly processV3: ReturnType<Koffi['struct']>;
  readonly processV1: ReturnType<Koffi['struct']>;
}

let koffiModule: Koffi | undefined;
let types: Types | undefined;

/** koffi is loaded with require so that a missing native build is a value, not an import crash. */
function loadKoffi(): Koffi | string {
  if (koffiModule) return koffiModule;
  try {
    koffiModule = createRequire(import.meta.url)('koffi') as Koffi;
    return koffiModule;
  } catch (e) {
    return `the koffi native module could not be loaded (${(e as Error).message}): reinstall Footprint's dependencies`;
  }
}

/** Type names are global in koffi: declare them once per process. */
function declareTypes(koffi: Koffi): Types {
  if (types) return types;
  koffi.pointer('nvmlDevice_t', koffi.opaque('nvmlDevice_st'));
  types = {
    processV3: koffi.struct('footprint_nvmlProcessInfo_v3', {
      pid: 'unsigned int',
      usedGpuMemory: 'unsigned long long',
      gpuInstanceId: 'unsigned int',
      computeInstanceId: 'unsigned int',
    }),
    processV1: koffi.struct('footprint_nvmlProcessInfo_v1', {
      pid: 'unsigned int',
      usedGpuMemory: 'unsigned long long',
    }),
  };
  return types;
}

/** NVML integers arrive as numbers, or as BigInt above 2^53 (koffi); watts and joules fit a double. */
const toNumber = (v: unknown): number => Number(v);
const cString = (buf: Buffer): string => {
  const end = buf.indexOf(0);
  return buf.toString('utf8', 0, end < 0 ? buf.length : end);
};
const fail = (rc: number): NvmlResult<never> => ({ ok: false, rc });
const done = <T>(value: T): NvmlResult<T> => ({ ok: true, value });

/**
 * Opens NVML and initialises it. Every failure is a reason that says what to do; nothing throws.
 * `FOOTPRINT_NVML_LIB` names another library file (a non-standard driver location).
 */
export function loadNvml(env: Readonly<Record<string, string | undefined>> = process.env): Probe<NvmlApi> {
  const koffi = loadKoffi();
  if (typeof koffi === 'string') return unavailable(koffi);
  const path = nvmlLibraryPath(env);
  let lib: ReturnType<Koffi['load']>;
  try {
    lib = koffi.load(path);
  } catch (e) {
    return unavailable(
      `${path} could not be loaded (${(e as Error).message}): install the NVIDIA driver, or set ` +
        'FOOTPRINT_NVML_LIB to the path of libnvidia-ml.so.1',
    );
  }
  const t = declareTypes(koffi);
  /** The first of the names the library exports, declared with the given C prototype. */
  const fn = (
    proto: (name: string) => string,
    ...names: string[]
  ): { call: CFunction; name: string } | undefined => {
    for (const name of names) {
      try {
        return { call: lib.func(proto(name)) as CFunction, name };
      } catch {
        // Not exported by this driver: try the next (older) name.
      }
    }
    return undefined;
  };
  const need = {
    init: fn((n) => `int ${n}(void)`, 'nvmlInit_v2', 'nvmlInit'),
    shutdown: fn((n) => `int ${n}(void)`, 'nvmlShutdown'),
    errorString: fn((n) => `const char *${n}(int result)`, 'nvmlErrorString'),
    driverVersion: fn((n) => `int ${n}(char *version, unsigned int length)`, 'nvmlSystemGetDriverVersion'),
    count: fn(
      (n) => `int ${n}(_Out_ unsigned int *deviceCount)`,
      'nvmlDeviceGetCount_v2',
      'nvmlDeviceGetCount',
    ),
    byIndex: fn(
      (n) => `int ${n}(unsigned int index, _Out_ nvmlDevice_t *device)`,
      'nvmlDeviceGetHandleByIndex_v2',
      'nvmlDeviceGetHandleByIndex',
    ),
    uuid: fn((n) => `int ${n}(nvmlDevice_t device, char *uuid, unsigned int length)`, 'nvmlDeviceGetUUID'),
    name: fn((n) => `int ${n}(nvmlDevice_t device, char *name, unsigned int length)`, 'nvmlDeviceGetName'),
    power: fn((n) => `int ${n}(nvmlDevice_t device, _Out_ unsigned int *power)`, 'nvmlDeviceGetPowerUsage'),
  };
  const { init, shutdown, errorString, driverVersion, count, byIndex, uuid, name, power } = need;
  if (
    !init ||
    !shutdown ||
    !errorString ||
    !driverVersion ||
    !count ||
    !byIndex ||
    !uuid ||
    !name ||
    !power
  ) {
    const missing = Object.entries(need)
      .filter(([, f]) => f === undefined)
      .map(([k]) => k);
    return unavailable(`${path} lacks NVML functions (${missing.join(', ')}): update the NVIDIA driver`);
  }
  // Optional calls: absent in old drivers, answered NOT_SUPPORTED by the sensor logic.
  const energy = fn(
    (n) => `int ${n}(nvmlDevice_t device, _Out_ unsigned long long *energy)`,
    'nvmlDeviceGetTotalEnergyConsumption',
  );
  const processes =
    fn(
      (n) => `int ${n}(nvmlDevice_t device, _Inout_ unsigned int *infoCount, void *infos)`,
      'nvmlDeviceGetComputeRunningProcesses_v3',
      'nvmlDeviceGetComputeRunningProcesses_v2',
    ) ??
    fn(
      (n) => `int ${n}(nvmlDevice_t device, _Inout_ unsigned int *infoCount, void *infos)`,
      'nvmlDeviceGetComputeRunningProcesses',
    );
  const processStruct = processes?.name.endsWith('Processes') ? t.processV1 : t.processV3;
  const migMode = fn(
    (n) => `int ${n}(nvmlDevice_t device, _Out_ unsigned int *currentMode, _Out_ unsigned int *pendingMode)`,
    'nvmlDeviceGetMigMode',
  );
  const maxMig = fn(
    (n) => `int ${n}(nvmlDevice_t device, _Out_ unsigned int *count)`,
    'nvmlDeviceGetMaxMigDeviceCount',
  );
  const migByIndex = fn(
    (n) => `int ${n}(nvmlDevice_t device, unsigned int index, _Out_ nvmlDevice_t *migDevice)`,
    'nvmlDeviceGetMigDeviceHandleByIndex',
  );

  const describe = (rc: number): string => String(errorString.call(rc) ?? `NVML error ${rc}`);
  const initRc = toNumber(init.call());
  if (initRc !== NVML.SUCCESS) {
    const hint =
      initRc === NVML.ERROR_NO_PERMISSION
        ? 'run as a user allowed to open /dev/nvidia*'
        : 'check that the NVIDIA driver is loaded (`nvidia-smi` should list the GPUs)';
    return unavailable(`${init.name} failed: ${describe(initRc)} (NVML error ${initRc}): ${hint}`);
  }

  /** One call with unsigned-int out parameters; returns them or the return code. */
  const outUint = (f: CFunction, ...inputs: unknown[]): NvmlResult<number> => {
    const out: unknown[] = [0];
    const rc = toNumber(f(...inputs, out));
    return rc === NVML.SUCCESS ? done(toNumber(out[0])) : fail(rc);
  };
  const outHandle = (f: CFunction, ...inputs: unknown[]): NvmlResult<NvmlDevice> => {
    const out: unknown[] = [null];
    const rc = toNumber(f(...inputs, out));
    return rc === NVML.SUCCESS && out[0] ? done(out[0] as NvmlDevice) : fail(rc || NVML.ERROR_UNKNOWN);
  };
  const outString = (f: CFunction, size: number, ...inputs: unknown[]): NvmlResult<string> => {
    const buf = Buffer.alloc(size);
    const rc = toNumber(f(...inputs, buf, size));
    return rc === NVML.SUCCESS ? done(cString(buf)) : fail(rc);
  };

  const api: NvmlApi = {
    description: `NVML (${path}${processes ? `, ${processes.name}` : ''})`,
    errorString: describe,
    systemGetDriverVersion: () => outString(driverVersion.call, DRIVER_VERSION_BUFFER_SIZE),
    deviceGetCount: () => outUint(count.call),
    deviceGetHandleByIndex: (index) => outHandle(byIndex.call, index),
    deviceGetUUID: (device) => outString(uuid.call, UUID_BUFFER_SIZE, device),
    deviceGetName: (device) => outString(name.call, NAME_BUFFER_SIZE, device),
    deviceGetTotalEnergyConsumption: (device) => {
      if (!energy) return fail(NVML.ERROR_FUNCTION_NOT_FOUND);
      return outUint(energy.call, device);
    },
    deviceGetPowerUsage: (device) => outUint(power.call, device),
    deviceGetComputeRunningProcesses: (device) => {
      if (!processes) return fail(NVML.ERROR_FUNCTION_NOT_FOUND);
      const stride = koffi.sizeof(processStruct);
      // The list can grow between the sizing call and the read: retry a few times with headroom.
      let capacity = 32;
      for (let attempt = 0; attempt < 4; attempt++) {
        const infos = Buffer.alloc(capacity * stride);
        const countIo: unknown[] = [capacity];
        const rc = toNumber(processes.call(device, countIo, infos));
        const n = toNumber(countIo[0]);
        if (rc === NVML.ERROR_INSUFFICIENT_SIZE) {
          capacity = Math.max(capacity * 2, n + 16);
          continue;
        }
        if (rc !== NVML.SUCCESS) return fail(rc);
        if (n === 0) return done([]);
        const rows = koffi.decode(infos, processStruct, Math.min(n, capacity)) as readonly {
          pid: number;
          usedGpuMemory: number | bigint;
        }[];
        return done(
          rows.map((r) => {
            const mem = BigInt(r.usedGpuMemory);
            return mem === VALUE_NOT_AVAILABLE
              ? { pid: toNumber(r.pid) }
              : { pid: toNumber(r.pid), usedGpuMemoryBytes: Number(mem) };
          }),
        );
      }
      return fail(NVML.ERROR_INSUFFICIENT_SIZE);
    },
    deviceGetMigMode: (device) => {
      if (!migMode) return fail(NVML.ERROR_FUNCTION_NOT_FOUND);
      const current: unknown[] = [0];
      const pending: unknown[] = [0];
      const rc = toNumber(migMode.call(device, current, pending));
      return rc === NVML.SUCCESS
        ? done({ current: toNumber(current[0]), pending: toNumber(pending[0]) })
        : fail(rc);
    },
    deviceGetMaxMigDeviceCount: (device) =>
      maxMig ? outUint(maxMig.call, device) : fail(NVML.ERROR_FUNCTION_NOT_FOUND),
    deviceGetMigDeviceHandleByIndex: (device, index) =>
      migByIndex ? outHandle(migByIndex.call, device, index) : fail(NVML.ERROR_FUNCTION_NOT_FOUND),
    shutdown: () => {
      shutdown.call();
    },
  };
  return ok(api);
}
