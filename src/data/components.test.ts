/**
 * The component defaults: the table validates, every figure is positive and inside its own range,
 * the derived figures match their stated arithmetic, and the schema rejects bad figures.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMPONENTS, type ComponentFigure, ComponentFigureSchema, ComponentsSchema } from './components.js';

/** Every `{ value, range, source }` in the table, with its path. */
function figures(): Array<[string, ComponentFigure]> {
  const out: Array<[string, ComponentFigure]> = [];
  for (const [device, fields] of Object.entries(COMPONENTS)) {
    for (const [name, f] of Object.entries(fields)) {
      if (name !== 'includes') out.push([`${device}.${name}`, f as ComponentFigure]);
    }
  }
  return out;
}

describe('COMPONENTS', () => {
  it('validates against its schema', () => {
    const parsed = ComponentsSchema.safeParse(COMPONENTS);
    assert.ok(parsed.success, parsed.success ? '' : parsed.error.message);
  });

  it('has the figures the accounting reads', () => {
    const paths = figures().map(([p]) => p);
    for (const p of [
      'dram.power_w_per_gb',
      'dram.embodied_kg_per_gb',
      'ssd.power_w_per_tb',
      'ssd.embodied_kg_per_tb',
      'hdd.power_w_per_tb',
      'hdd.embodied_kg_per_tb',
      'server_chassis.embodied_kg',
      'server_gpu.embodied_kg',
      'server_cpu.embodied_kg',
    ]) {
      assert.ok(paths.includes(p), `missing ${p}`);
    }
  });

  it('every figure is positive, finite, inside its own range and sourced', () => {
    for (const [path, f] of figures()) {
      const [low, high] = f.range;
      assert.ok(Number.isFinite(f.value) && f.value > 0, `${path}: value ${f.value}`);
      assert.ok(
        low > 0 && low <= f.value && f.value <= high,
        `${path}: ${f.value} outside [${low}, ${high}]`,
      );
      assert.ok(f.source.length >= 8 && f.range_source.length >= 8, `${path}: missing source`);
    }
  });

  it('keeps the published point figures', () => {
    assert.equal(COMPONENTS.dram.power_w_per_gb.value, 0.3725); // Green Algorithms
    assert.equal(COMPONENTS.server_gpu.embodied_kg.value, 2000); // Wu et al. 2022
    assert.equal(COMPONENTS.server_cpu.embodied_kg.value, 1000); // half of it
    assert.equal(COMPONENTS.ssd.embodied_kg_per_tb.range[1], 160); // Tannu & Nair 0.16 kg/GB
  });

  it('derives the Boavizta figures as documented', () => {
    // RAM: (32 GB / 1.25 GB/cm² × 2.20 kg/cm² + 5.22 kg) / 32 GB
    assert.equal(COMPONENTS.dram.embodied_kg_per_gb.value, 1.92);
    // SSD: (1000 / 48.5 × 2.20 × 3.84 + 6.34) / 3.84
    assert.equal(COMPONENTS.ssd.embodied_kg_per_tb.value, 47);
    // Chassis: 150 + 66.1 + 6.68 + 2 × 2.99 × 24.3
    assert.equal(COMPONENTS.server_chassis.embodied_kg.value, 368.1);
  });

  it('says what each server figure contains, so parts are not counted twice', () => {
    assert.deepEqual(COMPONENTS.server_chassis.includes, ['chassis', 'mainboard', 'psu']);
    assert.ok(COMPONENTS.server_gpu.includes.includes('gpu'));
    assert.ok(!COMPONENTS.server_cpu.includes.includes('gpu'));
    assert.ok(COMPONENTS.server_chassis.embodied_kg.value < COMPONENTS.server_cpu.embodied_kg.value);
    assert.ok(COMPONENTS.server_cpu.embodied_kg.value < COMPONENTS.server_gpu.embodied_kg.value);
  });

  it('is frozen', () => {
    assert.ok(Object.isFrozen(COMPONENTS) && Object.isFrozen(COMPONENTS.dram.power_w_per_gb.range));
  });
});

describe('ComponentFigureSchema', () => {
  const good = { value: 1, range: [0.5, 2], source: 'a published source', range_source: 'a published range' };
  it('accepts a well-formed figure', () => assert.ok(ComponentFigureSchema.safeParse(good).success));
  for (const [what, bad] of [
    ['a value outside its range', { ...good, value: 3 }],
    ['a zero value', { ...good, value: 0, range: [0, 1] }],
    ['a NaN value', { ...good, value: Number.NaN }],
    ['an inverted range', { ...good, range: [2, 0.5] }],
    ['a missing source', { ...good, source: '' }],
    ['an extra key', { ...good, unit: 'W' }],
  ] as const) {
    it(`rejects ${what}`, () => assert.equal(ComponentFigureSchema.safeParse(bad).success, false));
  }
});
