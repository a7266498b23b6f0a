import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimateSpec } from './estimate.js';
import { repriceSpec, swapsHardware } from './reprice.js';
import type { EstimateSpec } from './spec.js';

const base: EstimateSpec = {
  name: 'run',
  phase: 'training',
  duration_h: 10,
  hardware: [
    { type: 'gpu', model: 'NVIDIA A100 SXM4 80GB', count: 8, hours: 80, energy_kwh: 240 },
    { type: 'cpu', count: 2, hours: 20, energy_kwh: 4 },
  ],
  site: { zone: 'DE' },
  embodied: { include: true },
};
const price = (spec: EstimateSpec) => estimateSpec(spec, 'test', { draws: 50, seed: 1 }).priced;

test('moving zone changes only the intensity: energy and embodied stay', () => {
  const a = price(base);
  const b = price(repriceSpec(base, { zone: 'FR' }));
  assert.equal(b.energyKwh, a.energyKwh);
  assert.equal(b.embodiedGco2e, a.embodiedGco2e);
  assert.ok(b.operationalGco2e.location < a.operationalGco2e.location, 'France is cleaner than Germany');
});

test('a CFE share lowers market-based only; PUE scales facility energy', () => {
  const a = price(base);
  const c = price(repriceSpec(base, { cfe: 0.5 }));
  assert.equal(c.operationalGco2e.location, a.operationalGco2e.location);
  assert.ok(
    Math.abs(c.operationalGco2e.market - a.operationalGco2e.market * 0.5) < 1e-6 * a.operationalGco2e.market,
  );
  const p = price(repriceSpec({ ...base, site: { ...base.site, pue: 1.1 } }, { pue: 2.2 }));
  assert.ok(
    Math.abs(
      p.facilityEnergyKwh - 2 * price({ ...base, site: { ...base.site, pue: 1.1 } }).facilityEnergyKwh,
    ) < 1e-9,
  );
});

test('a speed-up of 2 halves energy and embodied carbon', () => {
  const a = price(base);
  const b = price(repriceSpec(base, { speedup: 2 }));
  assert.ok(Math.abs(b.energyKwh - a.energyKwh / 2) < 1e-9);
  assert.ok(Math.abs(b.embodiedGco2e - a.embodiedGco2e / 2) < 1e-6);
});

test('swapping hardware scales GPU energy by the TDP ratio and the speed-up, and takes the new embodied figure', () => {
  const b = repriceSpec(base, { hardware: 'NVIDIA H100 SXM5 80GB', speedup: 2 });
  const gpu = b.hardware[0];
  assert.equal(gpu?.model, 'NVIDIA H100 SXM5 80GB');
  assert.ok(Math.abs((gpu?.energy_kwh ?? 0) - (240 * 700) / 400 / 2) < 1e-9, `${gpu?.energy_kwh}`);
  assert.equal(gpu?.hours, 40);
  assert.equal(b.hardware[1]?.energy_kwh, 2, 'the host runs half as long too');
  assert.throws(() => repriceSpec(base, { hardware: 'NVIDIA A1000' }), /unknown hardware model/);
  const cpuOnly: EstimateSpec = { ...base, hardware: [base.hardware[1] as EstimateSpec['hardware'][number]] };
  assert.equal(swapsHardware(cpuOnly, 'NVIDIA H100 SXM5 80GB'), false);
  assert.deepEqual(repriceSpec(cpuOnly, { hardware: 'NVIDIA H100 SXM5 80GB' }).hardware, cpuOnly.hardware);
});

test('lifetime and utilization change embodied carbon inversely', () => {
  const a = price(repriceSpec(base, { lifetimeYears: 4, utilization: 0.5 }));
  const b = price(repriceSpec(base, { lifetimeYears: 8, utilization: 0.5 }));
  const c = price(repriceSpec(base, { lifetimeYears: 4, utilization: 1 }));
  assert.ok(Math.abs(b.embodiedGco2e - a.embodiedGco2e / 2) < 1e-6 * a.embodiedGco2e);
  assert.ok(Math.abs(c.embodiedGco2e - a.embodiedGco2e / 2) < 1e-6 * a.embodiedGco2e);
});
