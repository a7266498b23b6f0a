#!/usr/bin/env node
/**
 * Checks the NVML binding and sensor on a real NVIDIA GPU host (CI has none). Build first
 * (`npx tsc -p .`), start a GPU load, then run:
 *
 *   node scripts/gpu-check.mjs [--seconds 10] [--interval-ms 200] [--pid PID …] [--capture FILE]
 *
 * It prints the driver version and every GPU (name, UUID, MIG mode, energy counter or not), then
 * reads the Footprint NVML sensor every interval and prints one JSON line per GPU per read: t (s),
 * energyJ (the sensor's counter energy since start), powerW (nvmlDeviceGetPowerUsage, read beside
 * it), jobShare (for the PIDs given with --pid). At the end, per GPU with a counter: the counter's
 * energy over the window against the trapezoid integral of the power samples over the same window,
 * and their relative difference. --capture writes the raw NVML answers in the replay format of
 * test/fixtures/nvml, for a new test fixture.
 *
 * Without a GPU (no driver, no library) it says so and exits 0.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const dist = new URL('../dist/src/telemetry/', import.meta.url);
if (!existsSync(new URL('nvml-api.js', dist))) {
  console.error('gpu-check: dist/ is missing: build first with `npx tsc -p .`');
  process.exit(1);
}
const { loadNvml } = await import(new URL('nvml-api.js', dist).href);
const { createNvmlSensor } = await import(new URL('nvml-sensor.js', dist).href);

function options(argv) {
  const o = { seconds: 10, intervalMs: 200, pids: [], capture: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--seconds') o.seconds = Number(v);
    else if (a === '--interval-ms') o.intervalMs = Number(v);
    else if (a === '--pid') o.pids.push(Number(v));
    else if (a === '--capture') o.capture = v;
    else {
      console.error(`gpu-check: unknown argument ${a}`);
      process.exit(2);
    }
    i++;
  }
  return o;
}
const opts = options(process.argv.slice(2));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const nvml = loadNvml(process.env);
if (nvml.status !== 'ok') {
  console.log(`gpu-check: no NVIDIA GPU can be read on this machine: ${nvml.reason}`);
  process.exit(0);
}
const api = nvml.value;
const driver = api.systemGetDriverVersion();
console.log(`# ${api.description}`);
console.log(`# driver ${driver.ok ? driver.value : `unknown (${api.errorString(driver.rc)})`}`);

const count = api.deviceGetCount();
if (!count.ok || count.value === 0) {
  console.log(`gpu-check: NVML loads but lists no GPU${count.ok ? '' : ` (${api.errorString(count.rc)})`}`);
  api.shutdown();
  process.exit(0);
}
/** Our own handles per GPU, for the power reads beside the sensor and for --capture. */
const gpus = [];
for (let index = 0; index < count.value; index++) {
  const h = api.deviceGetHandleByIndex(index);
  if (!h.ok) {
    console.log(`# GPU ${index}: no handle (${api.errorString(h.rc)})`);
    continue;
  }
  const uuid = api.deviceGetUUID(h.value);
  const name = api.deviceGetName(h.value);
  const energy = api.deviceGetTotalEnergyConsumption(h.value);
  const power = api.deviceGetPowerUsage(h.value);
  const mig = api.deviceGetMigMode(h.value);
  const maxMig = api.deviceGetMaxMigDeviceCount(h.value);
  const migDevices = [];
  if (mig.ok && mig.value.current === 1 && maxMig.ok) {
    for (let slot = 0; slot < maxMig.value; slot++) {
      const m = api.deviceGetMigDeviceHandleByIndex(h.value, slot);
      if (!m.ok) continue;
      const mu = api.deviceGetUUID(m.value);
      migDevices.push({ slot, handle: m.value, uuid: mu.ok ? mu.value : `unknown (${api.errorString(mu.rc)})` });
    }
  }
  const procs = api.deviceGetComputeRunningProcesses(h.value);
  const gpu = {
    index,
    handle: h.value,
    uuid: uuid.ok ? uuid.value : `unknown (${api.errorString(uuid.rc)})`,
    name: name.ok ? name.value : `unknown (${api.errorString(name.rc)})`,
    counter: energy.ok,
    mig,
    maxMig,
    migDevices,
    raw: { energy: [], power: [], procs: [] },
  };
  gpus.push(gpu);
  console.log(
    `# GPU ${index}: ${gpu.name} ${gpu.uuid} — energy counter: ${
      energy.ok ? `yes (${energy.value} mJ since driver load)` : `no (${api.errorString(energy.rc)})`
    }; power: ${power.ok ? `${power.value / 1000} W` : api.errorString(power.rc)}; MIG: ${
      mig.ok ? (mig.value.current === 1 ? `on, ${migDevices.length} instance(s) ${migDevices.map((m) => m.uuid).join(' ')}` : 'off') : api.errorString(mig.rc)
    }; compute processes: ${
      procs.ok ? JSON.stringify(procs.value) : api.errorString(procs.rc)
    }`,
  );
}

const probe = createNvmlSensor(api, process.env, {});
if (probe.status !== 'ok') {
  console.log(`gpu-check: the Footprint NVML sensor is unavailable: ${probe.reason}`);
  api.shutdown();
  process.exit(0);
}
const sensor = probe.value;
for (const d of sensor.devices) console.log(`# sensor device ${d.id}: ${d.method}, ${d.source}`);

const jobPids = new Set(opts.pids);
const series = new Map(); // deviceId → [{t, energyJ, powerW}]
const start = performance.now();
const rawCapture = (gpu) => {
  const e = api.deviceGetTotalEnergyConsumption(gpu.handle);
  const p = api.deviceGetPowerUsage(gpu.handle);
  const pr = api.deviceGetComputeRunningProcesses(gpu.handle);
  gpu.raw.energy.push(e.ok ? e.value : { rc: e.rc });
  gpu.raw.power.push(p.ok ? p.value : { rc: p.rc });
  gpu.raw.procs.push(
    pr.ok ? pr.value.map((x) => ({ pid: x.pid, usedGpuMemory: x.usedGpuMemoryBytes ?? null })) : { rc: pr.rc },
  );
};
const ticks = Math.max(2, Math.round((opts.seconds * 1000) / opts.intervalMs) + 1);
for (let k = 0; k < ticks; k++) {
  const t = (performance.now() - start) / 1000;
  const readings = sensor.read({ nowMs: Date.now(), jobPids });
  for (const r of readings) {
    const gpu = gpus.find((g) => `nvml:${g.uuid}` === r.deviceId);
    const p = gpu ? api.deviceGetPowerUsage(gpu.handle) : undefined;
    const powerW = r.powerW ?? (p?.ok ? p.value / 1000 : undefined);
    const row = { t: Number(t.toFixed(3)), device: r.deviceId, energyJ: r.energyJ ?? null, powerW: powerW ?? null };
    if (r.jobShare !== undefined) row.jobShare = r.jobShare;
    console.log(JSON.stringify(row));
    if (!series.has(r.deviceId)) series.set(r.deviceId, []);
    series.get(r.deviceId).push(row);
  }
  if (opts.capture) for (const g of gpus) rawCapture(g);
  await sleep(Math.max(0, start + (k + 1) * opts.intervalMs - performance.now()));
}

for (const [device, rows] of series) {
  const withEnergy = rows.filter((r) => r.energyJ !== null && r.powerW !== null);
  if (withEnergy.length < 2) {
    console.log(JSON.stringify({ device, summary: 'no counter on this GPU: power samples only' }));
    continue;
  }
  const first = withEnergy[0];
  const last = withEnergy.at(-1);
  const counterJ = last.energyJ - first.energyJ;
  let trapezoidJ = 0;
  for (let i = 1; i < withEnergy.length; i++) {
    const a = withEnergy[i - 1];
    const b = withEnergy[i];
    trapezoidJ += ((a.powerW + b.powerW) / 2) * (b.t - a.t);
  }
  const seconds = last.t - first.t;
  const relativeDifference = counterJ > 0 ? (trapezoidJ - counterJ) / counterJ : null;
  console.log(
    JSON.stringify({
      device,
      windowS: Number(seconds.toFixed(3)),
      counterJ: Number(counterJ.toFixed(3)),
      trapezoidJ: Number(trapezoidJ.toFixed(3)),
      meanPowerW: Number((counterJ / seconds).toFixed(2)),
      relativeDifference: relativeDifference === null ? null : Number(relativeDifference.toFixed(4)),
    }),
  );
  console.log(
    `# ${device}: counter ${counterJ.toFixed(1)} J vs trapezoid of power ${trapezoidJ.toFixed(1)} J over ${seconds.toFixed(2)} s` +
      (relativeDifference === null ? '' : ` (${(relativeDifference * 100).toFixed(2)} %)`),
  );
}
if (sensor.notes.length > 0) for (const n of sensor.notes) console.log(`# note: ${n}`);

if (opts.capture) {
  const capture = {
    capture: `gpu-check.mjs --capture: ${gpus.length} GPU(s), driver ${driver.ok ? driver.value : 'unknown'}, every ${opts.intervalMs} ms for ${opts.seconds} s`,
    driverVersion: driver.ok ? driver.value : 'unknown',
    gpus: gpus.map((g) => ({
      uuid: g.uuid,
      name: g.name,
      migMode: g.mig.ok ? g.mig.value : { rc: g.mig.rc },
      ...(g.maxMig.ok ? { maxMigDeviceCount: g.maxMig.value } : {}),
      migDevices: g.migDevices.map((m) => {
        const pr = api.deviceGetComputeRunningProcesses(m.handle);
        return {
          slot: m.slot,
          uuid: m.uuid,
          computeRunningProcesses: pr.ok
            ? [pr.value.map((x) => ({ pid: x.pid, usedGpuMemory: x.usedGpuMemoryBytes ?? null }))]
            : { rc: pr.rc },
        };
      }),
      totalEnergyConsumption: g.raw.energy,
      powerUsage: g.raw.power,
      computeRunningProcesses: g.raw.procs,
    })),
  };
  writeFileSync(opts.capture, `${JSON.stringify(capture, null, 2)}\n`);
  console.log(`# capture written to ${opts.capture}`);
}
sensor.close();
