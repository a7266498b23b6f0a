import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { hourlyLocationBased, hourlyMarketBased, seriesCovers, weightedMean } from './intensity-series.js';

const H = 3_600_000;
const series = { startMs: 0, stepMs: H, values: [100, 200, 300, 400] };

test('a job inside one hour sees that hour; across hours, the time-weighted mean', () => {
  assert.equal(weightedMean(series, 0.25 * H, 0.75 * H), 100);
  // half an hour at 100, one hour at 200, half an hour at 300 → (50 + 200 + 150) / 2 = 200
  assert.equal(weightedMean(series, 0.5 * H, 2.5 * H), 200);
});

test('hourly-weighted carbon differs from annual-average pricing when load moves', () => {
  const profile = [
    { fromMs: 0, toMs: H, kwh: 3 },
    { fromMs: 3 * H, toMs: 4 * H, kwh: 1 },
  ];
  assert.equal(hourlyLocationBased(series, profile), 3 * 100 + 1 * 400);
});

test('hourly CFE matching zeroes matched hours', () => {
  const cfe = { startMs: 0, stepMs: H, values: [1, 0.5, 0, 0] };
  const profile = [{ fromMs: 0, toMs: 2 * H, kwh: 2 }];
  assert.equal(hourlyMarketBased(series, cfe, profile), 1 * 0 * 100 + 1 * 0.5 * 200);
});

test('a series that does not cover the interval is refused, not extrapolated', () => {
  assert.equal(seriesCovers(series, 0, 4 * H), true);
  assert.equal(seriesCovers(series, 0, 4 * H + 1), false);
  assert.throws(() => weightedMean(series, 3 * H, 5 * H), /does not cover/);
});

test('a constant series weights to its constant over any covered interval', () => {
  const flat = { startMs: 0, stepMs: H, values: Array(48).fill(321) };
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 47 * H }), fc.integer({ min: 0, max: H }), (from, len) => {
      return Math.abs(weightedMean(flat, from, from + len) - 321) < 1e-9;
    }),
  );
});
