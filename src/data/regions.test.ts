/**
 * The cloud-region table: every row validates, ids are unique, every zone is a real Electricity Maps
 * zone in the 2024 yearly data, and the schema rejects the mistakes a hand-typed row can make.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { electricityMaps } from '@tgwf/co2/data';
import { z } from 'zod';
import { type CloudRegionRowInput, CloudRegionRowSchema, PROVIDERS, REGIONS } from './regions.js';

// @tgwf/co2 ships untyped data: validate the part we read, at the edge.
const Yearly2024Schema = z.object({
  yearly2024: z.object({
    data: z.record(z.string(), z.object({ carbonIntensity: z.object({ value: z.number() }) })),
  }),
});
const ZONES_2024 = new Set(Object.keys(Yearly2024Schema.parse(electricityMaps).yearly2024.data));

const sample = (): CloudRegionRowInput => ({
  id: 'aws:us-east-1',
  provider: 'aws',
  region: 'us-east-1',
  location: 'Northern Virginia, US',
  zone: 'US-MIDA-PJM',
  zone_source: 'PJM balancing authority',
  pue: 1.15,
  pue_range: [1.05, 1.25],
  pue_scope: 'fleet',
  pue_source: 'AWS sustainability page, 2024',
  pue_range_source: 'best site 2024 to IDC average',
});

describe('REGIONS', () => {
  it('has at least 36 rows, about a dozen per provider', () => {
    assert.ok(REGIONS.length >= 36, `only ${REGIONS.length} rows`);
    for (const p of PROVIDERS) {
      const n = REGIONS.filter((r) => r.provider === p).length;
      assert.ok(n >= 12, `${p} has only ${n} rows`);
    }
  });

  it('every row validates against the schema', () => {
    for (const r of REGIONS) {
      const parsed = CloudRegionRowSchema.safeParse(r);
      assert.ok(parsed.success, `${r.id}: ${parsed.success ? '' : parsed.error.message}`);
    }
  });

  it('ids are unique', () => {
    const seen = new Set<string>();
    for (const r of REGIONS) {
      assert.ok(!seen.has(r.id), `duplicate id ${r.id}`);
      seen.add(r.id);
    }
  });

  it('every zone exists in the Electricity Maps 2024 yearly data', () => {
    assert.ok(ZONES_2024.size > 100, 'the Electricity Maps 2024 data did not load');
    const missing = REGIONS.filter((r) => !ZONES_2024.has(r.zone)).map((r) => `${r.id} → ${r.zone}`);
    assert.deepEqual(missing, []);
  });

  it('covers the places the brief lists', () => {
    const zones = new Set(REGIONS.map((r) => r.zone));
    for (const z of [
      'US-MIDA-PJM',
      'US-CAL-CISO',
      'US-MIDW-MISO',
      'CA-QC',
      'BR-CS',
      'IE',
      'DE',
      'GB',
      'FR',
      'SE-SE3',
      'FI',
      'NL',
      'JP-TK',
      'SG',
      'IN-WE',
      'KR',
      'AU-NSW',
    ]) {
      assert.ok(zones.has(z), `no region in ${z}`);
    }
  });

  it('keeps PUE plausible and inside its own range', () => {
    for (const r of REGIONS) {
      assert.ok(r.pue >= 1 && r.pue < 2, `${r.id}: pue ${r.pue}`);
      assert.ok(
        r.pue_range[0] <= r.pue && r.pue <= r.pue_range[1],
        `${r.id}: ${r.pue} outside ${r.pue_range}`,
      );
    }
  });

  it('is frozen', () => {
    assert.ok(Object.isFrozen(REGIONS));
    const first = REGIONS[0];
    assert.ok(first !== undefined && Object.isFrozen(first) && Object.isFrozen(first.pue_range));
  });
});

describe('CloudRegionRowSchema', () => {
  it('accepts a well-formed row', () => {
    assert.ok(CloudRegionRowSchema.safeParse(sample()).success);
  });

  const rejects = (what: string, row: unknown) =>
    it(`rejects ${what}`, () => assert.equal(CloudRegionRowSchema.safeParse(row).success, false));

  rejects('an id that disagrees with provider and region', { ...sample(), id: 'aws:us-west-2' });
  rejects('an unknown provider', { ...sample(), provider: 'oci', id: 'oci:us-east-1' });
  rejects('a PUE below 1', { ...sample(), pue: 0.95, pue_range: [0.9, 1.1] });
  rejects('a PUE outside its range', { ...sample(), pue: 1.3 });
  rejects('a lower-case zone id', { ...sample(), zone: 'us-mida-pjm' });
  rejects('an extra key', { ...sample(), wue: 0.2 });
  rejects('a missing PUE source', { ...sample(), pue_source: '' });
});
