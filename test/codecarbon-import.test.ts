/**
 * CodeCarbon rows imported as entries price through the estimate pipeline: the spec each row
 * becomes validates against the estimate schema, and pricing it gives back CodeCarbon's energy
 * (facility energy = CodeCarbon's energy_consumed when the row's pue is the site's), with embodied
 * carbon added and every default visible.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { estimateSpec } from '../src/analysis/estimate.js';
import { EstimateSpecSchema } from '../src/analysis/spec.js';
import { codeCarbonRowToEntry, latestRowPerRun, parseCodeCarbonCsv } from '../src/report/codecarbon-csv.js';

const text = readFileSync(new URL('../../test/fixtures/codecarbon/emissions.csv', import.meta.url), 'utf8');
const close = (a: number, b: number, rel = 1e-9) =>
  Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

test('every fixture row becomes a spec the estimate schema accepts', () => {
  for (const row of parseCodeCarbonCsv(text, 'emissions.csv').rows) {
    const entry = codeCarbonRowToEntry(row, { phase: 'training' });
    const parsed = EstimateSpecSchema.safeParse(entry.spec);
    assert.ok(parsed.success, `line ${row.line}: ${JSON.stringify(parsed.error?.issues)}`);
  }
});

test('priced entries reproduce CodeCarbon energy and add embodied carbon', () => {
  const rows = latestRowPerRun(parseCodeCarbonCsv(text, 'emissions.csv').rows);
  for (const row of rows) {
    const entry = codeCarbonRowToEntry(row, { phase: 'training' });
    const spec = EstimateSpecSchema.parse(entry.spec);
    const { priced, job } = estimateSpec(spec, 'emissions.csv', { draws: 200, seed: 1 });
    const pue = row.pue ?? 1;
    assert.ok(close(priced.energyKwh * pue, row.energyConsumedKwh), `line ${row.line}: IT energy × pue`);
    assert.ok(priced.embodiedGco2e > 0, `line ${row.line}: embodied carbon is counted`);
    if (spec.site.pue !== undefined) {
      assert.ok(
        close(priced.facilityEnergyKwh, row.energyConsumedKwh),
        `line ${row.line}: declared pue kept`,
      );
    } else {
      const pueSource = job.provenance.find((p) => p.field === 'site.pue');
      assert.ok(pueSource, `line ${row.line}: the PUE Footprint used is stated`);
    }
  }
});

test('the A100 row prices its GPUs from the hardware table', () => {
  const [row] = parseCodeCarbonCsv(text, 'emissions.csv').rows;
  assert.ok(row);
  const spec = EstimateSpecSchema.parse(codeCarbonRowToEntry(row, { phase: 'training' }).spec);
  const { priced } = estimateSpec(spec, 'emissions.csv', { draws: 200, seed: 1 });
  const gpu = priced.groups.find((g) => g.kind === 'gpu');
  assert.equal(gpu?.model, 'NVIDIA A100 SXM4 40GB');
  assert.equal(gpu?.count, 4);
  assert.ok(close(gpu?.deviceHours ?? 0, (4 * row.durationS) / 3600));
});
