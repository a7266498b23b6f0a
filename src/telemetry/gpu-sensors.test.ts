/**
 * The GPU path chooser: each path tried leaves a note, the first that works is used, and
 * FOOTPRINT_GPU_SENSORS limits the paths. NVML is kept out with a library path that does not
 * exist, so these tests behave the same on hosts with and without GPUs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { probeGpuSensors } from './gpu-sensors.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));
const NO_NVML = { FOOTPRINT_NVML_LIB: 'libnvidia-ml-not-installed.so.1' };

test('NVML missing → nvidia-smi is used, and the note says why NVML was not', async () => {
  const env = {
    ...NO_NVML,
    PATH: `${join(FIXTURES, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
    FAKE_SMI_CSV: join(FIXTURES, 'nvidia-smi', 'a100x4.csv'),
    FAKE_SMI_LOG: join(mkdtempSync(join(tmpdir(), 'footprint-gpu-')), 'smi.log'),
    FOOTPRINT_GPU_SENSORS: 'nvml,nvidia-smi',
  };
  const { sensors, notes } = await probeGpuSensors(env, 100);
  try {
    assert.deepEqual(
      sensors.map((s) => [s.name, s.devices.length]),
      [['nvidia-smi', 4]],
    );
    assert.ok(
      notes.some((n) =>
        /^NVIDIA GPUs through NVML: not used: .*could not be loaded.*FOOTPRINT_NVML_LIB/.test(n),
      ),
    );
    assert.ok(notes.some((n) => /^NVIDIA GPUs through nvidia-smi: NVIDIA A100-SXM4-80GB \(power\)/.test(n)));
    assert.ok(
      notes.some((n) => /each visible GPU counts whole for the job/.test(n)),
      'the whole-GPU attribution is said',
    );
  } finally {
    for (const s of sensors) s.close();
  }
});

test('no GPU tool anywhere: no sensor, and a note for every path tried', async () => {
  const { sensors, notes } = await probeGpuSensors({ ...NO_NVML, PATH: join(FIXTURES, 'no-such-dir') }, 100);
  assert.deepEqual(sensors, []);
  assert.ok(notes.some((n) => n.startsWith('NVIDIA GPUs through NVML: not used')));
  assert.ok(
    notes.some((n) => n.startsWith('NVIDIA GPUs through nvidia-smi: not used') && /not on the PATH/.test(n)),
  );
  assert.ok(notes.some((n) => n.startsWith('AMD GPUs: not used')));
  assert.ok(notes.some((n) => n.startsWith('no GPU energy is measured')));
});

test('FOOTPRINT_GPU_SENSORS=none tries nothing and says so', async () => {
  const { sensors, notes } = await probeGpuSensors({ FOOTPRINT_GPU_SENSORS: 'none' }, 100);
  assert.deepEqual(sensors, []);
  assert.deepEqual(notes, [
    'GPU sensors limited by FOOTPRINT_GPU_SENSORS=none',
    'no GPU energy is measured (see the notes above for each way tried)',
  ]);
});
