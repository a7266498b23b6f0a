/**
 * NVIDIA GPUs measured through NVML: which GPUs the job can see, how each one's energy is read, and
 * what share of each one the job uses. The NVML calls themselves are behind `NvmlApi`
 * (`nvml-api.ts`), so this logic runs the same on a GPU host and on captured values in tests.
 *
 * Energy: the GPU's total-energy counter where it has one (Volta and later:
 * nvmlDeviceGetTotalEnergyConsumption, mJ since the driver loaded), reported as joules since the
 * sensor started; otherwise board power (nvmlDeviceGetPowerUsage, mW) for the sampler to integrate.
 * A counter that goes backwards (driver reloaded) restarts from zero and the sensor keeps adding.
 *
 * MIG: instances have no counter or power reading of their own, so the parent GPU is the device,
 * and its `source` says so. A MIG UUID in CUDA_VISIBLE_DEVICES selects its parent.
 *
 * Job share (`jobShare`), from nvmlDeviceGetComputeRunningProcesses on the GPU (on each MIG instance
 * when MIG is on):
 * - no compute process on the GPU: 1. The GPU is visible to the job and used by nobody else, so its
 *   (idle) draw is the job's; narrow what is measured with CUDA_VISIBLE_DEVICES;
 * - only job PIDs: 1; no job PID: 0;
 * - shared: the job's share of the GPU memory used by all compute processes on the GPU. Memory is
 *   what NVML reports per process on every GPU generation (NVML's per-process utilization samples
 *   are missing on many boards and under MIG); it is a proxy for a share of capacity, not of
 *   energy, and the docs say so. Where NVML withholds a process's memory
 *   (NVML_VALUE_NOT_AVAILABLE), the share is the job's share of the processes;
 * - processes that are all invisible in this PID namespace (a container without the host's PID
 *   namespace, where NVML reports host PIDs): the sensor cannot tell, `jobShare` is left out and a
 *   note says why.
 */
import type { DeviceInfo } from '../core/measurement.js';
import { parseCudaVisibleDevices, resolveVisibleGpus, type VisibleCandidate } from './cuda-visible.js';
import { NVML, NVML_DEVICE_MIG_ENABLE, type NvmlApi, type NvmlDevice, type NvmlProcess } from './nvml-api.js';
import { ok, type Probe, type ReadContext, type Reading, unavailable } from './sensor.js';
import { noteList, type SensorWithNotes } from './sensor-notes.js';

export interface NvmlSensorOptions {
  /** Whether a PID exists in this process's PID namespace (see the header); default: always. */
  readonly pidVisible?: (pid: number) => boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

interface Gpu extends VisibleCandidate {
  readonly handle: NvmlDevice;
  readonly name: string;
  readonly mig: boolean;
}

interface Measured {
  readonly gpu: Gpu;
  readonly info: DeviceInfo;
  /** Counter state in mJ: the last raw value and the energy added up since the first read. */
  counter?: { lastMj: number; sinceStartMj: number };
}

const SOURCE_COUNTER = 'NVML nvmlDeviceGetTotalEnergyConsumption (total energy counter, mJ)';
const SOURCE_POWER = 'NVML nvmlDeviceGetPowerUsage (board power, mW; this GPU has no energy counter)';
const SOURCE_MIG =
  '; MIG mode: the whole parent GPU is measured (MIG instances have no energy counter of their own)';

function describeRc(api: NvmlApi, rc: number): string {
  return `${api.errorString(rc)} (NVML error ${rc})`;
}

/** MIG instance handles of a GPU in MIG mode (empty slots answer NOT_FOUND and are skipped). */
function migHandles(api: NvmlApi, gpu: NvmlDevice): NvmlDevice[] {
  const max = api.deviceGetMaxMigDeviceCount(gpu);
  if (!max.ok) return [];
  const handles: NvmlDevice[] = [];
  for (let i = 0; i < max.value; i++) {
    const h = api.deviceGetMigDeviceHandleByIndex(gpu, i);
    if (h.ok) handles.push(h.value);
  }
  return handles;
}

function listGpus(api: NvmlApi, notes: string[]): Gpu[] | string {
  const count = api.deviceGetCount();
  if (!count.ok) return `nvmlDeviceGetCount failed: ${describeRc(api, count.rc)}`;
  const gpus: Gpu[] = [];
  for (let index = 0; index < count.value; index++) {
    const handle = api.deviceGetHandleByIndex(index);
    if (!handle.ok) {
      notes.push(`GPU ${index} is skipped: nvmlDeviceGetHandleByIndex failed: ${describeRc(api, handle.rc)}`);
      continue;
    }
    const uuid = api.deviceGetUUID(handle.value);
    if (!uuid.ok) {
      notes.push(`GPU ${index} is skipped: nvmlDeviceGetUUID failed: ${describeRc(api, uuid.rc)}`);
      continue;
    }
    const name = api.deviceGetName(handle.value);
    const migMode = api.deviceGetMigMode(handle.value);
    const mig = migMode.ok && migMode.value.current === NVML_DEVICE_MIG_ENABLE;
    const migUuids = mig
      ? migHandles(api, handle.value).flatMap((h) => {
          const u = api.deviceGetUUID(h);
          return u.ok ? [u.value] : [];
        })
      : [];
    gpus.push({
      index,
      uuid: uuid.value,
      name: name.ok ? name.value : 'NVIDIA GPU',
      handle: handle.value,
      mig,
      migUuids,
    });
  }
  return gpus;
}

/** How a GPU's energy can be read, or why it cannot. */
function energyMethod(
  api: NvmlApi,
  gpu: Gpu,
): { method: 'counter'; firstMj: number } | { method: 'power' } | string {
  const energy = api.deviceGetTotalEnergyConsumption(gpu.handle);
  if (energy.ok) return { method: 'counter', firstMj: energy.value };
  const power = api.deviceGetPowerUsage(gpu.handle);
  if (power.ok) return { method: 'power' };
  return (
    `neither nvmlDeviceGetTotalEnergyConsumption (${describeRc(api, energy.rc)}) nor ` +
    `nvmlDeviceGetPowerUsage (${describeRc(api, power.rc)}) answers`
  );
}

/** The job's share of a GPU from its compute processes; `undefined` when it cannot be told. */
export function shareOfGpu(
  processes: readonly NvmlProcess[],
  jobPids: ReadonlySet<number>,
  pidVisible: (pid: number) => boolean,
): { share: number } | { unknown: string } {
  // One entry per PID (a process can hold contexts on several MIG instances of one GPU).
  const byPid = new Map<number, number | undefined>();
  for (const p of processes) {
    const before = byPid.get(p.pid);
    const mem = p.usedGpuMemoryBytes;
    byPid.set(
      p.pid,
      byPid.has(p.pid) ? (before === undefined || mem === undefined ? undefined : before + mem) : mem,
    );
  }
  if (byPid.size === 0) return { share: 1 };
  const pids = [...byPid.keys()];
  const jobs = pids.filter((pid) => jobPids.has(pid));
  if (jobs.length === pids.length) return { share: 1 };
  if (jobs.length === 0) {
    if (!pids.some(pidVisible)) {
      return {
        unknown:
          'NVML lists GPU processes whose PIDs do not exist in this PID namespace (a container without ' +
          "the host's PID namespace?): the job's share of the GPU cannot be told, so the whole GPU is reported",
      };
    }
    return { share: 0 };
  }
  const mems = [...byPid.values()];
  if (mems.every((m): m is number => m !== undefined)) {
    const total = mems.reduce((a, b) => a + b, 0);
    if (total > 0) return { share: jobs.reduce((a, pid) => a + (byPid.get(pid) ?? 0), 0) / total };
  }
  return { share: jobs.length / pids.length };
}

export function createNvmlSensor(
  api: NvmlApi,
  env: Env,
  options: NvmlSensorOptions = {},
): Probe<SensorWithNotes> {
  const { notes, note } = noteList();
  const pidVisible = options.pidVisible ?? (() => true);

  const listed = listGpus(api, notes);
  if (typeof listed === 'string') return unavailable(listed);
  if (listed.length === 0) return unavailable('NVML reports no usable GPU (nvmlDeviceGetCount is 0)');

  const visible = resolveVisibleGpus(parseCudaVisibleDevices(env.CUDA_VISIBLE_DEVICES), listed, env);
  for (const n of visible.notes) note(n);

  const measured: Measured[] = [];
  for (const v of visible.gpus) {
    const gpu = listed.find((g) => g.uuid === v.uuid);
    if (!gpu) continue;
    const how = energyMethod(api, gpu);
    if (typeof how === 'string') {
      note(`GPU ${gpu.index} (${gpu.name}, ${gpu.uuid}) is not measured: ${how}`);
      continue;
    }
    const source = (how.method === 'counter' ? SOURCE_COUNTER : SOURCE_POWER) + (gpu.mig ? SOURCE_MIG : '');
    const info: DeviceInfo = {
      id: `nvml:${gpu.uuid}`,
      kind: 'gpu',
      name: gpu.name,
      model: gpu.name,
      method: how.method,
      provenance: 'measured',
      source,
    };
    measured.push(
      how.method === 'counter'
        ? { gpu, info, counter: { lastMj: how.firstMj, sinceStartMj: 0 } }
        : { gpu, info },
    );
  }
  if (measured.length === 0) {
    const why = notes.length > 0 ? notes.join('; ') : 'no GPU is visible to the job';
    return unavailable(`NVML is loaded but no GPU can be measured: ${why}`);
  }

  const processesOn = (gpu: Gpu): { list: NvmlProcess[] } | { rc: number } => {
    const handles = gpu.mig ? migHandles(api, gpu.handle) : [gpu.handle];
    const list: NvmlProcess[] = [];
    let lastRc: number = NVML.SUCCESS;
    let anyOk = false;
    for (const h of handles) {
      const r = api.deviceGetComputeRunningProcesses(h);
      if (r.ok) {
        anyOk = true;
        list.push(...r.value);
      } else lastRc = r.rc;
    }
    if (!anyOk && gpu.mig) {
      // Per-instance queries failed (or no instance exists): the parent answers in aggregate when privileged.
      const r = api.deviceGetComputeRunningProcesses(gpu.handle);
      if (r.ok) return { list: [...r.value] };
      lastRc = r.rc;
    }
    return anyOk ? { list } : { rc: lastRc };
  };

  const readOne = (m: Measured, context: ReadContext): Reading | undefined => {
    const { gpu, info } = m;
    let reading: { deviceId: string; energyJ?: number; powerW?: number; jobShare?: number };
    if (m.counter) {
      const e = api.deviceGetTotalEnergyConsumption(gpu.handle);
      if (!e.ok) {
        note(`GPU ${gpu.index} (${gpu.uuid}): energy counter read failed: ${describeRc(api, e.rc)}`);
        return undefined;
      }
      const c = m.counter;
      // A counter below the last value restarted (driver reload): count from zero again.
      c.sinceStartMj += e.value >= c.lastMj ? e.value - c.lastMj : e.value;
      if (e.value < c.lastMj)
        note(`GPU ${gpu.index} (${gpu.uuid}): the energy counter restarted (driver reload?)`);
      c.lastMj = e.value;
      reading = { deviceId: info.id, energyJ: c.sinceStartMj / 1000 };
    } else {
      const p = api.deviceGetPowerUsage(gpu.handle);
      if (!p.ok) {
        note(`GPU ${gpu.index} (${gpu.uuid}): power read failed: ${describeRc(api, p.rc)}`);
        return undefined;
      }
      reading = { deviceId: info.id, powerW: p.value / 1000 };
    }
    const procs = processesOn(gpu);
    if ('rc' in procs) {
      note(
        `GPU ${gpu.index} (${gpu.uuid}): nvmlDeviceGetComputeRunningProcesses failed: ` +
          `${describeRc(api, procs.rc)}; the whole GPU is reported without a job share`,
      );
      return reading;
    }
    const share = shareOfGpu(procs.list, context.jobPids, pidVisible);
    if ('unknown' in share) {
      note(share.unknown);
      return reading;
    }
    return { ...reading, jobShare: share.share };
  };

  let closed = false;
  const sensor: SensorWithNotes = {
    name: 'nvml',
    devices: measured.map((m) => m.info),
    notes,
    read(context) {
      if (closed) return [];
      return measured.flatMap((m) => {
        const r = readOne(m, context);
        return r ? [r] : [];
      });
    },
    close() {
      if (closed) return;
      closed = true;
      api.shutdown();
    },
  };
  return ok(sensor);
}
