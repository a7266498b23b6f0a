/**
 * fast-check generators of valid Jobs for the accounting property tests.
 */
import fc from 'fast-check';
import { DEVICE_KINDS, type DeviceGroup, type Job, PHASES } from './job.js';
import { type Range, range } from './uncertainty.js';

const positive = (max: number) => fc.double({ min: 1e-3, max, noNaN: true, noDefaultInfinity: true });

export const rangeArb = (min: number, max: number): fc.Arbitrary<Range> =>
  fc
    .tuple(
      fc.double({ min, max, noNaN: true }),
      fc.double({ min, max, noNaN: true }),
      fc.double({ min, max, noNaN: true }),
    )
    .map(([a, b, c]) => {
      const [low, mode, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
      return range(low, mode, high);
    });

export const groupArb: fc.Arbitrary<DeviceGroup> = fc.record({
  label: fc.constant('device'),
  kind: fc.constantFrom(...DEVICE_KINDS),
  count: fc.integer({ min: 1, max: 10_000 }),
  deviceHours: positive(1e7),
  energy: fc.oneof(
    fc.record({ kind: fc.constant('power' as const), watts: rangeArb(0, 2000) }),
    fc.record({ kind: fc.constant('energy' as const), kwh: rangeArb(0, 1e6) }),
  ),
  embodied: fc.record({
    kgPerDevice: rangeArb(0, 5000),
    lifetimeYears: rangeArb(0.5, 10),
    utilization: rangeArb(0.05, 1),
  }),
});

export const jobArb: fc.Arbitrary<Job> = fc.record({
  phase: fc.constantFrom(...PHASES),
  groups: fc.array(groupArb, { minLength: 1, maxLength: 6 }),
  site: fc.record({
    pue: rangeArb(1, 3),
    intensity: rangeArb(0, 1200),
    cfe: rangeArb(0, 1),
  }),
  provenance: fc.constant([]),
});
