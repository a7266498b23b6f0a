/**
 * Issue 2 benchmarks: whole-CLI estimate latency, core pricing throughput, Monte Carlo speed.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Job } from '../src/core/job.js';
import { simulate } from '../src/core/monte-carlo.js';
import { priceJob } from '../src/core/price.js';
import { range } from '../src/core/uncertainty.js';
import { type Figure, median, timeMs } from './measure.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const SPEC = fileURLToPath(new URL('../../examples/t5-pretraining.yaml', import.meta.url));

function cliLatencyMs(runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [CLI, 'estimate', SPEC, '--json'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`estimate failed: ${r.stderr}`);
    if (i >= 2) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

const groups = (n: number): Job['groups'] =>
  Array.from({ length: n }, (_, i) => ({
    label: `group ${i}`,
    kind: 'gpu' as const,
    count: 8,
    deviceHours: 8 * 100,
    energy: { kind: 'power' as const, watts: range(200, 300, 330), idleWatts: 50 },
    embodied: {
      kgPerDevice: range(75, 150, 240),
      lifetimeYears: range(3, 4, 6),
      utilization: range(0.3, 0.5, 0.8),
    },
  }));

const job = (n: number): Job => ({
  phase: 'training',
  groups: groups(n),
  site: { pue: range(1.1, 1.56, 2), intensity: range(300, 400, 450), cfe: range(0, 0.2, 0.3) },
  provenance: [],
});

export function estimateBenchmarks(): Figure[] {
  const cli = cliLatencyMs(15);

  const wide = job(100);
  const repeats = 20_000;
  let sink = 0; // consumed below, so the pricing cannot be optimised away
  const priceMs = timeMs(() => {
    for (let i = 0; i < repeats; i++) sink += priceJob(wide).totalGco2e;
  }, 7);
  if (!Number.isFinite(sink)) throw new Error('pricing produced a non-finite total');
  const groupsPerSecond = (repeats * wide.groups.length) / (priceMs / 1000);

  const typical = job(3);
  const mcMs = timeMs(() => simulate(typical, { draws: 100_000, seed: 1 }), 7);
  const drawsPerSecond = 100_000 / (mcMs / 1000);

  return [
    {
      name: 'estimate CLI, whole process (median of 15)',
      value: cli,
      unit: 'ms',
      target: '< 300 ms',
      met: cli < 300,
    },
    {
      name: 'core pricing, device-group estimates per second',
      value: groupsPerSecond,
      unit: '/s',
      target: '≥ 1,000,000/s',
      met: groupsPerSecond >= 1e6,
    },
    {
      name: 'Monte Carlo, 100,000 draws of a 3-group job',
      value: mcMs,
      unit: 'ms',
      target: '< 200 ms',
      met: mcMs < 200,
    },
    {
      name: 'Monte Carlo draws per second',
      value: drawsPerSecond,
      unit: '/s',
      target: '≥ 500,000/s',
      met: drawsPerSecond >= 5e5,
    },
  ];
}
