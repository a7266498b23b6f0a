import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { raplTree } from '../../test/support/fixture-tree.js';
import { counterDelta, probeRapl } from './rapl.js';

const read = (sensor: {
  read: (c: { nowMs: number; jobPids: Set<number> }) => readonly { deviceId: string; energyJ?: number }[];
}) => Object.fromEntries(sensor.read({ nowMs: 0, jobPids: new Set() }).map((r) => [r.deviceId, r.energyJ]));

test('packages and dram are devices; core, psys and the MMIO duplicate are not (no double counting)', () => {
  const root = raplTree({ pkg0: 1_000_000, pkg1: 2_000_000, dram0: 500_000 });
  const probe = probeRapl(root, 'Intel Xeon Gold 6248');
  assert.equal(probe.status, 'ok');
  if (probe.status !== 'ok') return;
  assert.deepEqual(
    probe.value.devices.map((d) => [d.id, d.kind, d.method, d.provenance]),
    [
      ['rapl:package-0', 'cpu', 'counter', 'measured'],
      ['rapl:package-0/dram', 'dram', 'counter', 'measured'],
      ['rapl:package-1', 'cpu', 'counter', 'measured'],
    ],
  );
  assert.equal(probe.value.devices[0]?.model, 'Intel Xeon Gold 6248');
});

test('energy accumulates counter deltas in joules', () => {
  const root = raplTree({ pkg0: 1_000_000, pkg1: 0, dram0: 0 });
  const probe = probeRapl(root);
  assert.ok(probe.status === 'ok');
  writeFileSync(join(root, 'intel-rapl:0/energy_uj'), '26000000\n'); // +25 J
  assert.equal(read(probe.value)['rapl:package-0'], 25);
  writeFileSync(join(root, 'intel-rapl:0/energy_uj'), '51000000\n'); // +25 J
  assert.equal(read(probe.value)['rapl:package-0'], 50);
});

test('a counter that wraps at max_energy_range_uj is unfolded', () => {
  const max = 1_000_000_000;
  assert.equal(counterDelta(999_000_000, 4_000_000, max), 5_000_000);
  const root = raplTree({ pkg0: max - 2_000_000, pkg1: 0, dram0: 0 }, max);
  const probe = probeRapl(root);
  assert.ok(probe.status === 'ok');
  writeFileSync(join(root, 'intel-rapl:0/energy_uj'), '3000000\n'); // wrapped: 2 J before + 3 J after
  assert.equal(read(probe.value)['rapl:package-0'], 5);
});

test('no powercap tree is unavailable, with the reason', () => {
  const probe = probeRapl(join(raplTree({ pkg0: 0, pkg1: 0, dram0: 0 }), 'missing'));
  assert.equal(probe.status, 'unavailable');
  assert.match(probe.status === 'unavailable' ? probe.reason : '', /no RAPL powercap zones/);
});

test('permission denied is unavailable, with the fix (as an unprivileged reader)', () => {
  const root = raplTree({ pkg0: 1, pkg1: 1, dram0: 1 });
  for (const f of [
    'intel-rapl:0/energy_uj',
    'intel-rapl:0/intel-rapl:0:1/energy_uj',
    'intel-rapl:1/energy_uj',
  ]) {
    chmodSync(join(root, f), 0o000);
  }
  const module = fileURLToPath(new URL('./rapl.js', import.meta.url));
  // Root reads any file whatever its mode, so the probe runs as `nobody` when the tests run as root.
  const script = `
    if (process.getuid && process.getuid() === 0) { process.setgid(65534); process.setuid(65534); }
    const { probeRapl } = await import(${JSON.stringify(module)});
    console.log(JSON.stringify(probeRapl(${JSON.stringify(root)})));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const probe = JSON.parse(r.stdout) as { status: string; reason: string };
  assert.equal(probe.status, 'unavailable');
  assert.match(probe.reason, /readable by root only/);
  assert.match(probe.reason, /chmod a\+r/);
});
