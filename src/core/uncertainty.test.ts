import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { seededRng } from './random.js';
import { drawTriangular, exact, quantiles, range, relativeRange } from './uncertainty.js';

test('triangular draws stay inside [low, high] and hit the mode at the cut', () => {
  fc.assert(
    fc.property(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
      fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      (low, a, b, u) => {
        const r = range(low, low + a, low + a + b);
        const x = drawTriangular(r, u);
        const eps = 1e-9 * Math.max(1, Math.abs(r.low), Math.abs(r.high));
        return x >= r.low - eps && x <= r.high + eps;
      },
    ),
  );
  const r = range(0, 2, 10);
  assert.ok(Math.abs(drawTriangular(r, 0.2) - 2) < 1e-12);
});

test('an exact range always draws its value', () => {
  const rng = seededRng(7);
  for (let i = 0; i < 100; i++) assert.equal(drawTriangular(exact(42), rng()), 42);
});

test('the sample mean of a triangular distribution approaches (low + mode + high) / 3', () => {
  const r = range(1, 2, 6);
  const rng = seededRng(3);
  let sum = 0;
  const n = 200_000;
  for (let i = 0; i < n; i++) sum += drawTriangular(r, rng());
  assert.ok(Math.abs(sum / n - 3) < 0.01, `mean ${sum / n}`);
});

test('quantiles interpolate between order statistics', () => {
  const q = quantiles(Float64Array.from([5, 1, 3, 2, 4]));
  assert.equal(q.p50, 3);
  assert.ok(Math.abs(q.p5 - 1.2) < 1e-12);
  assert.ok(Math.abs(q.p95 - 4.8) < 1e-12);
});

test('relative ranges and bad ranges', () => {
  const r = relativeRange(100, 10);
  assert.ok(Math.abs(r.low - 90) < 1e-9 && r.mode === 100 && Math.abs(r.high - 110) < 1e-9);
  assert.throws(() => range(2, 1, 3));
  assert.throws(() => range(Number.NaN, 1, 3));
});

test('the seeded generator repeats itself and is uniform on [0, 1)', () => {
  const a = seededRng(99);
  const b = seededRng(99);
  let sum = 0;
  for (let i = 0; i < 10_000; i++) {
    const x = a();
    assert.equal(x, b());
    assert.ok(x >= 0 && x < 1);
    sum += x;
  }
  assert.ok(Math.abs(sum / 10_000 - 0.5) < 0.02);
});
