import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { jobArb } from './arbitraries.test-util.js';
import { embodiedShare } from './embodied.js';
import { facilityEnergy, powerAtLoad } from './energy.js';
import type { Job } from './job.js';
import { rollUpByPhase } from './lifecycle.js';
import { simulate } from './monte-carlo.js';
import { locationBased, marketBased } from './operational.js';
import { priceJob } from './price.js';
import { exact } from './uncertainty.js';
import type { Fraction, GramsCo2e, GramsCo2ePerKwh, Hours, Kwh, Watts } from './units.js';

const close = (a: number, b: number, rel = 1e-9) =>
  Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

test('embodied share: 2000 kg over 4 years at 50 % utilization, 8766 device-h → 1000 kg', () => {
  const g = embodiedShare({
    embodiedPerDevice: 2_000_000 as GramsCo2e,
    deviceHours: 8766 as Hours,
    lifetime: (4 * 8766) as Hours,
    utilization: 0.5,
  });
  assert.equal(g, 1_000_000);
  assert.throws(() =>
    embodiedShare({
      embodiedPerDevice: 1 as GramsCo2e,
      deviceHours: 1 as Hours,
      lifetime: 1 as Hours,
      utilization: 0,
    }),
  );
});

test('facility energy, location- and market-based carbon', () => {
  const fac = facilityEnergy(100 as Kwh, 1.5);
  assert.equal(fac, 150);
  assert.throws(() => facilityEnergy(100 as Kwh, 0.9), /PUE must be at least 1/);
  assert.equal(locationBased(fac, 400 as GramsCo2ePerKwh), 60_000);
  assert.equal(marketBased(fac, 0.25 as Fraction, 400 as GramsCo2ePerKwh), 45_000);
});

test('linear load model between idle and TDP', () => {
  assert.equal(powerAtLoad(400 as Watts, 100 as Watts, 0.5 as Fraction), 250);
  assert.equal(powerAtLoad(15 as Watts, 0 as Watts, 1 as Fraction), 15);
  assert.throws(() => powerAtLoad(100 as Watts, 200 as Watts, 0.5 as Fraction));
});

test('property: total = location-based operational + embodied, and totals = sum of groups', () => {
  fc.assert(
    fc.property(jobArb, (job) => {
      const p = priceJob(job);
      const sum = (f: (g: (typeof p.groups)[number]) => number) => p.groups.reduce((s, g) => s + f(g), 0);
      return (
        close(p.totalGco2e, p.operationalGco2e.location + p.embodiedGco2e) &&
        close(
          p.energyKwh,
          sum((g) => g.energyKwh),
        ) &&
        close(
          p.embodiedGco2e,
          sum((g) => g.embodiedGco2e),
        ) &&
        close(
          p.operationalGco2e.market,
          sum((g) => g.operationalGco2e.market),
        ) &&
        p.operationalGco2e.market <= p.operationalGco2e.location * (1 + 1e-12)
      );
    }),
  );
});

test('property: phases sum to the total', () => {
  fc.assert(
    fc.property(fc.array(jobArb, { minLength: 1, maxLength: 8 }), (jobs) => {
      const priced = jobs.map((j) => priceJob(j));
      const rollup = rollUpByPhase(priced);
      const direct = priced.reduce((s, p) => s + p.totalGco2e, 0);
      const byPhase = Object.values(rollup.byPhase).reduce((s, t) => s + t.totalGco2e, 0);
      return close(rollup.total.totalGco2e, direct) && close(byPhase, direct);
    }),
  );
});

test('property: scaling device-hours scales power-based energy and embodied linearly', () => {
  fc.assert(
    fc.property(jobArb, fc.double({ min: 0.01, max: 100, noNaN: true }), (job, k) => {
      const powerOnly: Job = { ...job, groups: job.groups.filter((g) => g.energy.kind === 'power') };
      const scaled: Job = {
        ...powerOnly,
        groups: powerOnly.groups.map((g) => ({ ...g, deviceHours: g.deviceHours * k })),
      };
      const a = priceJob(powerOnly);
      const b = priceJob(scaled);
      return close(b.energyKwh, a.energyKwh * k, 1e-9) && close(b.embodiedGco2e, a.embodiedGco2e * k, 1e-9);
    }),
  );
});

test('property: finite input never gives NaN or Infinity, in the nominal case or in any draw', () => {
  fc.assert(
    fc.property(jobArb, fc.integer({ min: 1, max: 1_000_000 }), (job, seed) => {
      const p = priceJob(job);
      const u = simulate(job, { draws: 50, seed });
      const numbers = [
        p.energyKwh,
        p.facilityEnergyKwh,
        p.totalGco2e,
        p.operationalGco2e.market,
        p.embodiedGco2e,
        ...Object.values(u.totalGco2e),
      ];
      return numbers.every(Number.isFinite);
    }),
    { numRuns: 50 },
  );
});

test('Monte Carlo: same seed, same numbers; p5 ≤ p50 ≤ p95; exact inputs have no spread', () => {
  fc.assert(
    fc.property(jobArb, (job) => {
      const a = simulate(job, { draws: 200, seed: 5 });
      const b = simulate(job, { draws: 200, seed: 5 });
      const q = a.totalGco2e;
      return JSON.stringify(a) === JSON.stringify(b) && q.p5 <= q.p50 && q.p50 <= q.p95;
    }),
    { numRuns: 30 },
  );
  const fixed: Job = {
    phase: 'training',
    groups: [
      { label: 'gpu', kind: 'gpu', count: 1, deviceHours: 10, energy: { kind: 'power', watts: exact(300) } },
    ],
    site: { pue: exact(1.2), intensity: exact(400), cfe: exact(0) },
    provenance: [],
  };
  const u = simulate(fixed, { draws: 100, seed: 1 });
  const nominal = priceJob(fixed).totalGco2e;
  assert.ok(close(u.totalGco2e.p5, nominal) && close(u.totalGco2e.p95, nominal));
  assert.ok(close(nominal, ((300 * 10) / 1000) * 1.2 * 400));
});
