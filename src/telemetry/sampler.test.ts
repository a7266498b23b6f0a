import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixtureTree, raplTree } from '../../test/support/fixture-tree.js';
import type { DeviceInfo } from '../core/measurement.js';
import { createAttribution } from './attribution.js';
import { tdpShareAtLoad } from './cpu-load-curve.js';
import { createCpuModelSensor, createDramModelSensor } from './model-sensors.js';
import { probeRapl } from './rapl.js';
import { createSampler, trapezoidJ } from './sampler.js';
import type { Reading, Sensor } from './sensor.js';

/** A sensor that serves a list of power readings, one per read: captured power samples. */
function powerSeries(id: string, watts: readonly number[]): Sensor {
  const device: DeviceInfo = {
    id,
    kind: 'gpu',
    name: id,
    method: 'power',
    provenance: 'measured',
    source: 'captured',
  };
  let i = 0;
  return {
    name: 'series',
    devices: [device],
    read: (): Reading[] => [{ deviceId: id, powerW: watts[Math.min(i++, watts.length - 1)] as number }],
    close() {},
  };
}

test('power samples integrate by the trapezoid rule', () => {
  assert.equal(trapezoidJ(100, 300, 2000), 400);
  const sampler = createSampler([powerSeries('g', [100, 300, 300, 100])], 0);
  const energies = [1000, 2000, 3000].map((t) => sampler.tick(t)[0]?.energyJ);
  assert.deepEqual(energies, [200, 300, 200]);
});

test('counter deltas are exact, whatever the interval', () => {
  const root = raplTree({ pkg0: 0, pkg1: 0, dram0: 0 });
  const probe = probeRapl(root);
  assert.ok(probe.status === 'ok');
  const sampler = createSampler([probe.value], 0);
  writeFileSync(join(root, 'intel-rapl:0/energy_uj'), '25000000\n');
  const first = sampler.tick(1000).find((s) => s.deviceId === 'rapl:package-0');
  assert.equal(first?.energyJ, 25);
  writeFileSync(join(root, 'intel-rapl:0/energy_uj'), '75000000\n');
  const second = sampler.tick(3000).find((s) => s.deviceId === 'rapl:package-0');
  assert.deepEqual([second?.startMs, second?.endMs, second?.energyJ], [1000, 3000, 50]);
});

test('the CPU model follows the load curve and the DRAM model is constant', () => {
  const proc = fixtureTree({ stat: 'cpu  0 0 0 1000 0 0 0 0 0 0\n' });
  const cpu = createCpuModelSensor({ procRoot: proc, tdpW: 200, tdpSource: 'test', startMs: 0 });
  const dram = createDramModelSensor({ installedGb: 64, wattsPerGb: 0.3725, source: 'test', startMs: 0 });
  assert.ok(cpu.status === 'ok' && dram.status === 'ok');
  const sampler = createSampler([cpu.value, dram.value], 0);
  // 50 % load over the next 2 s: 500 busy ticks of 1000.
  writeFileSync(join(proc, 'stat'), 'cpu  500 0 0 1500 0 0 0 0 0 0\n');
  const samples = sampler.tick(2000);
  const cpuJ = samples.find((s) => s.deviceId === 'model:cpu')?.energyJ ?? 0;
  assert.ok(Math.abs(cpuJ - 200 * tdpShareAtLoad(0.5) * 2) < 1e-9, `${cpuJ}`);
  assert.ok(
    Math.abs((samples.find((s) => s.deviceId === 'model:dram')?.energyJ ?? 0) - 64 * 0.3725 * 2) < 1e-9,
  );
  assert.equal(cpu.value.devices[0]?.provenance, 'modelled');
});

test('the load curve: idle power is not zero, full load is about TDP, and it never falls', () => {
  assert.equal(tdpShareAtLoad(0), 0.12);
  assert.equal(tdpShareAtLoad(1), 1.02);
  for (let u = 0; u < 1; u += 0.01) assert.ok(tdpShareAtLoad(u + 0.01) >= tdpShareAtLoad(u));
});

test('attribution: the job gets its process tree share of CPU and memory', () => {
  const stat = (pid: number, ppid: number, ticks: number) =>
    `${pid} (p) S ${ppid} 0 0 0 -1 0 0 0 0 0 ${ticks} 0 0 0 20 0 1 0 0 0 0\n`;
  const proc = fixtureTree({
    stat: 'cpu  0 0 0 0 0 0 0 0 0 0\n',
    meminfo: 'MemTotal: 1000 kB\nMemAvailable: 600 kB\n',
    '10/stat': stat(10, 1, 0),
    '10/status': 'VmRSS: 100 kB\n',
    '10/task/10/children': '',
  });
  const attribution = createAttribution(proc, 10);
  writeFileSync(join(proc, 'stat'), 'cpu  400 0 0 0 0 0 0 0 0 0\n');
  writeFileSync(join(proc, '10/stat'), stat(10, 1, 100));
  const shares = attribution.sample();
  assert.equal(shares.cpu, 0.25);
  assert.equal(shares.memory, 0.25);
});
