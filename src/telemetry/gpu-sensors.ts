/**
 * Finds this host's GPU sensors, best first, and says what it tried: NVML in-process (energy
 * counters, per-process shares), else one long-lived nvidia-smi (power only), and AMD GPUs through
 * amd-smi / rocm-smi. Every path not used leaves a note for the user: no silent fallback.
 *
 * `FOOTPRINT_GPU_SENSORS` (comma list of `nvml`, `nvidia-smi`, `amd`, or `none`) limits the paths
 * tried, e.g. to compare NVML with nvidia-smi on one host, or to keep GPUs out of a test.
 */
import { existsSync } from 'node:fs';
import { startAmdSensor } from './amd-smi.js';
import { startNvidiaSmiSensor } from './nvidia-smi.js';
import { loadNvml } from './nvml-api.js';
import { createNvmlSensor } from './nvml-sensor.js';
import type { Sensor } from './sensor.js';
import type { SensorWithNotes } from './sensor-notes.js';

type Env = Readonly<Record<string, string | undefined>>;

const PATHS = ['nvml', 'nvidia-smi', 'amd'] as const;
type GpuPath = (typeof PATHS)[number];

function enabledPaths(env: Env, notes: string[]): ReadonlySet<GpuPath> {
  const value = env.FOOTPRINT_GPU_SENSORS;
  if (value === undefined || value.trim() === '') return new Set(PATHS);
  const asked = value.split(',').map((s) => s.trim().toLowerCase());
  const known = new Set<GpuPath>(PATHS.filter((p) => asked.includes(p)));
  const unknown = asked.filter((a) => a !== 'none' && !(PATHS as readonly string[]).includes(a));
  if (unknown.length > 0) {
    notes.push(`FOOTPRINT_GPU_SENSORS: ignoring ${unknown.join(', ')} (known: ${PATHS.join(', ')}, none)`);
  }
  notes.push(`GPU sensors limited by FOOTPRINT_GPU_SENSORS=${value}`);
  return known;
}

/** Whether a PID exists in this process's PID namespace (see nvml-sensor.ts on containers). */
function pidVisibleHere(): (pid: number) => boolean {
  if (!existsSync('/proc/self')) return () => true;
  return (pid) => existsSync(`/proc/${pid}`);
}

function summary(sensor: SensorWithNotes, prefix: string): string {
  const list = sensor.devices.map(
    (d) => `${d.name} (${d.method === 'counter' ? 'energy counter' : 'power'})`,
  );
  return `${prefix}: ${list.join(', ')}`;
}

/** Said whenever a path has no per-process data, so the attribution it implies is never silent. */
const WHOLE_GPUS = 'no per-process GPU data on this path: each visible GPU counts whole for the job';

export async function probeGpuSensors(
  env: Env,
  intervalMs: number,
): Promise<{ sensors: Sensor[]; notes: string[] }> {
  const notes: string[] = [];
  const sensors: Sensor[] = [];
  const paths = enabledPaths(env, notes);
  let nvidia: SensorWithNotes | undefined;

  if (paths.has('nvml')) {
    const api = loadNvml(env);
    if (api.status === 'ok') {
      const sensor = createNvmlSensor(api.value, env, { pidVisible: pidVisibleHere() });
      if (sensor.status === 'ok') {
        nvidia = sensor.value;
        const driver = api.value.systemGetDriverVersion();
        notes.push(
          summary(nvidia, `NVIDIA GPUs through NVML${driver.ok ? ` (driver ${driver.value})` : ''}`),
        );
      } else {
        api.value.shutdown();
        notes.push(`NVIDIA GPUs through NVML: not used: ${sensor.reason}`);
      }
    } else notes.push(`NVIDIA GPUs through NVML: not used: ${api.reason}`);
  }

  if (!nvidia && paths.has('nvidia-smi')) {
    const smi = await startNvidiaSmiSensor({ intervalMs, env });
    if (smi.status === 'ok') {
      nvidia = smi.value;
      notes.push(summary(nvidia, 'NVIDIA GPUs through nvidia-smi'), WHOLE_GPUS);
    } else notes.push(`NVIDIA GPUs through nvidia-smi: not used: ${smi.reason}`);
  }
  if (nvidia) {
    notes.push(...nvidia.notes);
    sensors.push(nvidia);
  }

  if (paths.has('amd')) {
    const amd = await startAmdSensor({ intervalMs, env });
    if (amd.status === 'ok') {
      notes.push(summary(amd.value, `AMD GPUs through ${amd.value.name}`), WHOLE_GPUS);
      notes.push(...amd.value.notes);
      sensors.push(amd.value);
    } else if (!nvidia) notes.push(`AMD GPUs: not used: ${amd.reason}`);
  }
  if (sensors.length === 0) notes.push('no GPU energy is measured (see the notes above for each way tried)');
  return { sensors, notes };
}
