/**
 * Issue 4 benchmarks: ingest of 1,000,000 samples into a SQLite ledger (10,000 runs × 2 devices ×
 * 50 intervals), and `footprint report` over those 10,000 runs (whole CLI process, median of 5).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DeviceInfo, EnergySample } from '../src/core/measurement.js';
import { openSqliteLedger } from '../src/ledger/sqlite-ledger.js';
import { type Figure, median } from './measure.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const RUNS = 10_000;
const INTERVALS = 50;

const DEVICES: DeviceInfo[] = [
  {
    id: 'rapl:package-0',
    kind: 'cpu',
    name: 'package-0',
    model: 'AMD EPYC 7763',
    method: 'counter',
    provenance: 'measured',
    source: 'bench',
  },
  {
    id: 'nvml:GPU-bench',
    kind: 'gpu',
    name: 'NVIDIA A100-SXM4-80GB',
    model: 'NVIDIA A100-SXM4-80GB',
    method: 'counter',
    provenance: 'measured',
    source: 'bench',
  },
];

export async function reportBenchmarks(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'footprint-bench-report-'));
  const path = join(dir, 'ledger.db');
  const ledger = openSqliteLedger(path);
  const t0 = Date.UTC(2026, 0, 1);
  // Runs and devices first; the timed part is the samples alone.
  for (let r = 0; r < RUNS; r++) {
    const id = `r${String(r).padStart(6, '0')}`;
    await ledger.createRun({
      id,
      command: ['python', 'train.py', `--seed=${r}`],
      cwd: '/',
      host: 'bench',
      wrapperPid: 1,
      startMs: t0 + r * 60_000,
      phase: r % 10 === 0 ? 'inference' : r % 3 === 0 ? 'experimentation' : 'training',
      project: 'bench',
      model: `model-${r % 5}`,
      tags: {},
      intervalS: 1,
      site: { zone: r % 2 ? 'FR' : 'US-CAL-CISO' },
    });
    await ledger.addDevices(id, DEVICES);
  }
  const batches: { id: string; samples: EnergySample[] }[] = [];
  for (let r = 0; r < RUNS; r++) {
    const id = `r${String(r).padStart(6, '0')}`;
    const start = t0 + r * 60_000;
    const samples: EnergySample[] = [];
    for (let i = 0; i < INTERVALS; i++) {
      for (const d of DEVICES) {
        samples.push({
          deviceId: d.id,
          startMs: start + i * 1000,
          endMs: start + (i + 1) * 1000,
          energyJ: d.kind === 'gpu' ? 300 : 120,
          attributedJ: d.kind === 'gpu' ? 300 : 90,
        });
      }
    }
    batches.push({ id, samples });
  }
  const started = process.hrtime.bigint();
  for (const b of batches) {
    await ledger.appendSamples(b.id, b.samples);
    await ledger.finishRun(b.id, {
      endMs: (b.samples.at(-1)?.endMs ?? 0) + 1,
      status: 'completed',
      exitCode: 0,
    });
  }
  const ingestS = Number(process.hrtime.bigint() - started) / 1e9;
  const samples = RUNS * INTERVALS * DEVICES.length;
  await ledger.close();

  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const s = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [CLI, 'report', '--ledger', path, '--json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    if (r.status !== 0) throw new Error(`report failed: ${r.stderr}`);
    if (i > 0) times.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const reportMs = median(times);
  return [
    {
      name: `ingest, ${samples.toLocaleString('en-US')} samples in ${RUNS.toLocaleString('en-US')} batches (SQLite)`,
      value: samples / ingestS,
      unit: 'samples/s',
      target: '≥ 200,000/s',
      met: samples / ingestS >= 200_000,
    },
    {
      name: `footprint report over ${RUNS.toLocaleString('en-US')} runs / ${samples.toLocaleString('en-US')} samples (CLI)`,
      value: reportMs,
      unit: 'ms',
      target: '< 1 s',
      met: reportMs < 1000,
    },
  ];
}
