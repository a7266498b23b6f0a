/** Checks the die-area method against a hand-worked example and its linearity in memory. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isFootprintError } from '../../core/errors.js';
import {
  chipEmbodiedKg,
  DIE_KGCO2E_PER_CM2,
  MEMORY_KGCO2E_PER_GB,
  PACKAGE_BASE_KGCO2E,
} from './embodied-method.js';

const close = (actual: number, expected: number): void => {
  assert.ok(Math.abs(actual - expected) < 1e-9, `expected ${expected}, got ${actual}`);
};

describe('chipEmbodiedKg', () => {
  it('matches the constants published by Boavizta (UBA 2021 factors)', () => {
    assert.equal(DIE_KGCO2E_PER_CM2, 1.97);
    assert.equal(PACKAGE_BASE_KGCO2E, 9.14);
    close(MEMORY_KGCO2E_PER_GB, 1.76); // 2.20 kgCO2e/cm² ÷ 1.25 GB/cm²
  });

  it('matches a worked example: EPYC 7742-like package, 1008 mm² of silicon', () => {
    // 8 CCDs × 74 mm² + 416 mm² IOD = 1008 mm² = 10.08 cm²
    // 10.08 cm² × 1.97 kgCO2e/cm² = 19.8576 kgCO2e
    // + 9.14 kgCO2e package base      = 28.9976 kgCO2e
    close(chipEmbodiedKg({ dieAreaMm2: 1008 }), 28.9976);
  });

  it('matches a worked example with on-package memory: 814 mm² die and 80 GB', () => {
    // 8.14 cm² × 1.97 = 16.0358; + 9.14 = 25.1758
    // 80 GB × 1.76 kgCO2e/GB = 140.8; total 165.9758 kgCO2e
    close(chipEmbodiedKg({ dieAreaMm2: 814, memoryGb: 80 }), 165.9758);
  });

  it('adds memory linearly', () => {
    const base = chipEmbodiedKg({ dieAreaMm2: 600 });
    const withZero = chipEmbodiedKg({ dieAreaMm2: 600, memoryGb: 0 });
    const with16 = chipEmbodiedKg({ dieAreaMm2: 600, memoryGb: 16 });
    const with32 = chipEmbodiedKg({ dieAreaMm2: 600, memoryGb: 32 });
    const with96 = chipEmbodiedKg({ dieAreaMm2: 600, memoryGb: 96 });
    close(withZero, base);
    close(with16 - base, 16 * MEMORY_KGCO2E_PER_GB);
    close(with32 - base, 2 * (with16 - base));
    close(with96 - base, 6 * (with16 - base));
  });

  it('grows with die area at the published rate per cm²', () => {
    close(chipEmbodiedKg({ dieAreaMm2: 300 }) - chipEmbodiedKg({ dieAreaMm2: 200 }), DIE_KGCO2E_PER_CM2);
  });

  it('rejects areas and capacities that cannot be real', () => {
    for (const input of [
      { dieAreaMm2: 0 },
      { dieAreaMm2: -5 },
      { dieAreaMm2: Number.NaN },
      { dieAreaMm2: Number.POSITIVE_INFINITY },
      { dieAreaMm2: 100, memoryGb: -1 },
      { dieAreaMm2: 100, memoryGb: Number.NaN },
    ]) {
      assert.throws(
        () => chipEmbodiedKg(input),
        (e: unknown) => isFootprintError(e) && e.code === 'invalid_value',
      );
    }
  });
});
