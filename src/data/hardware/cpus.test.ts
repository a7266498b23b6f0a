/** Checks the CPU table: every row validates, names are unambiguous, embodied figures are traceable. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CPUS } from './cpus.js';
import { chipEmbodiedKg } from './embodied-method.js';
import { ChipRowSchema } from './schema.js';

describe('CPUS', () => {
  it('has every row valid under the strict schema', () => {
    assert.ok(CPUS.length >= 65, `expected at least 65 rows, got ${CPUS.length}`);
    for (const row of CPUS) {
      const parsed = ChipRowSchema.safeParse(row);
      assert.ok(parsed.success, `${row.id}: ${parsed.success ? '' : parsed.error.issues[0]?.message}`);
      assert.equal(row.type, 'cpu', row.id);
    }
  });

  it('has unique ids, and no name or alias that names two rows', () => {
    const ids = new Set<string>();
    const spellings = new Map<string, string>();
    for (const row of CPUS) {
      assert.ok(!ids.has(row.id), `duplicate id ${row.id}`);
      ids.add(row.id);
      for (const name of [row.name, ...(row.aliases ?? [])]) {
        const key = name.toLowerCase();
        const other = spellings.get(key);
        assert.ok(other === undefined || other === row.id, `"${name}" names both ${other} and ${row.id}`);
        spellings.set(key, row.id);
      }
    }
  });

  it('derives each embodied figure from the die-area method on the die area of the same row', () => {
    for (const row of CPUS) {
      assert.ok(row.die_area_mm2 !== undefined, `${row.id} has no die area`);
      const expected = chipEmbodiedKg({ dieAreaMm2: row.die_area_mm2, memoryGb: row.memory_gb ?? 0 });
      assert.equal(row.embodied_kgco2e, expected, row.id);
      assert.match(row.embodied_source, /die-area method/, row.id);
    }
  });

  it('claims no idle power, which no vendor publishes per CPU', () => {
    for (const row of CPUS) assert.equal(row.idle_w, undefined, row.id);
  });
});
