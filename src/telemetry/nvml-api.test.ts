/**
 * The NVML binding: its failure paths (a library that is not there, one that is not NVML), and its
 * calls against a C stub with nvml.h's signatures (test/fixtures/nvml-stub), compiled here when the
 * host has a C compiler. On a real GPU the binding is checked by scripts/gpu-check.mjs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadNvml, nvmlLibraryPath } from './nvml-api.js';

test('the library path is libnvidia-ml.so.1 unless FOOTPRINT_NVML_LIB names another', () => {
  assert.equal(nvmlLibraryPath({}), 'libnvidia-ml.so.1');
  assert.equal(
    nvmlLibraryPath({ FOOTPRINT_NVML_LIB: 'drivers/libnvidia-ml.so.1' }),
    'drivers/libnvidia-ml.so.1',
  );
});

test('a missing library is unavailable, with the fix', () => {
  const probe = loadNvml({ FOOTPRINT_NVML_LIB: 'libnvidia-ml-not-installed.so.1' });
  assert.equal(probe.status, 'unavailable');
  const reason = probe.status === 'unavailable' ? probe.reason : '';
  assert.match(reason, /^libnvidia-ml-not-installed\.so\.1 could not be loaded/);
  assert.match(reason, /install the NVIDIA driver, or set FOOTPRINT_NVML_LIB/);
});

test('a library that is not NVML is unavailable, naming what it lacks', () => {
  const probe = loadNvml({ FOOTPRINT_NVML_LIB: 'libc.so.6' });
  assert.equal(probe.status, 'unavailable');
  assert.match(
    probe.status === 'unavailable' ? probe.reason : '',
    /lacks NVML functions \(init, .*\): update the NVIDIA driver/,
  );
});

/** The stub library, compiled with the host's C compiler; undefined (test skipped) without one. */
function compileStub(): string | undefined {
  const source = fileURLToPath(new URL('../../../test/fixtures/nvml-stub/nvml-stub.c', import.meta.url));
  const out = join(mkdtempSync(join(tmpdir(), 'footprint-nvml-')), 'libnvml-stub.so');
  const cc = spawnSync(process.env.CC ?? 'cc', ['-shared', '-fPIC', '-o', out, source], { encoding: 'utf8' });
  return cc.status === 0 ? out : undefined;
}
const stub = process.platform === 'linux' ? compileStub() : undefined;

test('the binding against a C library with nvml.h signatures', {
  skip: stub ? false : 'no C compiler',
}, () => {
  const probe = loadNvml({ FOOTPRINT_NVML_LIB: stub ?? '' });
  assert.equal(probe.status, 'ok', probe.status === 'unavailable' ? probe.reason : '');
  if (probe.status !== 'ok') return;
  const api = probe.value;
  try {
    assert.match(api.description, /nvmlDeviceGetComputeRunningProcesses_v3/);
    assert.deepEqual(api.systemGetDriverVersion(), { ok: true, value: '999.12.34' });
    assert.deepEqual(api.deviceGetCount(), { ok: true, value: 2 });
    assert.deepEqual(api.deviceGetHandleByIndex(2), { ok: false, rc: 2 });
    const g0 = api.deviceGetHandleByIndex(0);
    const g1 = api.deviceGetHandleByIndex(1);
    assert.ok(g0.ok && g1.ok);
    if (!g0.ok || !g1.ok) return;
    assert.deepEqual(api.deviceGetUUID(g0.value), { ok: true, value: 'GPU-stub-0' });
    assert.deepEqual(api.deviceGetName(g1.value), { ok: true, value: 'Stub GPU 80GB' });
    // unsigned long long beyond 32 bits, and consecutive reads of the counter.
    assert.deepEqual(api.deviceGetTotalEnergyConsumption(g0.value), { ok: true, value: 9_000_000_123_456 });
    assert.deepEqual(api.deviceGetTotalEnergyConsumption(g0.value), { ok: true, value: 9_000_000_246_912 });
    assert.deepEqual(api.deviceGetTotalEnergyConsumption(g1.value), { ok: false, rc: 3 });
    assert.equal(api.errorString(3), 'Not Supported');
    assert.deepEqual(api.deviceGetPowerUsage(g1.value), { ok: true, value: 61250 });
    // 40 processes: more than the first buffer, so the binding must retry on INSUFFICIENT_SIZE;
    // the 24-byte struct decodes field by field; NVML_VALUE_NOT_AVAILABLE becomes "absent".
    const procs = api.deviceGetComputeRunningProcesses(g0.value);
    assert.ok(procs.ok);
    if (!procs.ok) return;
    assert.equal(procs.value.length, 40);
    assert.deepEqual(procs.value.slice(0, 3), [
      { pid: 1000, usedGpuMemoryBytes: 2 ** 33 },
      { pid: 1001 },
      { pid: 1002, usedGpuMemoryBytes: 2 ** 33 + 2 },
    ]);
    assert.deepEqual(api.deviceGetComputeRunningProcesses(g1.value), { ok: true, value: [] });
    assert.deepEqual(api.deviceGetMigMode(g0.value), { ok: true, value: { current: 1, pending: 1 } });
    assert.deepEqual(api.deviceGetMaxMigDeviceCount(g0.value), { ok: true, value: 7 });
    const mig = api.deviceGetMigDeviceHandleByIndex(g0.value, 1);
    assert.ok(mig.ok);
    if (!mig.ok) return;
    assert.deepEqual(api.deviceGetUUID(mig.value), { ok: true, value: 'MIG-stub-b' });
    assert.deepEqual(api.deviceGetComputeRunningProcesses(mig.value), {
      ok: true,
      value: [{ pid: 5001, usedGpuMemoryBytes: 2 ** 33 }],
    });
    assert.deepEqual(api.deviceGetMigDeviceHandleByIndex(g0.value, 2), { ok: false, rc: 6 });
  } finally {
    api.shutdown();
  }
});
