import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exposition } from './prometheus.js';

test('exposition: HELP and TYPE per family, escaped labels, one line per series', () => {
  const text = exposition([
    {
      device: 'rapl:package-0',
      kind: 'cpu',
      name: 'pkg "0"\\x',
      provenance: 'measured',
      energyJ: 12.5,
      powerW: 40,
      carbonLocationG: 1.5,
      carbonMarketG: 1,
    },
  ]);
  assert.match(
    text,
    /^# HELP footprint_energy_joules_total .+\n# TYPE footprint_energy_joules_total counter\n/,
  );
  assert.match(
    text,
    /footprint_energy_joules_total\{device="rapl:package-0",kind="cpu",name="pkg \\"0\\"\\\\x",provenance="measured"\} 12\.5\n/,
  );
  assert.match(text, /# TYPE footprint_power_watts gauge\nfootprint_power_watts\{[^}]+\} 40\n/);
  assert.match(text, /footprint_carbon_grams_total\{[^}]+,basis="market"\} 1\n/);
  assert.equal(text.split('\n').filter((l) => l.startsWith('footprint_')).length, 4);
  for (const line of text.trim().split('\n'))
    assert.match(line, /^(# (HELP|TYPE) footprint_[a-z_]+ .+|footprint_[a-z_]+\{.*\} -?[\d.e+-]+)$/);
});
