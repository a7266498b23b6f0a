import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { PHASES } from './job.js';
import type { EnergySample } from './measurement.js';
import { phaseIntervals, splitByPhase } from './phase-split.js';

test('a phase marker splits a sample across phases by overlap', () => {
  const intervals = phaseIntervals(0, 4000, 'data', [
    { atMs: 1500, label: 'train', phase: 'training', attrs: {} },
  ]);
  assert.deepEqual(intervals, [
    { phase: 'data', fromMs: 0, toMs: 1500 },
    { phase: 'training', fromMs: 1500, toMs: 4000 },
  ]);
  const samples: EnergySample[] = [
    { deviceId: 'a', startMs: 1000, endMs: 2000, energyJ: 100, attributedJ: 50 },
    { deviceId: 'a', startMs: 2000, endMs: 3000, energyJ: 100, attributedJ: 100 },
  ];
  const split = splitByPhase(samples, intervals);
  assert.deepEqual(split.get('data')?.get('a'), { energyJ: 50, attributedJ: 25 });
  assert.deepEqual(split.get('training')?.get('a'), { energyJ: 150, attributedJ: 125 });
});

test('markers without a phase do not split; no markers is one phase', () => {
  assert.equal(phaseIntervals(0, 10, 'training', [{ atMs: 5, label: 'epoch', attrs: {} }]).length, 1);
});

test('property: phases always sum to the run', () => {
  const sample = fc.record({
    deviceId: fc.constantFrom('a', 'b'),
    startMs: fc.integer({ min: -100, max: 10_000 }),
    len: fc.integer({ min: 0, max: 2000 }),
    energyJ: fc.double({ min: 0, max: 1e4, noNaN: true }),
  });
  const marker = fc.record({
    atMs: fc.integer({ min: -500, max: 12_000 }),
    phase: fc.constantFrom(...PHASES),
  });
  fc.assert(
    fc.property(fc.array(sample, { maxLength: 30 }), fc.array(marker, { maxLength: 5 }), (raw, marks) => {
      const samples = raw.map((s) => ({
        deviceId: s.deviceId,
        startMs: s.startMs,
        endMs: s.startMs + s.len,
        energyJ: s.energyJ,
        attributedJ: s.energyJ / 2,
      }));
      const intervals = phaseIntervals(
        0,
        10_000,
        'training',
        marks.map((m) => ({ ...m, label: 'x', attrs: {} })),
      );
      const split = splitByPhase(samples, intervals);
      let total = 0;
      for (const byDevice of split.values()) for (const e of byDevice.values()) total += e.energyJ;
      const expected = samples.reduce((s, x) => s + x.energyJ, 0);
      return Math.abs(total - expected) <= 1e-6 * Math.max(1, expected);
    }),
  );
});
