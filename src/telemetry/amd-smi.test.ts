/**
 * AMD GPU power: the parsers on captured amd-smi / rocm-smi JSON (test/fixtures/amd), and the
 * polling sensor driven by fake tools (test/fixtures/bin) that replay those captures.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAmdNames, parseAmdSmiPower, parseRocmSmiPower, startAmdSensor } from './amd-smi.js';
import type { Probe } from './sensor.js';
import type { SensorWithNotes } from './sensor-notes.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));
const AMD = join(FIXTURES, 'amd');
const BIN = join(FIXTURES, 'bin');
const text = (file: string): string => readFileSync(join(AMD, file), 'utf8');

function fakeEnv(outputs: Record<string, string | string[]>, extra: Record<string, string> = {}) {
  const log = join(mkdtempSync(join(tmpdir(), 'footprint-amd-')), 'calls.log');
  const abs = Object.fromEntries(
    Object.entries(outputs).map(([k, v]) => [
      k,
      Array.isArray(v) ? v.map((f) => join(AMD, f)) : join(AMD, v),
    ]),
  );
  return {
    env: {
      PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}`,
      FAKE_AMD_OUTPUTS: JSON.stringify(abs),
      FAKE_AMD_LOG: log,
      ...extra,
    },
    calls: (): string[] => readFileSync(log, 'utf8').split('\n').filter(Boolean),
  };
}

function sensorOf(probe: Probe<SensorWithNotes>): SensorWithNotes {
  assert.equal(probe.status, 'ok', probe.status === 'unavailable' ? probe.reason : '');
  if (probe.status !== 'ok') throw new Error('unreachable');
  return probe.value;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('rocm-smi --showpower --json: average power, MI300 current socket power, MI200 secondary dies', () => {
  assert.deepEqual(parseRocmSmiPower(text('rocm-smi-mi250x-showpower.json')), [
    { index: 0, powerW: 412 },
    { index: 1, missing: 'N/A (Secondary die)' },
    { index: 2, powerW: 96 },
    { index: 3, missing: 'N/A (Secondary die)' },
  ]);
  assert.deepEqual(parseRocmSmiPower(text('rocm-smi-mi300x-showpower.json')), [
    { index: 0, powerW: 717 },
    { index: 1, powerW: 142 },
  ]);
  // Warnings printed before the JSON are skipped; garbage is a reason, not an exception.
  assert.deepEqual(
    parseRocmSmiPower(
      `WARNING: AMD GPU device(s) is/are in a low-power state\n{"card7": {"Average Graphics Package Power (W)": "31.0"}}`,
    ),
    [{ index: 7, powerW: 31 }],
  );
  assert.equal(typeof parseRocmSmiPower('ERROR: GPU[0]: Unable to read power'), 'string');
  assert.equal(typeof parseRocmSmiPower('{"card0": '), 'string');
});

test('amd-smi metric --power --json: values with units, plain numbers, N/A', () => {
  assert.deepEqual(parseAmdSmiPower(text('amd-smi-mi300x-metric-power.json')), [
    { index: 0, powerW: 712 },
    { index: 1, powerW: 139 },
  ]);
  assert.deepEqual(parseAmdSmiPower(text('amd-smi-mi250-metric-power.json')), [
    { index: 0, powerW: 236 },
    { index: 1, missing: 'N/A' },
  ]);
  assert.deepEqual(
    parseAmdSmiPower('{"gpu_data": [{"gpu": 3, "power": {"socket_power": {"value": 95500, "unit": "mW"}}}]}'),
    [{ index: 3, powerW: 95.5 }],
  );
  assert.equal(typeof parseAmdSmiPower('{"error": "no GPUs"}'), 'string');
});

test('names from amd-smi static --asic and rocm-smi --showproductname', () => {
  assert.deepEqual(
    [...parseAmdNames('amd-smi', text('amd-smi-mi300x-static-asic.json'))],
    [
      [0, 'AMD Instinct MI300X'],
      [1, 'AMD Instinct MI300X'],
    ],
  );
  assert.equal(
    parseAmdNames('rocm-smi', text('rocm-smi-mi250x-productname.json')).get(2),
    'AMD INSTINCT MI250X',
  );
  assert.equal(parseAmdNames('amd-smi', 'not json').size, 0);
});

test('amd-smi sensor: devices named, polled in the background, latest value served', async () => {
  const fake = fakeEnv({
    'amd-smi metric --power --json': [
      'amd-smi-mi300x-metric-power.json',
      'amd-smi-mi300x-metric-power-2.json',
    ],
    'amd-smi static --asic --json': 'amd-smi-mi300x-static-asic.json',
  });
  const sensor = sensorOf(await startAmdSensor({ intervalMs: 200, env: fake.env }));
  try {
    assert.equal(sensor.name, 'amd-smi');
    assert.deepEqual(
      sensor.devices.map((d) => [d.id, d.name, d.model, d.method]),
      [
        ['amd-smi:0', 'AMD Instinct MI300X', 'AMD Instinct MI300X', 'power'],
        ['amd-smi:1', 'AMD Instinct MI300X', 'AMD Instinct MI300X', 'power'],
      ],
    );
    const first = sensor.read({ nowMs: Date.now(), jobPids: new Set() });
    assert.deepEqual(first, [
      { deviceId: 'amd-smi:0', powerW: 712 },
      { deviceId: 'amd-smi:1', powerW: 139 },
    ]);
    // The background poll (at most once a second) brings the second capture.
    let p = first[0]?.powerW;
    for (const deadline = Date.now() + 20_000; p === 712 && Date.now() < deadline; ) {
      await sleep(50);
      p = sensor.read({ nowMs: Date.now(), jobPids: new Set() })[0]?.powerW;
    }
    assert.equal(p, 698);
    // Polls never overlap and the names were asked once.
    assert.equal(fake.calls().filter((c) => c.includes('static')).length, 1);
  } finally {
    sensor.close();
  }
});

test('rocm-smi when amd-smi finds no GPU; MI250X secondary dies noted, not measured', async () => {
  const fake = fakeEnv({
    'rocm-smi --showpower --json': 'rocm-smi-mi250x-showpower.json',
    'rocm-smi --showproductname --json': 'rocm-smi-mi250x-productname.json',
  });
  const sensor = sensorOf(await startAmdSensor({ intervalMs: 200, env: fake.env }));
  sensor.close();
  assert.deepEqual(
    sensor.devices.map((d) => [d.id, d.name]),
    [
      ['rocm-smi:0', 'AMD INSTINCT MI250X'],
      ['rocm-smi:2', 'AMD INSTINCT MI250X'],
    ],
  );
  assert.ok(sensor.notes.some((n) => /GPU 1 .*secondary die.*primary/.test(n)));
  // amd-smi was tried first and failed (the fake answers as on a host where it finds no GPU).
  assert.equal(fake.calls()[0], 'amd-smi metric --power --json');
});

test('HIP_VISIBLE_DEVICES selects AMD GPUs by index', async () => {
  const fake = fakeEnv(
    { 'rocm-smi --showpower --json': 'rocm-smi-mi300x-showpower.json' },
    { HIP_VISIBLE_DEVICES: '1' },
  );
  const sensor = sensorOf(await startAmdSensor({ intervalMs: 200, env: fake.env, tools: ['rocm-smi'] }));
  sensor.close();
  assert.deepEqual(
    sensor.devices.map((d) => [d.id, d.name]),
    [['rocm-smi:1', 'AMD GPU']],
  );
  assert.ok(sensor.notes.some((n) => n.startsWith('HIP_VISIBLE_DEVICES=1')));
});

test('no AMD tool: unavailable, naming each tool tried and the fix', async () => {
  const probe = await startAmdSensor({ intervalMs: 200, env: { PATH: join(FIXTURES, 'no-such-dir') } });
  assert.equal(probe.status, 'unavailable');
  const reason = probe.status === 'unavailable' ? probe.reason : '';
  assert.match(reason, /amd-smi is not on the PATH; rocm-smi is not on the PATH/);
  assert.match(reason, /install ROCm's amd-smi/);
  const failing = fakeEnv({});
  const p2 = await startAmdSensor({ intervalMs: 200, env: failing.env });
  assert.match(p2.status === 'unavailable' ? p2.reason : '', /Unable to detect any GPU devices/);
});
