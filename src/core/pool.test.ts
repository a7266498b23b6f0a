import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { jobArb } from './arbitraries.test-util.js';
import type { Job } from './job.js';
import { poolJobs } from './pool.js';
import { priceJob, sumTotals } from './price.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

test('property: pooling keeps every total', () => {
  fc.assert(
    fc.property(fc.array(jobArb, { minLength: 1, maxLength: 6 }), (jobs) => {
      // Jobs that share a site pool together: give half of them the first job's site.
      const shared: Job[] = jobs.map((j, i) => (i % 2 ? { ...j, site: (jobs[0] as Job).site } : j));
      const a = sumTotals(shared.map((j) => priceJob(j)));
      const b = sumTotals(poolJobs(shared).map((j) => priceJob(j)));
      return (
        close(a.energyKwh, b.energyKwh) &&
        close(a.facilityEnergyKwh, b.facilityEnergyKwh) &&
        close(a.operationalGco2e.location, b.operationalGco2e.location) &&
        close(a.operationalGco2e.market, b.operationalGco2e.market) &&
        close(a.embodiedGco2e, b.embodiedGco2e)
      );
    }),
  );
});

test('a thousand runs at one site on one device type pool into one group', () => {
  const run = (i: number): Job => ({
    phase: 'training',
    groups: [
      {
        label: 'gpu',
        kind: 'gpu',
        count: 1,
        deviceHours: 1 + i,
        energy: { kind: 'energy', kwh: { low: 0.95, mode: 1, high: 1.05 } },
      },
    ],
    site: {
      pue: { low: 1.1, mode: 1.2, high: 1.3 },
      intensity: { low: 50, mode: 60, high: 70 },
      cfe: { low: 0, mode: 0, high: 0 },
    },
    provenance: [],
  });
  const pooled = poolJobs(Array.from({ length: 1000 }, (_, i) => run(i)));
  assert.equal(pooled.length, 1);
  assert.equal(pooled[0]?.groups.length, 1);
  assert.equal(pooled[0]?.groups[0]?.deviceHours, (1000 * 1001) / 2);
});
