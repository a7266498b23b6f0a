/**
 * Issue 3 benchmarks: the wrapper's own CPU time per sample, its peak RSS, and the wall time
 * `footprint run -- true` adds over `true`. The wrapper is observed from outside through
 * /proc/<pid>/stat and status, like any other process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Figure, median } from './measure.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const TICK_MS = 10; // USER_HZ = 100 on Linux

const env = () => ({ ...process.env, FOOTPRINT_HOME: mkdtempSync(join(tmpdir(), 'footprint-bench-')) });

function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * TICK_MS;
}

const peakRssMb = (pid: number): number =>
  Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+)/m)?.[1]) / 1024;

async function wrapperCost(
  intervalS: number,
  seconds: number,
): Promise<{ perSampleMs: number; rssMb: number }> {
  const p = spawn(
    process.execPath,
    [CLI, 'run', '--quiet', '--interval', String(intervalS), '--', 'sleep', String(seconds)],
    { env: env(), stdio: 'ignore' },
  );
  const pid = p.pid as number;
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await wait(2000); // past start-up and sensor probing
  const cpu0 = cpuMs(pid);
  await wait((seconds - 3) * 1000);
  const cpu1 = cpuMs(pid);
  const rssMb = peakRssMb(pid);
  await new Promise((r) => p.once('exit', r));
  const samples = (seconds - 3) / intervalS;
  return { perSampleMs: (cpu1 - cpu0) / samples, rssMb };
}

function overheadMs(runs: number): number {
  const time = (args: string[]) => {
    const start = process.hrtime.bigint();
    spawnSync(args[0] as string, args.slice(1), { env: env(), stdio: 'ignore' });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const bare: number[] = [];
  const wrapped: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(time(['true']));
    wrapped.push(time([process.execPath, CLI, 'run', '--quiet', '--', 'true']));
  }
  return median(wrapped) - median(bare);
}

export async function telemetryBenchmarks(): Promise<Figure[]> {
  // Many samples at a short interval resolve the 10 ms CPU-time ticks; the cost of one sample does not
  // depend on the interval. The 1 s run gives the RSS of a realistic wrapper.
  const fast = await wrapperCost(0.05, 13);
  const real = await wrapperCost(1, 13);
  const overhead = overheadMs(9);
  return [
    {
      name: 'wrapper CPU time per sample (fallback sensors)',
      value: fast.perSampleMs,
      unit: 'ms',
      target: '≤ 2 ms',
      met: fast.perSampleMs <= 2,
    },
    {
      name: 'wrapper peak RSS at 1 s interval',
      value: real.rssMb,
      unit: 'MB',
      target: '≤ 120 MB',
      met: real.rssMb <= 120,
    },
    {
      name: 'wall time footprint run -- true adds over true',
      value: overhead,
      unit: 'ms',
      target: '≤ 300 ms',
      met: overhead <= 300,
    },
  ];
}
