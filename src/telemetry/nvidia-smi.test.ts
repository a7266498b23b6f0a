/**
 * The nvidia-smi fallback: line parsing on captured output, and the long-lived process driven by a
 * fake `nvidia-smi` (test/fixtures/bin) that replays captured lines and logs each start — so the
 * tests prove one process serves many reads, and that close() ends it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseSmiLine, parseSmiList, startNvidiaSmiSensor } from './nvidia-smi.js';
import type { Probe } from './sensor.js';
import type { SensorWithNotes } from './sensor-notes.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));
const BIN = join(FIXTURES, 'bin');
const SMI = join(FIXTURES, 'nvidia-smi');

function fakeEnv(extra: Record<string, string>): { env: Record<string, string | undefined>; log: string } {
  const log = join(mkdtempSync(join(tmpdir(), 'footprint-smi-')), 'starts.log');
  return {
    env: { ...process.env, PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}`, FAKE_SMI_LOG: log, ...extra },
    log,
  };
}

function starts(log: string): { pid: number; args: string[] }[] {
  let text = '';
  try {
    text = readFileSync(log, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { pid: number; args: string[] });
}

function sensorOf(probe: Probe<SensorWithNotes>): SensorWithNotes {
  assert.equal(probe.status, 'ok', probe.status === 'unavailable' ? probe.reason : '');
  if (probe.status !== 'ok') throw new Error('unreachable');
  return probe.value;
}

const A100X4_IDS = [
  'nvidia-smi:GPU-2f6e8a41-0c7b-4d3e-9a15-b86f2d4c7e90',
  'nvidia-smi:GPU-71c0d9b2-e5a3-3f68-04d7-c1e8b5a2f964',
  'nvidia-smi:GPU-0b7d3e95-a1c4-62f8-d930-4e5f1a8c2b67',
  'nvidia-smi:GPU-c4a29f17-3e8b-b5d0-72e6-9f1d0c3a8e45',
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('parseSmiLine reads captured lines, bracketed non-values and malformed lines', () => {
  const [line] = readFileSync(join(SMI, 'a100x4.csv'), 'utf8').split('\n');
  assert.deepEqual(parseSmiLine(line ?? ''), {
    index: 0,
    uuid: 'GPU-2f6e8a41-0c7b-4d3e-9a15-b86f2d4c7e90',
    name: 'NVIDIA A100-SXM4-80GB',
    powerW: 61.27,
  });
  const [na] = readFileSync(join(SMI, 'geforce-na.csv'), 'utf8').split('\n');
  assert.deepEqual(parseSmiLine(na ?? ''), {
    index: 0,
    uuid: 'GPU-8a3c51e0-d7f4-19b2-6e0a-5c4d3b2a1f09',
    name: 'NVIDIA GeForce GTX 1050 Ti',
  });
  assert.equal('powerW' in parseSmiLine('1, GPU-ab, [Not Supported], Tesla K80'), false);
  assert.deepEqual(parseSmiLine('0, GPU-ab, 12.5, Some, Name'), {
    index: 0,
    uuid: 'GPU-ab',
    name: 'Some, Name',
    powerW: 12.5,
  });
  for (const bad of [
    'No devices were found',
    '0, GPU-ab, watts, X',
    'x, GPU-ab, 1, X',
    '0, 1234, 1, X',
    '0, GPU-a, -3, X',
  ]) {
    assert.ok('error' in parseSmiLine(bad), bad);
  }
});

test('a real H200 capture (driver 580) parses line for line', () => {
  const lines = readFileSync(join(SMI, 'h200.csv'), 'utf8').split('\n').filter(Boolean);
  const samples = lines.map(parseSmiLine);
  assert.equal(samples.length, 10);
  for (const s of samples) {
    assert.ok(!('error' in s));
    assert.equal(s.uuid, 'GPU-4e06f3bc-5cf3-3dec-32ce-8b3adfe2b9e1');
    assert.equal(s.name, 'NVIDIA H200');
  }
  assert.deepEqual(
    samples.map((s) => ('powerW' in s ? s.powerW : undefined)).slice(0, 3),
    [591.42, 520.44, 408.54],
  );
  assert.deepEqual(parseSmiList(readFileSync(join(SMI, 'h200-list.txt'), 'utf8')), [
    { index: 0, name: 'NVIDIA H200', uuid: 'GPU-4e06f3bc-5cf3-3dec-32ce-8b3adfe2b9e1', migUuids: [] },
  ]);
});

test('parseSmiList maps MIG instances to their GPU', () => {
  const gpus = parseSmiList(readFileSync(join(SMI, 'a100x4-list.txt'), 'utf8'));
  assert.equal(gpus.length, 4);
  assert.deepEqual(gpus[0]?.migUuids, [
    'MIG-c6d4f1ef-42e4-5de3-91c7-45d71c87eb3f',
    'MIG-cba663e8-9bed-5b25-b243-5985ef7c9beb',
  ]);
  assert.deepEqual(gpus[1], {
    index: 1,
    name: 'NVIDIA A100-SXM4-80GB',
    uuid: 'GPU-71c0d9b2-e5a3-3f68-04d7-c1e8b5a2f964',
    migUuids: [],
  });
});

test('one long-lived nvidia-smi serves many reads with its latest line per GPU; close() ends it', async () => {
  const { env, log } = fakeEnv({ FAKE_SMI_CSV: join(SMI, 'a100x4.csv') });
  const sensor = sensorOf(await startNvidiaSmiSensor({ intervalMs: 50, env }));
  try {
    assert.equal(sensor.name, 'nvidia-smi');
    assert.deepEqual(
      sensor.devices.map((d) => [d.id, d.method, d.model]),
      A100X4_IDS.map((id) => [id, 'power', 'NVIDIA A100-SXM4-80GB']),
    );
    assert.match(sensor.devices[0]?.source ?? '', /long-lived nvidia-smi -lms 50/);
    // Read until GPU 0's last captured value shows up: many reads, while the one process prints.
    const seen: number[] = [];
    let reads = 0;
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; reads++) {
      const readings = sensor.read({ nowMs: Date.now(), jobPids: new Set() });
      assert.equal(readings.length, 4);
      assert.ok(readings.every((r) => r.jobShare === undefined && r.energyJ === undefined));
      const p = readings[0]?.powerW;
      if (p !== undefined && seen.at(-1) !== p) seen.push(p);
      if (p === 398.7) break;
      await sleep(10);
    }
    assert.ok(reads > 3, `only ${reads} reads`);
    // Every value served is a captured one, in capture order.
    assert.deepEqual(
      seen,
      [61.27, 287.66, 391.24, 398.7].filter((v) => seen.includes(v)),
    );
    assert.equal(seen.at(-1), 398.7);
    const started = starts(log);
    assert.equal(started.length, 1, JSON.stringify(started));
    assert.deepEqual(started[0]?.args.slice(-2), ['-lms', '50']);
    assert.ok(started[0] && alive(started[0].pid));
    sensor.close();
    const pid = started[0]?.pid ?? 0;
    for (const deadline = Date.now() + 10_000; alive(pid) && Date.now() < deadline; ) await sleep(20);
    assert.equal(alive(pid), false, 'nvidia-smi still runs after close()');
    assert.deepEqual(sensor.read({ nowMs: Date.now(), jobPids: new Set() }), []);
  } finally {
    sensor.close();
  }
});
test('CUDA_VISIBLE_DEVICES: indices, and a MIG UUID mapped through one nvidia-smi -L', async () => {
  const indexed = fakeEnv({ FAKE_SMI_CSV: join(SMI, 'a100x4.csv'), CUDA_VISIBLE_DEVICES: '3,1' });
  const a = sensorOf(await startNvidiaSmiSensor({ intervalMs: 50, env: indexed.env }));
  a.close();
  assert.deepEqual(
    a.devices.map((d) => d.id),
    [
      'nvidia-smi:GPU-c4a29f17-3e8b-b5d0-72e6-9f1d0c3a8e45',
      'nvidia-smi:GPU-71c0d9b2-e5a3-3f68-04d7-c1e8b5a2f964',
    ],
  );
  assert.equal(starts(indexed.log).length, 1);

  const mig = fakeEnv({
    FAKE_SMI_CSV: join(SMI, 'a100x4.csv'),
    FAKE_SMI_LIST: join(SMI, 'a100x4-list.txt'),
    CUDA_VISIBLE_DEVICES: 'MIG-cba663e8-9bed-5b25-b243-5985ef7c9beb',
  });
  const b = sensorOf(await startNvidiaSmiSensor({ intervalMs: 50, env: mig.env }));
  b.close();
  assert.deepEqual(
    b.devices.map((d) => d.id),
    ['nvidia-smi:GPU-2f6e8a41-0c7b-4d3e-9a15-b86f2d4c7e90'],
  );
  assert.match(b.devices[0]?.source ?? '', /MIG mode/);
  assert.ok(b.notes.some((n) => /MIG instance of GPU 0/.test(n)));
  assert.deepEqual(
    starts(mig.log).map((s) => s.args.includes('-L')),
    [false, true],
  );
});

test('nvidia-smi without a driver: unavailable, with what nvidia-smi said', async () => {
  const { env } = fakeEnv({ FAKE_SMI_FAIL: join(SMI, 'no-driver.txt') });
  const probe = await startNvidiaSmiSensor({ intervalMs: 50, env });
  assert.equal(probe.status, 'unavailable');
  assert.match(
    probe.status === 'unavailable' ? probe.reason : '',
    /exited with code 9.*couldn't communicate/,
  );
});

test('nvidia-smi not on the PATH: unavailable with the fix', async () => {
  const probe = await startNvidiaSmiSensor({
    intervalMs: 50,
    command: 'nvidia-smi-not-installed',
    env: { PATH: BIN },
  });
  assert.equal(probe.status, 'unavailable');
  assert.match(probe.status === 'unavailable' ? probe.reason : '', /not on the PATH: install/);
});

test('a GPU whose power is [N/A] is not measured; with no other GPU the sensor is unavailable', async () => {
  const { env } = fakeEnv({ FAKE_SMI_CSV: join(SMI, 'geforce-na.csv') });
  const probe = await startNvidiaSmiSensor({ intervalMs: 50, env });
  assert.equal(probe.status, 'unavailable');
  assert.match(probe.status === 'unavailable' ? probe.reason : '', /GTX 1050 Ti.*no power\.draw/);
});

test('when nvidia-smi dies mid-run, reads return nothing and a note says so', async () => {
  const { env } = fakeEnv({ FAKE_SMI_CSV: join(SMI, 'a100x4.csv'), FAKE_SMI_BATCHES: '3' });
  const sensor = sensorOf(await startNvidiaSmiSensor({ intervalMs: 50, env }));
  try {
    let readings = sensor.read({ nowMs: Date.now(), jobPids: new Set() });
    for (const deadline = Date.now() + 20_000; readings.length > 0 && Date.now() < deadline; ) {
      await sleep(20);
      readings = sensor.read({ nowMs: Date.now(), jobPids: new Set() });
    }
    assert.deepEqual(readings, []);
    assert.ok(sensor.notes.some((n) => /nvidia-smi exited with code 0/.test(n)));
  } finally {
    sensor.close();
  }
});

test('stale samples (nvidia-smi hung) are not served', async () => {
  const { env } = fakeEnv({ FAKE_SMI_CSV: join(SMI, 'a100x4.csv') });
  const sensor = sensorOf(await startNvidiaSmiSensor({ intervalMs: 50, env }));
  try {
    assert.equal(sensor.read({ nowMs: Date.now(), jobPids: new Set() }).length, 4);
    assert.deepEqual(sensor.read({ nowMs: Date.now() + 60_000, jobPids: new Set() }), []);
    assert.ok(sensor.notes.some((n) => /stopped printing/.test(n)));
  } finally {
    sensor.close();
  }
});
