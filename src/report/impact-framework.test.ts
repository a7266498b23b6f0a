import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { GramsCo2e } from '../core/units.js';
import { IF_PIPELINE, ifInputs, toImpactManifest } from './impact-framework.js';
import { reportFixture } from './report-fixture.test-util.js';

const close = (a: number, b: number, rel = 1e-9) =>
  Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

interface Plugin {
  method: string;
  path: string;
  config: Record<string, unknown>;
}

test('the manifest: builtin plugins, one child per item, inputs in IF units', () => {
  const report = reportFixture();
  const m = parse(toImpactManifest(report)) as {
    name: string;
    initialize: { plugins: Record<string, Plugin> };
    tree: {
      children: Record<string, { pipeline: { compute: string[] }; inputs: Record<string, unknown>[] }>;
    };
    aggregation: { metrics: string[]; type: string };
  };
  assert.equal(m.name, report.title);
  assert.deepEqual(Object.keys(m.initialize.plugins), [...IF_PIPELINE]);
  for (const p of Object.values(m.initialize.plugins)) {
    assert.equal(p.path, 'builtin');
    assert.ok(['Multiply', 'Sum'].includes(p.method));
    assert.ok(Array.isArray(p.config['input-parameters']));
    assert.equal(typeof p.config['output-parameter'], 'string');
  }
  assert.deepEqual(m.initialize.plugins['energy-facility']?.config, {
    'input-parameters': ['energy', 'pue'],
    'output-parameter': 'energy-facility',
  });
  assert.deepEqual(
    Object.keys(m.tree.children),
    report.items.map((i) => i.id),
  );
  for (const item of report.items) {
    const child = m.tree.children[item.id];
    assert.deepEqual(child?.pipeline.compute, [...IF_PIPELINE]);
    const input = child?.inputs[0];
    assert.equal(input?.timestamp, new Date(item.startMs).toISOString());
    assert.equal(input?.duration, (item.durationHours ?? 0) * 3600);
    assert.equal(input?.energy, item.energyKwh);
    assert.equal(input?.['carbon-embodied'], item.embodiedGco2e);
  }
  assert.equal(m.aggregation.type, 'both');
  assert.ok(m.aggregation.metrics.includes('carbon'));
});

test('the pipeline arithmetic lands on each item: stated factors when they reproduce, effective ones otherwise', () => {
  const report = reportFixture();
  const base = report.items[1];
  assert.ok(base);
  // An hourly-weighted intensity: location-based carbon is not facility energy × the annual figure.
  const hourly = {
    ...base,
    operationalGco2e: { location: (base.facilityEnergyKwh * 333.3) as GramsCo2e, market: 0 as GramsCo2e },
  };
  const totalOf = (x: Record<string, string | number>) =>
    (x.energy as number) * (x.pue as number) * (x['grid/carbon-intensity'] as number) +
    (x['carbon-embodied'] as number);
  for (const item of [...report.items, hourly]) {
    const x = ifInputs(item);
    assert.ok(close(totalOf(x), item.operationalGco2e.location + item.embodiedGco2e), item.id);
    const market = (x.energy as number) * (x.pue as number) * (x['grid/market-carbon-intensity'] as number);
    assert.ok(close(market, item.operationalGco2e.market), `${item.id} market`);
  }
  assert.equal(ifInputs(base)['grid/carbon-intensity'], 400, 'the stated intensity when it reproduces');
  assert.ok(close(ifInputs(hourly)['grid/carbon-intensity'] as number, 333.3), 'the effective one otherwise');
});
