/**
 * `footprint run` end to end, through the real CLI: a CPU-bound child measured by the fallback
 * model, exit codes and signals, a killed wrapper, concurrent runs on one ledger, RAPL energy
 * from a fixture counter advanced at a known rate, and phase markers.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, runCli } from './support/cli.js';
import { freshHome } from './support/footprint-home.js';

const BUSY = (ms: number) => `const t = Date.now(); while (Date.now() - t < ${ms}) {}`;

interface RunJson {
  run: { id: string; status: string; exitCode?: number };
  devices: {
    id: string;
    kind: string;
    provenance: string;
    energy_kwh: number;
    attributed_energy_kwh: number;
  }[];
  phases: { phase: string }[];
  footprint: { energy_kwh: number; total_gco2e: number; embodied_gco2e: number };
}

/** `footprint run --json` prints its JSON as the last line, after the command's own output. */
const lastLine = (stdout: string): unknown => JSON.parse(stdout.trimEnd().split('\n').at(-1) ?? '');

const show = (env: NodeJS.ProcessEnv, ref = 'last'): RunJson => {
  const r = runCli(['show', ref, '--json'], { env });
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as RunJson;
};

test('a CPU-bound child: energy > 0 from the fallback model, and the run is in the ledger', () => {
  const { env } = freshHome();
  const r = runCli(
    [
      'run',
      '--interval',
      '0.2',
      '--json',
      '--',
      process.execPath,
      '-e',
      `console.log('child says hi'); ${BUSY(1500)}`,
    ],
    { env },
  );
  assert.equal(r.code, 0, r.stderr);
  const out = lastLine(r.stdout) as RunJson & { notes: string[] };
  assert.equal(out.run.status, 'completed');
  const cpu = out.devices.find((d) => d.kind === 'cpu');
  assert.ok(cpu && cpu.provenance === 'modelled' && cpu.energy_kwh > 0, JSON.stringify(out.devices));
  assert.ok(cpu.attributed_energy_kwh > 0 && cpu.attributed_energy_kwh <= cpu.energy_kwh);
  assert.ok(
    out.notes.some((n) => /CPU power modelled/.test(n)),
    'the fallback is said, not silent',
  );
  assert.ok(out.footprint.total_gco2e > 0 && out.footprint.embodied_gco2e > 0);
  const ls = runCli(['ls', '--json'], { env });
  assert.deepEqual(
    (JSON.parse(ls.stdout) as { id: string }[]).map((x) => x.id),
    [out.run.id],
  );
});

test("the wrapper exits with the child's code, 128 + signal when killed, 127 when not found", () => {
  const { env } = freshHome();
  assert.equal(runCli(['run', '--quiet', '--', process.execPath, '-e', 'process.exit(3)'], { env }).code, 3);
  assert.equal(show(env).run.status, 'failed');
  assert.equal(
    runCli(['run', '--quiet', '--', process.execPath, '-e', "process.kill(process.pid, 'SIGKILL')"], { env })
      .code,
    137,
  );
  const missing = runCli(['run', '--quiet', '--', 'no-such-command-xyz'], { env });
  assert.equal(missing.code, 127);
  assert.match(missing.stderr, /command not found/);
});

test('SIGTERM, SIGINT and SIGHUP to the wrapper reach the child', async () => {
  const { env } = freshHome();
  for (const [signal, code] of [
    ['SIGTERM', 42],
    ['SIGINT', 43],
    ['SIGHUP', 44],
  ] as const) {
    const script = `process.on('${signal}', () => process.exit(${code})); console.log('ready'); setInterval(() => {}, 1000);`;
    const wrapper = spawn(process.execPath, [CLI, 'run', '--quiet', '--', process.execPath, '-e', script], {
      env: { ...process.env, ...env },
    });
    await new Promise<void>((resolve) => wrapper.stdout.once('data', () => resolve()));
    wrapper.kill(signal);
    const exit = await new Promise<number | null>((resolve) => wrapper.once('exit', (c) => resolve(c)));
    assert.equal(exit, code, `${signal}`);
  }
});

test('kill -9 of the wrapper: the next command marks the run interrupted and keeps its samples', async () => {
  const { env } = freshHome();
  const wrapper = spawn(process.execPath, [CLI, 'run', '--quiet', '--interval', '0.2', '--', 'sleep', '30'], {
    env: { ...process.env, ...env },
  });
  await new Promise((r) => setTimeout(r, 6500)); // past the first 5 s flush
  wrapper.kill('SIGKILL');
  await new Promise((r) => wrapper.once('exit', r));
  spawnSync('pkill', ['-f', 'sleep 30']);
  const ls = runCli(['ls', '--json'], { env });
  const runs = JSON.parse(ls.stdout) as { status: string; energy_kwh: number }[];
  assert.equal(runs.length, 1);
  assert.equal(runs[0]?.status, 'interrupted');
  assert.ok((runs[0]?.energy_kwh ?? 0) > 0, 'samples flushed before the kill are kept');
});

test('ten concurrent runs on one ledger lose nothing', async () => {
  const { env } = freshHome();
  const runs = Array.from(
    { length: 10 },
    () =>
      new Promise<number | null>((resolve) => {
        const p = spawn(
          process.execPath,
          [CLI, 'run', '--quiet', '--interval', '0.1', '--', process.execPath, '-e', BUSY(800)],
          {
            env: { ...process.env, ...env },
            stdio: 'ignore',
          },
        );
        p.once('exit', (c) => resolve(c));
      }),
  );
  assert.deepEqual(await Promise.all(runs), Array(10).fill(0));
  const list = JSON.parse(runCli(['ls', '--json'], { env }).stdout) as {
    status: string;
    sampleCount: number;
  }[];
  assert.equal(list.length, 10);
  assert.ok(
    list.every((r) => r.status === 'completed' && r.sampleCount > 0),
    JSON.stringify(list.map((r) => [r.status, r.sampleCount])),
  );
});

test('RAPL: a counter advanced at 25 W is reported within 5 % over footprint run -- sleep 10', async () => {
  const { home, env } = freshHome();
  const root = join(home, 'powercap');
  const zone = join(root, 'intel-rapl:0');
  mkdirSync(zone, { recursive: true });
  writeFileSync(join(zone, 'name'), 'package-0\n');
  writeFileSync(join(zone, 'max_energy_range_uj'), '262143328850\n');
  // The writer advances energy_uj at 25 W (25 J/s = 25,000,000 µJ/s), replacing the file atomically.
  const writer = `
    const { writeFileSync, renameSync } = require('node:fs');
    const t0 = Date.now();
    const put = () => { writeFileSync(${JSON.stringify(join(zone, 'e.tmp'))}, String(Math.round((Date.now() - t0) * 25000)) + '\\n'); renameSync(${JSON.stringify(join(zone, 'e.tmp'))}, ${JSON.stringify(join(zone, 'energy_uj'))}); };
    put(); setInterval(put, 20);`;
  writeFileSync(join(zone, 'energy_uj'), '0\n');
  const w = spawn(process.execPath, ['-e', writer], { stdio: 'ignore' });
  try {
    await new Promise((r) => setTimeout(r, 200));
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const p = spawn(process.execPath, [CLI, 'run', '--json', '--', 'sleep', '10'], {
        env: { ...process.env, ...env, FOOTPRINT_POWERCAP_ROOT: root },
      });
      let stdout = '';
      p.stdout.on('data', (d) => (stdout += d));
      p.once('exit', (code) => resolve({ code, stdout }));
    });
    assert.equal(result.code, 0);
    const out = lastLine(result.stdout) as RunJson & { run: { startMs: number; endMs: number } };
    const pkg = out.devices.find((d) => d.id === 'rapl:package-0');
    assert.ok(pkg, 'package domain found');
    assert.equal(pkg.provenance, 'measured');
    const seconds = (out.run.endMs - out.run.startMs) / 1000;
    const watts = (pkg.energy_kwh * 3.6e6) / seconds;
    assert.ok(
      Math.abs(watts - 25) / 25 < 0.05,
      `measured ${watts.toFixed(2)} W over ${seconds.toFixed(2)} s`,
    );
  } finally {
    w.kill();
  }
});

test('phase markers from inside the job split the run by phase', () => {
  const { env } = freshHome();
  const script = [
    `${process.execPath} -e "${BUSY(400)}"`,
    'footprint mark train --phase training epoch=1',
    `${process.execPath} -e "${BUSY(400)}"`,
    'footprint mark eval --phase inference',
    `${process.execPath} -e "${BUSY(400)}"`,
  ].join(' && ');
  const r = runCli(['run', '--quiet', '--phase', 'data', '--interval', '0.1', '--', 'sh', '-c', script], {
    env,
  });
  assert.equal(r.code, 0, r.stderr);
  const report = show(env);
  assert.deepEqual(
    report.phases.map((p) => p.phase),
    ['data', 'training', 'inference'],
  );
  const bad = runCli(['mark', 'x'], { env });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /FOOTPRINT_RUN_ID is not set/);
});
