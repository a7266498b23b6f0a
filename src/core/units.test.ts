import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FootprintError } from './errors.js';
import { energyAt, fraction, hours, joules, joulesToKwh, kwh, watts, yearsToHours } from './units.js';

test('unit constructors reject NaN, ±Infinity and negative quantities', () => {
  for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1]) {
    assert.throws(() => kwh(bad), FootprintError);
    assert.throws(() => watts(bad), FootprintError);
    assert.throws(() => hours(bad), FootprintError);
  }
  assert.throws(() => fraction(1.01), FootprintError);
  assert.throws(() => fraction(-0.01), FootprintError);
  assert.equal(fraction(0.25), 0.25);
});

test('energy at constant power: 250 W for 4 h is 1 kWh', () => {
  assert.equal(energyAt(watts(250), hours(4)), 1);
});

test('3.6 MJ is one kWh', () => {
  assert.equal(joulesToKwh(joules(3_600_000)), 1);
});

test('a lifetime of one year is 8766 h (Julian year)', () => {
  assert.equal(yearsToHours(1), 8766);
});
