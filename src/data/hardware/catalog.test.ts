import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHIPS, findChip, findChipByReportedName, nearestChips, searchChips } from './catalog.js';

test('the catalog holds at least 40 accelerators and 60 server CPUs', () => {
  const accelerators = CHIPS.filter((c) => c.type !== 'cpu');
  const cpus = CHIPS.filter((c) => c.type === 'cpu');
  assert.ok(accelerators.length >= 40, `${accelerators.length} accelerators`);
  assert.ok(cpus.length >= 60, `${cpus.length} CPUs`);
});

test('the models the foundation issue names are present', () => {
  for (const name of [
    'V100',
    'A100 SXM4 40GB',
    'A100 SXM4 80GB',
    'A100 PCIe 40GB',
    'A100 PCIe 80GB',
    'H100 SXM5 80GB',
    'H100 PCIe',
    'H200',
    'B200',
    'L4',
    'T4',
    'A10G',
    'L40S',
    'MI250X',
    'MI300X',
    'TPU v2',
    'TPU v3',
    'TPU v4',
    'TPU v5e',
  ]) {
    assert.ok(searchChips(name).length > 0, `${name} missing`);
  }
});

test('lookup folds case, spacing, punctuation and the vendor prefix, and knows nvidia-smi names', () => {
  const a100 = findChip('NVIDIA A100 SXM4 80GB');
  assert.ok(a100);
  assert.equal(findChip('nvidia  a100-sxm4-80gb'), a100);
  assert.equal(findChip('A100 SXM4 80GB'), a100);
  assert.equal(findChip('NVIDIA A100-SXM4-80GB'), a100, 'the name nvidia-smi prints');
  assert.equal(findChip('Tesla T4')?.type, 'gpu');
  assert.equal(findChip('no such chip'), undefined);
});

test('unknown names get the nearest real names', () => {
  assert.ok(nearestChips('NVIDIA A1000 SXM4 80GB').some((n) => n.includes('A100')));
});

test('every row has positive power and embodied figures and a source for each', () => {
  for (const c of CHIPS) {
    assert.ok(c.tdp_w > 0 && c.embodied_kgco2e > 0, c.id);
    assert.ok(c.idle_w === undefined || c.idle_w < c.tdp_w, `${c.id}: idle above TDP`);
    assert.ok(c.source.length > 8 && c.embodied_source.length > 8, c.id);
  }
});

test('names as machines report them are found', () => {
  assert.equal(
    findChipByReportedName('AMD EPYC 7763 64-Core Processor')?.name,
    findChip('AMD EPYC 7763')?.name,
  );
  assert.ok(findChipByReportedName('Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz'));
  assert.equal(findChipByReportedName('Intel(R) Core(TM) i9 Something'), undefined);
});
