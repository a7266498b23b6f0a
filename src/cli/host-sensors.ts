/**
 * Chooses this host's sensors, best first, and says why each better one was not used — the
 * notes are shown to the user (no silent fallback):
 * CPU: RAPL package counters, else TDP × load curve (TDP from the hardware table, else a
 *      per-thread default from the table's median); DRAM: RAPL dram counters, else W/GB × installed
 *      memory; GPUs: NVML, else nvidia-smi, else AMD tools.
 */
import { COMPONENTS } from '../data/components.js';
import { CHIPS, findChipByReportedName } from '../data/hardware/catalog.js';
import { probeGpuSensors } from '../telemetry/gpu-sensors.js';
import { createCpuModelSensor, createDramModelSensor } from '../telemetry/model-sensors.js';
import { procRoot, readCpuModel, readMemInfo } from '../telemetry/procfs.js';
import { powercapRoot, probeRapl } from '../telemetry/rapl.js';
import type { Sensor } from '../telemetry/sensor.js';

export interface HostSensors {
  readonly sensors: readonly Sensor[];
  readonly notes: readonly string[];
  readonly hostMemoryGb?: number;
}

/** Median TDP per hardware thread of the server CPUs in the table: the default for an unknown CPU. */
export function perThreadDefaultW(): number {
  const perThread = CHIPS.filter((c) => c.type === 'cpu' && c.threads)
    .map((c) => c.tdp_w / (c.threads as number))
    .sort((a, b) => a - b);
  return perThread[Math.floor(perThread.length / 2)] ?? 2;
}

export async function probeHostSensors(
  env: Readonly<Record<string, string | undefined>>,
  startMs: number,
  intervalMs: number,
): Promise<HostSensors> {
  const notes: string[] = [];
  const sensors: Sensor[] = [];
  const proc = procRoot(env);
  const cpu = readCpuModel(proc);
  const mem = readMemInfo(proc);
  const hostMemoryGb = mem ? mem.totalBytes / 1024 ** 3 : undefined;

  const rapl = probeRapl(powercapRoot(env), cpu?.model);
  const raplKinds = new Set(rapl.status === 'ok' ? rapl.value.devices.map((d) => d.kind) : []);
  if (rapl.status === 'ok') sensors.push(rapl.value);
  else notes.push(`CPU power modelled: ${rapl.reason}`);

  if (!raplKinds.has('cpu')) {
    const chip = cpu ? findChipByReportedName(cpu.model) : undefined;
    const threads = cpu?.threads ?? 1;
    const tdpW = chip ? chip.tdp_w * (cpu?.sockets ?? 1) : perThreadDefaultW() * threads;
    const tdpSource = chip
      ? `hardware table: ${chip.name} × ${cpu?.sockets ?? 1} socket(s)`
      : `"${cpu?.model ?? 'unknown CPU'}" is not in the hardware table: ${perThreadDefaultW().toFixed(2)} W per thread (median of the table) × ${threads} threads`;
    if (!chip) notes.push(`CPU TDP defaulted: ${tdpSource}`);
    const model = createCpuModelSensor({
      procRoot: proc,
      tdpW,
      tdpSource,
      ...(cpu ? { cpuModel: cpu.model } : {}),
      startMs,
    });
    if (model.status === 'ok') sensors.push(model.value);
    else notes.push(`no CPU energy at all: ${model.reason}`);
  }
  if (!raplKinds.has('dram')) {
    const figure = COMPONENTS.dram.power_w_per_gb;
    const dram = createDramModelSensor({
      installedGb: hostMemoryGb ?? 0,
      wattsPerGb: figure.value,
      source: figure.source,
      startMs,
    });
    if (dram.status === 'ok') {
      sensors.push(dram.value);
      if (rapl.status === 'ok') notes.push('DRAM power modelled: this CPU exposes no RAPL dram zone');
    } else notes.push(`no DRAM energy: ${dram.reason}`);
  }
  const gpus = await probeGpuSensors(env, intervalMs);
  sensors.push(...gpus.sensors);
  notes.push(...gpus.notes);
  return { sensors, notes, ...(hostMemoryGb === undefined ? {} : { hostMemoryGb }) };
}
